// A Hono middleware (on @hono/node-server) answering Seven Bridges' 429
// (RATE_LIMIT_EXCEEDED) before the route, as a rate limiter does under abuse,
// four ways:
//   - ceiling:        the middleware returns a hand-built Response with errcat's
//                     bytes and headers (bench/sevenbridges-429.ts);
//   - errcat respond: it returns `errors.respond(c, RATE_LIMIT_EXCEEDED())`;
//   - errcat respond(factory): `errors.respond(c, RATE_LIMIT_EXCEEDED)`, the same
//                     answer without creating the error;
//   - errcat throw:   it throws the error; errcat installed as the docs say
//                     (middleware, onError, notFound) answers;
//   - HTTPException:  it throws `new HTTPException(429, { message })`, and
//                     `app.onError` answers with `c.json(…)`: Hono's usual way.
// The errcat variants have errcat's middleware installed in front, as the docs
// recommend. Target: errcat respond keeps at least 0.9 of the ceiling (reported
// for both forms).
import {
  formatLoad,
  isServeProcess,
  type LoadOptions,
  type LoadResult,
  loadVariants,
  serveVariants,
} from './http-load.ts'
import { assertSame429, BODY, HEADERS, STATUS } from './sevenbridges-429.ts'

const VARIANTS = [
  'ceiling',
  'errcat respond',
  'errcat respond(factory)',
  'errcat throw',
  'HTTPException',
] as const
type Variant = (typeof VARIANTS)[number]
const PATH = '/v2/tasks/00000000-0000-4000-8000-000000000000'
const MESSAGE = 'Rate limit exceeded! Check response headers.'
const MORE_INFO = 'https://docs.sevenbridges.com/docs/api-status-codes#1000'

export const TARGET = 0.9

export interface HonoRouteResult {
  name: 'hono-route'
  load: LoadResult<Variant>
  /** errcat respond over the ceiling, in requests/s, and the ceiling's CPU per request over respond's. */
  rpsRatio: number
  cpuRatio: number
  /** The same for the factory form (`RATE_LIMIT_EXCEEDED` and no call), which creates no error. */
  factoryRpsRatio: number
  factoryCpuRatio: number
  /** CPU per request of the throwing path and of HTTPException, over errcat respond's. */
  throwCpuOverRespond: number
  httpExceptionCpuOverRespond: number
  httpExceptionCpuOverThrow: number
  /** Whether each form keeps 0.9 of the ceiling in both measures. */
  targetMet: boolean
  factoryTargetMet: boolean
}

async function serve(): Promise<void> {
  const [{ Hono }, { HTTPException }, { serve: listen }, { errcat }, errors] = await Promise.all([
    import('hono'),
    import('hono/http-exception'),
    import('@hono/node-server'),
    import('@errcat/runtime/hono'),
    import('../examples/sevenbridges/errors.generated.ts'),
  ])
  type App = InstanceType<typeof Hono>
  const errcatErrors = errcat(errors.catalog)
  await errcatErrors.ready

  function start(setup: (app: App) => void) {
    const app = new Hono()
    setup(app)
    app.get('/v2/tasks/:id', (c) => c.json({ id: 'never reached' }))
    return new Promise<number>((resolve) => {
      listen({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port))
    })
  }
  const withErrcat = (app: App) => {
    app.use(errcatErrors)
    app.onError(errcatErrors.onError)
    app.notFound(errcatErrors.notFound)
  }

  await serveVariants({
    ceiling: () =>
      start((app) => {
        app.use(async () => new Response(BODY, { status: STATUS, headers: HEADERS }))
      }),
    'errcat respond': () =>
      start((app) => {
        withErrcat(app)
        app.use(async (c) => errcatErrors.respond(c, errors.RATE_LIMIT_EXCEEDED()))
      }),
    'errcat respond(factory)': () =>
      start((app) => {
        withErrcat(app)
        app.use(async (c) => errcatErrors.respond(c, errors.RATE_LIMIT_EXCEEDED))
      }),
    'errcat throw': () =>
      start((app) => {
        withErrcat(app)
        app.use(async () => {
          throw errors.RATE_LIMIT_EXCEEDED()
        })
      }),
    HTTPException: () =>
      start((app) => {
        app.onError((error, c) => {
          const status = error instanceof HTTPException ? error.status : 500
          return c.json(
            { status, code: 1000, message: error.message, more_info: MORE_INFO },
            status,
            {
              'retry-after': '300',
            },
          )
        })
        app.use(async () => {
          throw new HTTPException(429, { message: MESSAGE })
        })
      }),
  })
}

export async function run(options: LoadOptions = {}): Promise<HonoRouteResult> {
  const load = await loadVariants(
    import.meta.url,
    VARIANTS,
    PATH,
    (variant, response, body) => {
      if (variant !== 'HTTPException') return assertSame429(response, body)
      if (response.status !== STATUS || !body.includes('"code":1000'))
        throw new Error(`${variant} answered ${response.status} ${body}`)
    },
    options,
  )
  const { medianRps: rps, medianCpuUsPerRequest: cpu } = load
  const rpsRatio = rps['errcat respond'] / rps.ceiling
  const cpuRatio = cpu.ceiling / cpu['errcat respond']
  const factoryRpsRatio = rps['errcat respond(factory)'] / rps.ceiling
  const factoryCpuRatio = cpu.ceiling / cpu['errcat respond(factory)']
  return {
    name: 'hono-route',
    load,
    rpsRatio,
    cpuRatio,
    factoryRpsRatio,
    factoryCpuRatio,
    throwCpuOverRespond: cpu['errcat throw'] / cpu['errcat respond'],
    httpExceptionCpuOverRespond: cpu.HTTPException / cpu['errcat respond'],
    httpExceptionCpuOverThrow: cpu.HTTPException / cpu['errcat throw'],
    targetMet: rpsRatio >= TARGET && cpuRatio >= TARGET,
    factoryTargetMet: factoryRpsRatio >= TARGET && factoryCpuRatio >= TARGET,
  }
}

export function formatResult(result: HonoRouteResult): string {
  return [
    `hono-route: a middleware answering 429 on @hono/node-server, medians of the rounds (load average ${result.load.loadAverage.map((n) => n.toFixed(1)).join(' → ')})`,
    ...formatLoad(result.load, VARIANTS),
    `  errcat respond ÷ ceiling: ${result.rpsRatio.toFixed(3)} in requests/s, ${result.cpuRatio.toFixed(3)} in CPU per request (target ≥ ${TARGET}: ${result.targetMet ? 'met' : 'MISSED'})`,
    `  errcat respond(factory) ÷ ceiling: ${result.factoryRpsRatio.toFixed(3)} in requests/s, ${result.factoryCpuRatio.toFixed(3)} in CPU per request (target ≥ ${TARGET}: ${result.factoryTargetMet ? 'met' : 'MISSED'})`,
    `  CPU per request over errcat respond's: errcat throw ${result.throwCpuOverRespond.toFixed(2)}×, HTTPException ${result.httpExceptionCpuOverRespond.toFixed(2)}×; HTTPException over errcat throw ${result.httpExceptionCpuOverThrow.toFixed(2)}×`,
  ].join('\n')
}

if (isServeProcess(import.meta.url)) await serve()
