#!/usr/bin/env node
// Runs every *.test.ts under src/, packages/, test/, examples/ and bench/ with node:test.
// Node 20's `--test` does not expand globs, so the file list is built here.
// Extra arguments are passed through as filters on the path (substring match).
import { spawnSync } from 'node:child_process'
import { ensureBuilt } from './ensure-built.mjs'
import { testFiles } from './test-files.mjs'

const filters = process.argv.slice(2)
const files = testFiles(filters)

if (files.length === 0) {
  console.error(`No test files match ${filters.join(' ') || 'the test roots'}.`)
  process.exit(1)
}

ensureBuilt()
const result = spawnSync(
  process.execPath,
  ['--conditions=errcat-source', '--import', 'tsx', '--test', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
)
process.exit(result.status ?? 1)
