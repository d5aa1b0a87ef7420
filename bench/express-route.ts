// An Express 5 middleware answering Seven Bridges' 429 (RATE_LIMIT_EXCEEDED)
// before the route, as a rate limiter does under abuse, four ways:
//   - ceiling:       the middleware writes a hand-built body with errcat's bytes and
//                    headers (bench/sevenbridges-429.ts) with Node's writer;
//   - errcat send:   the middleware calls `errors.send(req, res, RATE_LIMIT_EXCEEDED())`;
//   - errcat send(factory): `errors.send(req, res, RATE_LIMIT_EXCEEDED)`, the same
//                    answer without creating the error;
//   - errcat throw:  the middleware (async, as rate limiters consulting a store are)
//                    throws it, errcat's error middleware answers;
//   - http-errors:   the middleware throws `createError(429, message)`, and a typical
//                    JSON error handler (`res.status(err.status).set(err.headers).json(…)`)
//                    answers: Express's usual way.
// Target: errcat send keeps at least 0.9 of the ceiling (reported for both forms).
import type { NextFunction, Request, Response } from 'express'
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
  'errcat send',
  'errcat send(factory)',
  'errcat throw',
  'http-errors',
] as const
type Variant = (typeof VARIANTS)[number]
const PATH = '/v2/tasks/00000000-0000-4000-8000-000000000000'
const MESSAGE = 'Rate limit exceeded! Check response headers.'
const MORE_INFO = 'https://docs.sevenbridges.com/docs/api-status-codes#1000'

export const TARGET = 0.9

export interface ExpressRouteResult {
  name: 'express-route'
  load: LoadResult<Variant>
  /** errcat send over the ceiling, in requests/s, and the ceiling's CPU per request over send's. */
  rpsRatio: number
  cpuRatio: number
  /** The same for the factory form (`RATE_LIMIT_EXCEEDED` and no call), which creates no error. */
  factoryRpsRatio: number
  factoryCpuRatio: number
  /** CPU per request of the throwing path and of http-errors, over errcat send's. */
  throwCpuOverSend: number
  httpErrorsCpuOverSend: number
  httpErrorsCpuOverThrow: number
  /** Whether each form keeps 0.9 of the ceiling in both measures. */
  targetMet: boolean
  factoryTargetMet: boolean
}

async function serve(): Promise<void> {
  const [{ default: express }, { default: createError }, { errcat }, errors] = await Promise.all([
    import('express'),
    import('http-errors'),
    import('@errcat/runtime/express'),
    import('../examples/sevenbridges/errors.generated.ts'),
  ])
  type Middleware = (req: Request, res: Response, next: NextFunction) => unknown
  const bytes = Buffer.from(BODY)

  function start(
    limiter: Middleware,
    errorHandler?: (err: unknown, req: Request, res: Response, next: NextFunction) => void,
  ) {
    const app = express()
    app.use(limiter)
    app.get('/v2/tasks/:id', (_req, res) => {
      res.json({ id: 'never reached' })
    })
    if (errorHandler) app.use(errorHandler)
    return new Promise<number>((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => resolve(portOf(server)))
    })
  }
  const errcatErrors = errcat(errors.catalog)
  await errcatErrors.ready

  await serveVariants({
    ceiling: () =>
      start((_req, res) => {
        res.statusCode = STATUS
        for (const name in HEADERS) res.setHeader(name, HEADERS[name]!)
        res.end(bytes)
      }),
    'errcat send': () =>
      start((req, res) => errcatErrors.send(req, res, errors.RATE_LIMIT_EXCEEDED()), errcatErrors),
    'errcat send(factory)': () =>
      start((req, res) => errcatErrors.send(req, res, errors.RATE_LIMIT_EXCEEDED), errcatErrors),
    'errcat throw': () =>
      start(async () => {
        throw errors.RATE_LIMIT_EXCEEDED()
      }, errcatErrors),
    'http-errors': () =>
      start(
        async () => {
          throw createError(429, MESSAGE, { headers: { 'retry-after': '300' } })
        },
        (err, _req, res, _next) => {
          const error = err as { status?: number; message: string; headers?: object }
          const status = error.status ?? 500
          if (error.headers) res.set(error.headers)
          res
            .status(status)
            .json({ status, code: 1000, message: error.message, more_info: MORE_INFO })
        },
      ),
  })
}

export async function run(options: LoadOptions = {}): Promise<ExpressRouteResult> {
  const load = await loadVariants(
    import.meta.url,
    VARIANTS,
    PATH,
    (variant, response, body) => {
      if (variant !== 'http-errors') return assertSame429(response, body)
      if (response.status !== STATUS || !body.includes('"code":1000'))
        throw new Error(`${variant} answered ${response.status} ${body}`)
    },
    options,
  )
  const { medianRps: rps, medianCpuUsPerRequest: cpu } = load
  const rpsRatio = rps['errcat send'] / rps.ceiling
  const cpuRatio = cpu.ceiling / cpu['errcat send']
  const factoryRpsRatio = rps['errcat send(factory)'] / rps.ceiling
  const factoryCpuRatio = cpu.ceiling / cpu['errcat send(factory)']
  return {
    name: 'express-route',
    load,
    rpsRatio,
    cpuRatio,
    factoryRpsRatio,
    factoryCpuRatio,
    throwCpuOverSend: cpu['errcat throw'] / cpu['errcat send'],
    httpErrorsCpuOverSend: cpu['http-errors'] / cpu['errcat send'],
    httpErrorsCpuOverThrow: cpu['http-errors'] / cpu['errcat throw'],
    targetMet: rpsRatio >= TARGET && cpuRatio >= TARGET,
    factoryTargetMet: factoryRpsRatio >= TARGET && factoryCpuRatio >= TARGET,
  }
}

export function formatResult(result: ExpressRouteResult): string {
  return [
    `express-route: a middleware answering 429, medians of the rounds (load average ${result.load.loadAverage.map((n) => n.toFixed(1)).join(' → ')})`,
    ...formatLoad(result.load, VARIANTS),
    `  errcat send ÷ ceiling: ${result.rpsRatio.toFixed(3)} in requests/s, ${result.cpuRatio.toFixed(3)} in CPU per request (target ≥ ${TARGET}: ${result.targetMet ? 'met' : 'MISSED'})`,
    `  errcat send(factory) ÷ ceiling: ${result.factoryRpsRatio.toFixed(3)} in requests/s, ${result.factoryCpuRatio.toFixed(3)} in CPU per request (target ≥ ${TARGET}: ${result.factoryTargetMet ? 'met' : 'MISSED'})`,
    `  CPU per request over errcat send's: errcat throw ${result.throwCpuOverSend.toFixed(2)}×, http-errors ${result.httpErrorsCpuOverSend.toFixed(2)}×; http-errors over errcat throw ${result.httpErrorsCpuOverThrow.toFixed(2)}×`,
  ].join('\n')
}

if (isServeProcess(import.meta.url)) await serve()
