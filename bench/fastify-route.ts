// A Fastify 5 route that fails with Seven Bridges' 7002 ("Requested task does
// not exist.", HTTP 404), seven ways:
//   - ceiling:        the route replies a hand-built JSON object itself;
//   - errcat:         the route (async) throws the catalog error, the errcat plugin answers;
//   - errcat, sync:   the same with a route that is a plain function;
//   - @fastify/error: the route throws a @fastify/error, Fastify's own handler answers;
//   - throw floor:    the route throws, and an error handler replies a prebuilt
//                     body: what Fastify's error path costs before any handler works;
//   - throw floor, errcat's headers: the same, also sending errcat's three headers
//                     (prebuilt, with a constant request id): the bytes errcat sends;
//   - catch floor:    the route throws, and a wrapper catches the rejection and sends a
//                     prebuilt body without Fastify's error path: the least any error
//                     handler could cost for an async route that throws.
// Targets: errcat's CPU time per request within 5 % of the throw floor's, and
// @fastify/error's at least 1.25 times errcat's.
import {
  formatLoad,
  isServeProcess,
  type LoadOptions,
  type LoadResult,
  loadVariants,
  portOf,
  serveVariants,
} from './http-load.ts'

const VARIANTS = [
  'ceiling',
  'errcat',
  'errcat, sync',
  '@fastify/error',
  'throw floor',
  "throw floor, errcat's headers",
  'catch floor',
] as const
type Variant = (typeof VARIANTS)[number]
const PATH = '/v2/tasks/00000000-0000-4000-8000-000000000000'

/** errcat's CPU per request may exceed the throw floor's by this factor at most. */
export const FLOOR_TARGET = 1.05
/** @fastify/error's CPU per request must be at least this multiple of errcat's. */
export const PEER_TARGET = 1.25

export interface FastifyRouteResult {
  name: 'fastify-route'
  load: LoadResult<Variant>
  /** errcat's CPU per request over the throw floor's, and over the floor that sends its headers. */
  cpuOverThrowFloor: number
  cpuOverThrowFloorWithHeaders: number
  /** @fastify/error's CPU per request over errcat's. */
  fastifyErrorCpuOverErrcat: number
  /** Requests per second: errcat over the ceiling's, the catch floor's over the ceiling's. */
  rpsRatioToCeiling: number
  catchFloorRpsRatioToCeiling: number
  floorTargetMet: boolean
  peerTargetMet: boolean
}

/** Seven Bridges' 7002 as errcat answers it, for the ceiling and the floors. */
export const BODY_7002 = {
  status: 404,
  code: 7002,
  message: 'Requested task does not exist.',
  more_info: 'https://docs.sevenbridges.com/docs/api-status-codes#7002',
}
/** errcat's headers of that answer; the request id has a UUID's length, but is the same every time. */
export const ERRCAT_HEADERS_7002: Readonly<Record<string, string>> = {
  'content-type': 'application/json',
  'content-language': 'en',
  'x-request-id': '6f1c3a52-8d0e-4b7a-9c21-3e5f7a9b1d04',
}

async function serve(): Promise<void> {
  const [{ default: Fastify }, { default: createFastifyError }, { default: errcat }, errors] =
    await Promise.all([
      import('fastify'),
      import('@fastify/error'),
      import('@errcat/runtime/fastify'),
      import('../examples/sevenbridges/errors.generated.ts'),
    ])
  const listen = async (app: ReturnType<typeof Fastify>) => {
    await app.listen({ port: 0, host: '127.0.0.1' })
    return portOf(app.server)
  }
  const body = BODY_7002
  const prebuilt = Buffer.from(JSON.stringify(body))
  const errcatHeaders = ERRCAT_HEADERS_7002
  const TaskNotFound = createFastifyError('SBG_7002', 'Requested task does not exist.', 404)
  const throwing = async () => {
    throw errors.TASK_NOT_FOUND()
  }

  await serveVariants({
    async ceiling() {
      const app = Fastify()
      app.get('/v2/tasks/:id', async (_request, reply) => reply.code(404).send(body))
      return listen(app)
    },
    async errcat() {
      const app = Fastify()
      await app.register(errcat, { catalog: errors.catalog })
      app.get('/v2/tasks/:id', async () => {
        throw errors.TASK_NOT_FOUND()
      })
      return listen(app)
    },
    async 'errcat, sync'() {
      const app = Fastify()
      await app.register(errcat, { catalog: errors.catalog })
      app.get('/v2/tasks/:id', () => {
        throw errors.TASK_NOT_FOUND()
      })
      return listen(app)
    },
    async '@fastify/error'() {
      const app = Fastify()
      app.get('/v2/tasks/:id', async () => {
        throw new TaskNotFound()
      })
      return listen(app)
    },
    async 'throw floor'() {
      const app = Fastify()
      // Returns nothing: a returned reply is a thenable that Fastify would wait on.
      app.setErrorHandler((_error, _request, reply) => {
        reply.code(404).header('content-type', 'application/json').send(prebuilt)
      })
      app.get('/v2/tasks/:id', throwing)
      return listen(app)
    },
    async "throw floor, errcat's headers"() {
      const app = Fastify()
      app.setErrorHandler((_error, _request, reply) => {
        reply.code(404).headers(errcatHeaders).send(prebuilt)
      })
      app.get('/v2/tasks/:id', throwing)
      return listen(app)
    },
    async 'catch floor'() {
      const app = Fastify()
      app.get('/v2/tasks/:id', (_request, reply) => {
        throwing().catch(() => {
          reply.code(404).header('content-type', 'application/json').send(prebuilt)
        })
      })
      return listen(app)
    },
  })
}

export async function run(options: LoadOptions = {}): Promise<FastifyRouteResult> {
  const load = await loadVariants(
    import.meta.url,
    VARIANTS,
    PATH,
    (variant, response, text) => {
      // Each variant must fail the same way before it is measured.
      if (response.status !== 404 || (!text.includes('7002') && variant !== '@fastify/error'))
        throw new Error(`${variant} answered ${response.status} ${text}`)
    },
    options,
  )
  const cpu = load.medianCpuUsPerRequest
  const rps = load.medianRps
  const cpuOverThrowFloor = cpu.errcat / cpu['throw floor']
  const fastifyErrorCpuOverErrcat = cpu['@fastify/error'] / cpu.errcat
  return {
    name: 'fastify-route',
    load,
    cpuOverThrowFloor,
    cpuOverThrowFloorWithHeaders: cpu.errcat / cpu["throw floor, errcat's headers"],
    fastifyErrorCpuOverErrcat,
    rpsRatioToCeiling: rps.errcat / rps.ceiling,
    catchFloorRpsRatioToCeiling: rps['catch floor'] / rps.ceiling,
    floorTargetMet: cpuOverThrowFloor <= FLOOR_TARGET,
    peerTargetMet: fastifyErrorCpuOverErrcat >= PEER_TARGET,
  }
}

export function formatResult(result: FastifyRouteResult): string {
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED')
  return [
    `fastify-route: ${result.load.rounds} rounds × ${result.load.durationSeconds} s per variant, ${result.load.connections} connections, medians of the rounds (load average ${result.load.loadAverage.map((n) => n.toFixed(1)).join(' → ')})`,
    ...formatLoad(result.load, VARIANTS),
    `  CPU per request: errcat ÷ throw floor ${result.cpuOverThrowFloor.toFixed(3)} (target ≤ ${FLOOR_TARGET}: ${met(result.floorTargetMet)}); errcat ÷ throw floor with errcat's headers ${result.cpuOverThrowFloorWithHeaders.toFixed(3)}; @fastify/error ÷ errcat ${result.fastifyErrorCpuOverErrcat.toFixed(3)} (target ≥ ${PEER_TARGET}: ${met(result.peerTargetMet)})`,
    `  requests/s: errcat ÷ ceiling ${result.rpsRatioToCeiling.toFixed(3)}; catch floor ÷ ceiling ${result.catchFloorRpsRatioToCeiling.toFixed(3)}`,
  ].join('\n')
}

if (isServeProcess(import.meta.url)) await serve()
