#!/usr/bin/env node
// Runs every *.test.ts under src/, packages/, test/, examples/ and bench/ with node:test.
// Node 20's `--test` does not expand globs, so the file list is built here.
// Extra arguments are passed through as filters on the path (substring match).
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

const roots = ['src', 'packages', 'test', 'examples', 'bench']
const skip = new Set(['node_modules', 'dist', 'generated-fixtures'])

function findTests(dir, out = []) {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return out
  }
  for (const entry of entries) {
    if (skip.has(entry.name)) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) findTests(path, out)
    else if (entry.name.endsWith('.test.ts')) out.push(relative(process.cwd(), path))
  }
  return out
}

const filters = process.argv.slice(2)
const files = roots
  .flatMap((root) => findTests(root))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort()

if (files.length === 0) {
  console.error(`No test files match ${filters.join(' ') || 'the test roots'}.`)
  process.exit(1)
}

const result = spawnSync(
  process.execPath,
  ['--conditions=errcat-source', '--import', 'tsx', '--test', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
)
process.exit(result.status ?? 1)
