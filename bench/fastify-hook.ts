// An `onRequest` hook of Fastify 5 answering Seven Bridges' 429
// (RATE_LIMIT_EXCEEDED), as a rate limiter does under abuse, three ways, each
// server with an `onSend` hook registered (as CORS or compression would be):
//   - ceiling:          the hook sends a hand-built body with errcat's bytes and
//                       headers (bench/sevenbridges-429.ts);
//   - ceiling + error:  the same, after creating `RATE_LIMIT_EXCEEDED()` as a caller of
//                       sendError does: what is left of the gap is the handler's;
//   - errcat sendError: the hook returns `reply.sendError(RATE_LIMIT_EXCEEDED())`;
//   - errcat sendError(factory): `reply.sendError(RATE_LIMIT_EXCEEDED)`, the same
//                       answer without creating the error;
//   - errcat, throw:    the hook throws it, and the plugin's error handler answers.
// Target: `reply.sendError` keeps at least 0.9 of the ceiling, in requests per
// second and in CPU time per request (reported for both forms).

import type { FastifyReply, FastifyRequest } from 'fastify'
import {
  formatLoad,
  isServeProcess,
  type LoadOptions,
  type LoadResult,
  loadVariants,
  portOf,
  serveVariants,
} from './http-load.ts'
import { assertSame429, BODY, HEADERS, STATUS } from './sevenbridges-429.ts'

const VARIANTS = [
  'ceiling',
  'ceiling + error',
  'errcat sendError',
  'errcat sendError(factory)',
  'errcat, throw',
] as const
type Variant = (typeof VARIANTS)[number]
const PATH = '/v2/tasks/00000000-0000-4000-8000-000000000000'

/** The target: sendError keeps at least this share of the ceiling. */
export const TARGET = 0.9

export interface FastifyHookResult {
  name: 'fastify-hook'
  load: LoadResult<Variant>
  /** sendError's requests/s over the ceiling's, and the ceiling's CPU per request over sendError's. */
  rpsRatio: number
  cpuRatio: number
  /** The same for `reply.sendError(RATE_LIMIT_EXCEEDED)`, which creates no error. */
  factoryRpsRatio: number
  factoryCpuRatio: number
  /** The same against the ceiling that creates the error too: the handler's share. */
  cpuRatioWithError: number
  /** What not throwing saves: the throwing hook's CPU per request over sendError's. */
  throwCpuOverSend: number
  /** Whether each form keeps 0.9 of the ceiling in both measures. */
  targetMet: boolean
  factoryTargetMet: boolean
}

async function serve(): Promise<void> {
  const [{ default: Fastify }, { default: errcat }, errors] = await Promise.all([
    import('fastify'),
    import('@errcat/runtime/fastify'),
    import('../examples/sevenbridges/errors.generated.ts'),
  ])
  const bytes = Buffer.from(BODY)
  // Keeps the created error reachable, so that the engine cannot drop its creation.
  const sink: { error?: unknown } = {}

  type Hook = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
  async function app(hook: Hook, withErrcat: boolean) {
    const app = Fastify()
    if (withErrcat) await app.register(errcat, { catalog: errors.catalog })
    app.addHook('onSend', (_request, _reply, _payload, done) => {
      done()
    })
    app.addHook('onRequest', hook)
    app.get('/v2/tasks/:id', async () => ({ id: 'never reached' }))
    await app.listen({ port: 0, host: '127.0.0.1' })
    return portOf(app.server)
  }

  await serveVariants({
    ceiling: () =>
      app(async (_request, reply) => reply.code(STATUS).headers(HEADERS).send(bytes), false),
    'ceiling + error': () =>
      app(async (_request, reply) => {
        sink.error = errors.RATE_LIMIT_EXCEEDED()
        return reply.code(STATUS).headers(HEADERS).send(bytes)
      }, false),
    'errcat sendError': () =>
      app(async (_request, reply) => reply.sendError(errors.RATE_LIMIT_EXCEEDED()), true),
    'errcat sendError(factory)': () =>
      app(async (_request, reply) => reply.sendError(errors.RATE_LIMIT_EXCEEDED), true),
    'errcat, throw': () =>
      app(async () => {
        throw errors.RATE_LIMIT_EXCEEDED()
      }, true),
  })
}

export async function run(options: LoadOptions = {}): Promise<FastifyHookResult> {
  const result = await loadVariants(
    import.meta.url,
    VARIANTS,
    PATH,
    (_variant, response, body) => assertSame429(response, body),
    options,
  )
  const { medianRps: rps, medianCpuUsPerRequest: cpu } = result
  const rpsRatio = rps['errcat sendError'] / rps.ceiling
  const cpuRatio = cpu.ceiling / cpu['errcat sendError']
  const factoryRpsRatio = rps['errcat sendError(factory)'] / rps.ceiling
  const factoryCpuRatio = cpu.ceiling / cpu['errcat sendError(factory)']
  return {
    name: 'fastify-hook',
    load: result,
    rpsRatio,
    cpuRatio,
    factoryRpsRatio,
    factoryCpuRatio,
    cpuRatioWithError: cpu['ceiling + error'] / cpu['errcat sendError'],
    throwCpuOverSend: cpu['errcat, throw'] / cpu['errcat sendError'],
    targetMet: rpsRatio >= TARGET && cpuRatio >= TARGET,
    factoryTargetMet: factoryRpsRatio >= TARGET && factoryCpuRatio >= TARGET,
  }
}

export function formatResult(result: FastifyHookResult): string {
  return [
    `fastify-hook: onRequest answering 429, medians of the rounds (load average ${result.load.loadAverage.map((n) => n.toFixed(1)).join(' → ')})`,
    ...formatLoad(result.load, VARIANTS),
    `  sendError ÷ ceiling: ${result.rpsRatio.toFixed(3)} in requests/s, ${result.cpuRatio.toFixed(3)} in CPU per request (target ≥ ${TARGET}: ${result.targetMet ? 'met' : 'MISSED'})`,
    `  sendError(factory) ÷ ceiling: ${result.factoryRpsRatio.toFixed(3)} in requests/s, ${result.factoryCpuRatio.toFixed(3)} in CPU per request (target ≥ ${TARGET}: ${result.factoryTargetMet ? 'met' : 'MISSED'})`,
    `  CPU per request: (ceiling + error) ÷ sendError ${result.cpuRatioWithError.toFixed(3)}; throwing ÷ sendError ${result.throwCpuOverSend.toFixed(2)}`,
  ].join('\n')
}

if (isServeProcess(import.meta.url)) await serve()
