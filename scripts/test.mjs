#!/usr/bin/env node
// Runs every *.test.ts under src/, packages/, test/, examples/ and bench/ with
// node:test, two files at a time (one per core of the CI machine).
// Node 20's `--test` does not expand globs, so the file list is built here.
// Extra arguments are passed through as filters on the path (substring match).
//
// The unit tests beside the code (every file outside test/) run together in
// one process (scripts/test-together.mjs): a process each would start Node,
// tsx and the shared modules ninety times. The test/ files keep a process
// each, since they start servers, browsers and child processes. The longest
// files start first, so that neither core idles at the end.
import { spawnSync } from 'node:child_process'
import { ensureBuilt } from './ensure-built.mjs'
import { testFiles } from './test-files.mjs'

const LONGEST_FIRST = [
  'test/docs/docs-browser.test.ts',
  'scripts/test-together.mjs',
  'test/security/regexes.test.ts',
  'test/import/fuzz.test.ts',
  'test/build/kill-safety.test.ts',
  'test/install/pack.test.ts',
  'test/import/bounds.test.ts',
]

const filters = process.argv.slice(2)
const files = testFiles(filters)

if (files.length === 0) {
  console.error(`No test files match ${filters.join(' ') || 'the test roots'}.`)
  process.exit(1)
}

const together = files.filter((file) => !file.startsWith('test/'))
const alone = files.filter((file) => file.startsWith('test/'))
const run = together.length > 1 ? ['scripts/test-together.mjs', ...alone] : files
const rank = (file) => {
  const i = LONGEST_FIRST.indexOf(file)
  return i === -1 ? LONGEST_FIRST.length : i
}
run.sort((a, b) => rank(a) - rank(b))

ensureBuilt()
const result = spawnSync(
  process.execPath,
  [
    '--conditions=errcat-source',
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    ...run,
  ],
  { stdio: 'inherit', env: { ...process.env, ERRCAT_TESTS_TOGETHER: together.join('\n') } },
)
process.exit(result.status ?? 1)
