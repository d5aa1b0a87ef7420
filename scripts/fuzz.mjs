#!/usr/bin/env node
// `npm run fuzz`: the property tests (every *.test.ts that imports
// test/fuzz-settings.ts) in a loop, each run with a fresh random seed and its
// run counts multiplied, until the time is up. Stops at the first finding
// with exit 1, printing the output, the seed and the command that replays it.
//
//   npm run fuzz -- [--minutes 10] [--runs 5] [--hang-minutes 15] [path fragment…]
import { spawn } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { ensureBuilt } from './ensure-built.mjs'
import { testFiles } from './test-files.mjs'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    minutes: { type: 'string', default: '10' },
    runs: { type: 'string', default: '5' },
    'hang-minutes': { type: 'string', default: '15' },
  },
})

function positive(name, text) {
  const n = Number(text)
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number: ${text}`)
    process.exit(2)
  }
  return n
}
const minutes = positive('minutes', values.minutes)
const runs = Math.round(positive('runs', values.runs))
const hangMinutes = positive('hang-minutes', values['hang-minutes'])

// The property tests are the files that take their seed from test/fuzz-settings.ts.
const files = testFiles(positionals).filter((file) =>
  readFileSync(file, 'utf8').includes('fuzz-settings'),
)
if (files.length === 0) {
  console.error(`No fuzz tests match ${positionals.join(' ')}.`)
  process.exit(2)
}
ensureBuilt()

/** One test file with one seed; resolves with its exit code and output. */
function runOnce(file, seed) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=errcat-source', '--import', 'tsx', '--test', '--test-reporter=spec', file],
      {
        env: { ...process.env, ERRCAT_FUZZ_RUNS: String(runs), ERRCAT_FUZZ_SEED: String(seed) },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    )
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    let hung = false
    const timer = setTimeout(() => {
      hung = true
      process.kill(-child.pid, 'SIGKILL')
    }, hangMinutes * 60_000)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code: code ?? 1, signal, hung, output })
    })
  })
}

const started = Date.now()
const elapsed = () => (Date.now() - started) / 60_000
const clock = () => {
  const s = Math.round((Date.now() - started) / 1000)
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
}
const counts = new Map(files.map((f) => [f, 0]))
// Start the rotation at a random file, so that short runs do not always test the same few.
let next = randomInt(files.length)

console.log(
  `fuzz: ${files.length} files, runs ×${runs}, for ${minutes} min (a file that runs ${hangMinutes} min is a hang)`,
)
while (elapsed() < minutes) {
  const file = files[next++ % files.length]
  const seed = randomInt(2 ** 31)
  const fileStarted = Date.now()
  const result = await runOnce(file, seed)
  const seconds = Math.round((Date.now() - fileStarted) / 1000)
  if (result.code !== 0 || result.hung) {
    console.log(result.output)
    console.log(
      `\n[${clock()}] FINDING in ${file} with seed ${seed}${result.hung ? ` (no end after ${hangMinutes} min)` : ''}`,
    )
    console.log(
      `Replay: ERRCAT_FUZZ_SEED=${seed} ERRCAT_FUZZ_RUNS=${runs} npm run test:only -- ${file}`,
    )
    process.exit(1)
  }
  counts.set(file, counts.get(file) + 1)
  console.log(`[${clock()}] ok ${file} seed ${seed} (${seconds} s)`)
}
console.log(`\nfuzz: no finding in ${clock()} (mm:ss); runs per file:`)
for (const [file, count] of counts) console.log(`  ${count}  ${file}`)
