#!/usr/bin/env node
// `node scripts/parallel.mjs build typecheck`: runs those npm scripts at the
// same time (each is one tsc, which uses one core) and fails when any fails.
import { spawn } from 'node:child_process'

const scripts = process.argv.slice(2)
const codes = await Promise.all(
  scripts.map(
    (name) =>
      new Promise((resolve) => {
        const child = spawn('npm', ['run', '--silent', name], { stdio: 'inherit' })
        child.on('error', () => resolve(1))
        child.on('close', (code) => resolve(code ?? 1))
      }),
  ),
)
const failed = scripts.filter((_, i) => codes[i] !== 0)
if (failed.length > 0) {
  console.error(`failed: npm run ${failed.join(', npm run ')}`)
  process.exit(1)
}
