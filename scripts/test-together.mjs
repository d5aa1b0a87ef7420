// Runs the test files listed in ERRCAT_TESTS_TOGETHER (one per line) in this
// one process. Each test process pays for Node, tsx and the shared modules
// once: the ninety small unit test files beside the code run together, which
// saves more than a minute of CPU against a process each. scripts/test.mjs
// runs it under node:test like any test file.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const files = (process.env.ERRCAT_TESTS_TOGETHER ?? '').split('\n').filter(Boolean)
if (files.length === 0) throw new Error('ERRCAT_TESTS_TOGETHER names no test file')
for (const file of files) await import(pathToFileURL(resolve(file)).href)
