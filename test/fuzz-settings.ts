// The one knob of every property test (fast-check): how many runs, which seed.
// `npm test` runs each property with its own short run count and one fixed
// seed, so it is a regression net that fails the same way every time.
// `npm run fuzz` (scripts/fuzz.mjs) sets ERRCAT_FUZZ_RUNS to multiply the run
// counts and ERRCAT_FUZZ_SEED to a fresh random seed per run: the same
// variables replay a finding (CONTRIBUTING.md, "Fuzzing").
import { randomInt } from 'node:crypto'

/** The seed of `npm test`. */
export const FIXED_SEED = 20261207

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name]
  if (text === undefined || text === '') return fallback
  const n = Number(text)
  // A mistyped variable must not quietly run the short suite instead of a long one.
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`${name} must be a positive integer: ${text}`)
  return n
}

/** How many times the run counts are multiplied: 1 in `npm test`. */
export const FUZZ_SCALE = positiveInteger('ERRCAT_FUZZ_RUNS', 1)

function chooseSeed(): number {
  const given = process.env.ERRCAT_FUZZ_SEED
  if (given !== undefined && given !== '') {
    const n = Number(given)
    if (!Number.isSafeInteger(n)) throw new Error(`ERRCAT_FUZZ_SEED must be an integer: ${given}`)
    return n
  }
  if (FUZZ_SCALE === 1) return FIXED_SEED
  const seed = randomInt(2 ** 31)
  // Workers and child processes started by a test see the same seed.
  process.env.ERRCAT_FUZZ_SEED = String(seed)
  return seed
}

/** The seed of every property in this process. */
export const FUZZ_SEED = chooseSeed()

if (FUZZ_SEED !== FIXED_SEED || FUZZ_SCALE !== 1)
  console.error(
    `fuzz: seed ${FUZZ_SEED}, runs ×${FUZZ_SCALE} (replay: ERRCAT_FUZZ_SEED=${FUZZ_SEED} ERRCAT_FUZZ_RUNS=${FUZZ_SCALE})`,
  )

/** fast-check parameters for a property that runs `runs` times in `npm test`. */
export function fuzz(runs: number): { seed: number; numRuns: number } {
  return { seed: FUZZ_SEED, numRuns: runs * FUZZ_SCALE }
}
