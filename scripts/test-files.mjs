// The test files of the repository: every *.test.ts under src/, packages/,
// test/, examples/ and bench/, as paths relative to the current folder,
// sorted. Shared by scripts/test.mjs and scripts/fuzz.mjs.
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

const roots = ['src', 'packages', 'test', 'examples', 'bench']
const skip = new Set(['node_modules', 'dist', 'generated-fixtures'])

function findTests(dir, out) {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    if (skip.has(entry.name)) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) findTests(path, out)
    else if (entry.name.endsWith('.test.ts')) out.push(relative(process.cwd(), path))
  }
}

/** The test files whose path contains one of `filters` (all of them when there is none). */
export function testFiles(filters = []) {
  const out = []
  for (const root of roots) findTests(root, out)
  return out.filter((file) => filters.length === 0 || filters.some((f) => file.includes(f))).sort()
}
