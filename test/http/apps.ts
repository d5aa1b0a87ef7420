// The same small application on each adapter, served on loopback, for the
// shared contract suite: every behaviour is written once and run against all
// four. Routes:
//   GET  /errors/:id        throws the catalog error with that symbol, key or code
//                           (declared params from the query string)
//   GET  /throw/:n          throws values[n] from an async handler
//   POST /validate/:lib     validates the JSON body with zod, valibot, ajv or a
//                           Standard Schema result, and throws the failure
//   GET  /ok                a success
//   anything else           the catalog's NOT_FOUND
// With `X-Answer: send`, the /errors and /throw routes are answered before
// routing instead, by each adapter's non-throwing path, from where rate
// limiters and authentication answer: Fastify's `reply.sendError` in an
// `onRequest` hook, Express's `errors.send` and Hono's `errors.respond` in a
// middleware, the fetch adapter's `errors(error, request)`. With `X-Answer:
// factory`, /errors is answered the same way, given the factory and its params
// (`reply.sendError(BAD_TOKEN, { hint })`) instead of the error.
// Every response passes an outer layer, as CORS or compression would: it
// allows any origin and copies the status it sees into `X-Outer`.
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  type AdapterOptions,
  type CatalogError,
  type ErrorInfo,
  errorFinder,
  errorWithParams,
  SchemaValidationError,
} from '@errcat/runtime'
import { errcat as expressErrcat } from '@errcat/runtime/express'
import fastifyErrcat from '@errcat/runtime/fastify'
import { errcat as fetchErrcat, readJson } from '@errcat/runtime/fetch'
import { errcat as honoErrcat } from '@errcat/runtime/hono'
import { serve } from '@hono/node-server'
import { Ajv, ValidationError as AjvValidationError } from 'ajv'
import express from 'express'
import Fastify from 'fastify'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { validator } from 'hono/validator'
import * as v from 'valibot'
import { z } from 'zod'
import {
  allErrors,
  catalog,
  NOT_FOUND,
  PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE,
} from './fixtures/errors.generated.ts'

export interface RunningApp {
  url: string
  /** The Node server underneath, e.g. to wrap its request listener as HTTP instrumentation does. */
  server: Server
  /** Everything the `onError` hook received, in order. */
  calls: ErrorInfo[]
  /** The paths the non-throwing path answered (`X-Answer: send`), in order. */
  sent: string[]
  close(): Promise<void>
}

export interface AppSetup {
  /** What `GET /throw/:n` throws. */
  values?: readonly unknown[]
  /** Options besides the hook and the request errors, e.g. `requestIdHeader`. */
  options?: AdapterOptions
  /** No `onError` hook (`calls` stays empty): with one, answering a factory creates its error. */
  withoutOnError?: boolean
}

export interface Adapter {
  name: 'fastify' | 'express' | 'hono' | 'fetch'
  start(setup?: AppSetup): Promise<RunningApp>
}

// ── What every app does, whatever the framework ─────────────────────────────

const find = errorFinder(allErrors)

/** The catalog error named by `id`, with its declared params taken from the query. */
export function errorFor(id: string, query: URLSearchParams): CatalogError {
  const entry = find(id)
  return entry ? errorWithParams(entry, query) : NOT_FOUND()
}

const zodSchema = z.object({
  email: z.email(),
  items: z.array(z.object({ sku: z.string().min(3) })).min(1),
})
const valibotSchema = v.object({
  email: v.pipe(v.string(), v.email()),
  items: v.pipe(v.array(v.object({ sku: v.pipe(v.string(), v.minLength(3)) })), v.minLength(1)),
})
const ajv = new Ajv({ allErrors: true })
const ajvValidate = ajv.compile({
  type: 'object',
  required: ['email', 'items'],
  properties: {
    email: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$' },
    items: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['sku'],
        properties: { sku: { type: 'string', minLength: 3 } },
      },
    },
  },
})

/** Validates with the named library; throws what that library's users throw. */
export async function validate(lib: string, body: unknown): Promise<unknown> {
  switch (lib) {
    case 'zod':
      return zodSchema.parse(body)
    case 'valibot':
      return v.parse(valibotSchema, body)
    case 'ajv':
      if (!ajvValidate(body)) throw new AjvValidationError(ajvValidate.errors ?? [])
      return body
    case 'standard': {
      // A Standard Schema failure result is a plain object: thrown in errcat's error, it says
      // that a schema produced it.
      const result = await zodSchema['~standard'].validate(body)
      if (result.issues) throw new SchemaValidationError(result.issues)
      return result.value
    }
    default:
      throw NOT_FOUND()
  }
}

function hooks(setup: AppSetup, calls: ErrorInfo[]): AdapterOptions {
  return {
    ...setup.options,
    onError: setup.withoutOnError ? undefined : (info) => calls.push(info),
    notFound: NOT_FOUND,
    payloadTooLarge: PAYLOAD_TOO_LARGE,
    unsupportedMediaType: UNSUPPORTED_MEDIA_TYPE,
  }
}

/** What the non-throwing path is handed: an error, or a factory and its arguments. */
interface ToSend {
  error: unknown
  args: unknown[]
}

/**
 * What the request asks the non-throwing path to answer (`X-Answer: send` on
 * `/errors/:id` or `/throw/:n`, `X-Answer: factory` on `/errors/:id`), or
 * undefined to let it through.
 */
function toSend(url: string, answer: unknown, setup: AppSetup, sent: string[]): ToSend | undefined {
  if (answer !== 'send' && answer !== 'factory') return undefined
  const { pathname, searchParams } = new URL(url, 'http://x')
  const [, first, second] = pathname.split('/')
  let send: ToSend
  if (first === 'errors' && second && answer === 'factory') send = factoryFor(second, searchParams)
  else if (first === 'errors' && second)
    send = { error: errorFor(decodeURIComponent(second), searchParams), args: [] }
  else if (first === 'throw' && second && answer === 'send')
    send = { error: (setup.values ?? [])[Number(second)], args: [] }
  else return undefined
  sent.push(pathname)
  return send
}

/** The factory `errorFor` would call, with the params it would pass. */
function factoryFor(id: string, query: URLSearchParams): ToSend {
  const factory = find(decodeURIComponent(id)) ?? NOT_FOUND
  const names = factory.definition.params
  if (!names) return { error: factory, args: [] }
  const params = Object.fromEntries(names.flatMap((n) => (query.has(n) ? [[n, query.get(n)]] : [])))
  return { error: factory, args: [params] }
}

// The adapters type a factory's arguments from the factory; `send.error` is `unknown` here,
// so the arguments are handed on as "none" to the type checker.
const untyped = (args: unknown[]) => args as []

const throwValue = async (values: readonly unknown[], n: string): Promise<never> => {
  throw values[Number(n)]
}

// ── The four adapters ───────────────────────────────────────────────────────

const fastifyAdapter: Adapter = {
  name: 'fastify',
  async start(setup = {}) {
    const calls: ErrorInfo[] = []
    const sent: string[] = []
    const app = Fastify({ bodyLimit: 64 * 1024 })
    await app.register(fastifyErrcat, { catalog, ...hooks(setup, calls) })
    app.addHook('onSend', async (_request, reply) => {
      reply.header('access-control-allow-origin', '*').header('x-outer', String(reply.statusCode))
    })
    app.addHook('onRequest', async (request, reply) => {
      const send = toSend(request.url, request.headers['x-answer'], setup, sent)
      if (send) return reply.sendError(send.error, ...untyped(send.args))
    })
    app.get<{ Params: { id: string } }>('/errors/:id', async (request) => {
      throw errorFor(request.params.id, new URL(request.url, 'http://x').searchParams)
    })
    app.get<{ Params: { n: string } }>('/throw/:n', (request) =>
      throwValue(setup.values ?? [], request.params.n),
    )
    app.post<{ Params: { lib: string } }>('/validate/:lib', async (request) => ({
      ok: await validate(request.params.lib, request.body),
    }))
    app.get('/ok', async () => ({ ok: true }))
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as AddressInfo
    return {
      url: `http://127.0.0.1:${port}`,
      server: app.server,
      calls,
      sent,
      close: () => app.close(),
    }
  },
}

const expressAdapter: Adapter = {
  name: 'express',
  async start(setup = {}) {
    const calls: ErrorInfo[] = []
    const sent: string[] = []
    const errors = expressErrcat(catalog, hooks(setup, calls))
    const app = express()
    app.use((_req, res, next) => {
      res.setHeader('access-control-allow-origin', '*')
      // As on-headers (compression, response-time) does: see the status as the head goes out.
      const writeHead = res.writeHead
      res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
        this.setHeader('x-outer', String(this.statusCode))
        return writeHead.apply(this, args)
      } as typeof writeHead
      next()
    })
    app.use((req, res, next) => {
      const send = toSend(req.originalUrl, req.headers['x-answer'], setup, sent)
      if (send) errors.send(req, res, send.error, ...untyped(send.args))
      else next()
    })
    app.use(express.json({ limit: 64 * 1024 }))
    app.get('/errors/:id', async (req) => {
      throw errorFor(req.params.id, new URL(req.originalUrl, 'http://x').searchParams)
    })
    app.get('/throw/:n', (req) => throwValue(setup.values ?? [], req.params.n))
    app.post('/validate/:lib', async (req, res) => {
      // express.json() skips other media types; the other adapters answer 415 for them.
      if (!req.is('application/json')) throw UNSUPPORTED_MEDIA_TYPE()
      res.json({ ok: await validate(req.params.lib, req.body) })
    })
    app.get('/ok', (_req, res) => {
      res.json({ ok: true })
    })
    app.use(errors.notFound)
    app.use(errors)
    await errors.ready
    return listen(app).then((server) => ({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      server,
      calls,
      sent,
      close: () => closeServer(server),
    }))
  },
}

const honoAdapter: Adapter = {
  name: 'hono',
  async start(setup = {}) {
    const calls: ErrorInfo[] = []
    const sent: string[] = []
    const errors = honoErrcat(catalog, hooks(setup, calls))
    const app = new Hono()
    app.use(cors())
    app.use(async (c, next) => {
      await next()
      c.res.headers.set('x-outer', String(c.res.status))
    })
    app.use(errors)
    app.onError(errors.onError)
    app.notFound(errors.notFound)
    app.use(async (c, next) => {
      const send = toSend(c.req.url, c.req.header('x-answer'), setup, sent)
      return send ? errors.respond(c, send.error, ...untyped(send.args)) : next()
    })
    app.get('/errors/:id', async (c) => {
      throw errorFor(c.req.param('id'), new URL(c.req.url).searchParams)
    })
    app.get('/throw/:n', (c) => throwValue(setup.values ?? [], c.req.param('n')))
    app.post(
      '/validate/:lib',
      bodyLimit({ maxSize: 64 * 1024 }),
      validator('json', (value, c) => {
        // Hono's validator leaves the body alone when it is not JSON; the others answer 415.
        if (!/^application\/json\b/.test(c.req.header('content-type') ?? ''))
          throw UNSUPPORTED_MEDIA_TYPE()
        return value
      }),
      async (c) => c.json({ ok: await validate(c.req.param('lib'), c.req.valid('json')) }),
    )
    app.get('/ok', (c) => c.json({ ok: true }))
    await errors.ready
    return serveFetch(app.fetch, calls, sent)
  },
}

const fetchAdapter: Adapter = {
  name: 'fetch',
  async start(setup = {}) {
    const calls: ErrorInfo[] = []
    const sent: string[] = []
    const errors = fetchErrcat(catalog, hooks(setup, calls))
    const route = async (request: Request): Promise<Response> => {
      const send = toSend(request.url, request.headers.get('x-answer'), setup, sent)
      if (send) return errors(send.error, request, ...untyped(send.args))
      const url = new URL(request.url)
      const [, first, second] = url.pathname.split('/')
      const get = request.method === 'GET' || request.method === 'HEAD'
      if (get && first === 'errors' && second)
        throw errorFor(decodeURIComponent(second), url.searchParams)
      if (get && first === 'throw' && second) return throwValue(setup.values ?? [], second)
      if (request.method === 'POST' && first === 'validate' && second) {
        const body = await readJson(request, { limit: 64 * 1024 })
        return Response.json({ ok: await validate(second, body) })
      }
      if (get && url.pathname === '/ok') return Response.json({ ok: true })
      return errors.notFound(request)
    }
    await errors.ready
    const handler = errors.wrap(route)
    return serveFetch(
      async (request) => {
        const response = await handler(request)
        response.headers.set('access-control-allow-origin', '*')
        response.headers.set('x-outer', String(response.status))
        return response
      },
      calls,
      sent,
    )
  },
}

export const ADAPTERS: readonly Adapter[] = [
  fastifyAdapter,
  expressAdapter,
  honoAdapter,
  fetchAdapter,
]

// ── Serving on loopback ─────────────────────────────────────────────────────

function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(server),
    )
  })
}

function serveFetch(
  fetch: (request: Request) => Response | Promise<Response>,
  calls: ErrorInfo[],
  sent: string[],
): Promise<RunningApp> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        server: server as Server,
        calls,
        sent,
        close: () => closeServer(server as Server),
      }),
    )
  })
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    // Keep-alive connections of the test client would hold close() open.
    server.closeAllConnections()
  })
}
