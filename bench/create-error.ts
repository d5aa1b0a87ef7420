// Creating an error: a catalog error of a generated module against `new
// Error`, http-errors, @hapi/boom and @fastify/error, for the same condition
// (Seven Bridges 7002, "Requested task does not exist.", HTTP 404). Each
// candidate is measured with mitata in several rounds, in alternating order,
// and the median of the rounds' medians is reported.
import createFastifyError from '@fastify/error'
import { notFound as boomNotFound } from '@hapi/boom'
import createHttpError from 'http-errors'
import { do_not_optimize, measure } from 'mitata'
import { ERROR_FIELD_REQUIRED } from '../examples/qencode/errors.generated.ts'
import { TASK_NOT_FOUND, UNEXPECTED_ERROR } from '../examples/sevenbridges/errors.generated.ts'
import { median } from './median.ts'

const MESSAGE = 'Requested task does not exist.'
const FastifyTaskNotFound = createFastifyError('SBG_TASK_NOT_FOUND', MESSAGE, 404)

/** Each candidate returns the error, so that the engine cannot drop the work. */
export const CANDIDATES: Record<string, () => unknown> = {
  'errcat TASK_NOT_FOUND() (404)': () => TASK_NOT_FOUND(),
  'errcat ERROR_FIELD_REQUIRED({ field }) (400, a param)': () =>
    ERROR_FIELD_REQUIRED({ field: 'query' }),
  'errcat UNEXPECTED_ERROR() (500, keeps its stack)': () => UNEXPECTED_ERROR(),
  'new Error(message)': () => new Error(MESSAGE),
  'http-errors createError(404, message)': () => createHttpError(404, MESSAGE),
  '@hapi/boom notFound(message)': () => boomNotFound(MESSAGE),
  '@fastify/error new TaskNotFound()': () => new FastifyTaskNotFound(),
}

/** The candidate every ratio is taken against, and the one it must beat tenfold. */
export const SUBJECT = 'errcat TASK_NOT_FOUND() (404)'
export const TARGET = { against: 'http-errors createError(404, message)', atLeast: 10 }

export interface CreateErrorResult {
  name: 'create-error'
  rounds: number
  /** Median nanoseconds per creation, by candidate. */
  medianNs: Record<string, number>
  /** How many times faster the subject is than each candidate. */
  speedup: Record<string, number>
  targetMet: boolean
}

export async function run(options: { rounds?: number } = {}): Promise<CreateErrorResult> {
  const rounds = options.rounds ?? 5
  const names = Object.keys(CANDIDATES)
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]))
  for (let round = 0; round < rounds; round++) {
    // Rotate the order, so that no candidate always runs first (or right after a GC-heavy one).
    const order = names.map((_, i) => names[(i + round) % names.length]!)
    for (const name of order) {
      const create = CANDIDATES[name]!
      const stats = await measure(() => do_not_optimize(create()), { min_cpu_time: 300e6 })
      samples[name]!.push(stats.p50)
    }
  }
  const medianNs = Object.fromEntries(names.map((n) => [n, median(samples[n]!)]))
  const subject = medianNs[SUBJECT]!
  const speedup = Object.fromEntries(names.map((n) => [n, medianNs[n]! / subject]))
  return {
    name: 'create-error',
    rounds,
    medianNs,
    speedup,
    targetMet: speedup[TARGET.against]! >= TARGET.atLeast,
  }
}

export function formatResult(result: CreateErrorResult): string {
  const lines = [`create-error: median of ${result.rounds} rounds (mitata p50 per round)`]
  for (const [name, ns] of Object.entries(result.medianNs))
    lines.push(
      `  ${name.padEnd(54)} ${ns.toFixed(0).padStart(6)} ns  ${result.speedup[name]!.toFixed(1).padStart(6)}× the errcat 404`,
    )
  lines.push(
    `  target: at least ${TARGET.atLeast}× faster than ${TARGET.against}: ${result.targetMet ? 'met' : 'MISSED'}`,
  )
  return lines.join('\n')
}
