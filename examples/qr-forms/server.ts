// QR forms OpenAPI V2 demo (seed 001): a gateway on Hono in front of the
// forms module, an upstream service it starts itself. As the seed describes:
// - the gateway answers HTTP 200 with `{code, error_code?, message}`, `code: 0`
//   on success;
// - a business error of the module (100300–100329) comes back from upstream
//   in the module's own envelope (a real HTTP status and `{error_code,
//   message}`); the gateway re-emits it with top-level code 400 and the same
//   `error_code`;
// - an upstream answer that cannot be parsed (an HTML page, an empty or
//   truncated body) becomes the HTTP-layer 404 (when upstream said 404) or
//   502, without `error_code`.
//
//   GET  /v2/records/{id}                  rec_1 exists; others → 100303
//   GET  /v2/records/{id}/export?format=   csv, xlsx or pdf; others → 100305
//   GET  /v2/forms/{tpl_id}                tpl_demo exists; tpl_legacy → HTML 404 upstream (→ 404);
//                                          tpl_broken → truncated JSON upstream (→ 502)
//   POST /v2/forms/{tpl_id}/submissions    {"fields": {"name", "email"}}; same email twice → 100307
//   GET  /errors/{id}                      any error of the catalog, by code or symbol
//
// /v2 requests need `x-api-key`: `qrf_rw_key` may write, `qrf_ro_key` only read.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import {
  createErrorHandler,
  createPassThrough,
  defineCatalog,
  type ErrorDefinition,
  errorFinder,
  errorWithParams,
  pathOf,
} from '@errcat/runtime'
import { errcat } from '@errcat/runtime/hono'
import { type EnvelopeTemplate, envelopeReader, envelopeWriter } from 'errcat/envelope'
import { Hono } from 'hono'
import { z } from 'zod'
import {
  type Running as Listening,
  type ListenOptions,
  listenNodeServer,
  runIfMain,
  serveFetch,
} from '../listen.ts'
import * as errors from './errors.generated.ts'

export interface StartOptions extends ListenOptions {
  /** Requests per key and minute at the gateway. Default: 120. */
  perMinute?: number
}

export interface Running extends Listening {
  /** The forms module behind the gateway. */
  upstream: Listening
}

// ── The forms module (upstream) ─────────────────────────────────────────────
// Its errors are the module group of the catalog, in an envelope of its own.

const moduleErrors: Record<string, { definition: ErrorDefinition }> = Object.fromEntries(
  Object.entries(errors.allErrors).filter(([, e]) => e.definition.group === 'module'),
)

// The module is not built by errcat: its envelope is a template written here, turned into a
// writer for its server and a reader for the gateway when this file loads.
const moduleEnvelope: EnvelopeTemplate = {
  contentType: 'application/json',
  body: {
    error_code: '{{ error.code }}',
    message: '{{ error.message }}',
    errors: {
      $each: 'error.violations',
      as: 'v',
      do: { field: '{{ v.field }}', message: '{{ v.message }}' },
    },
  },
}

export const moduleCatalog = defineCatalog({
  scope: errors.catalog.scope,
  api: { name: 'forms-module', version: '1' },
  envelope: envelopeWriter(moduleEnvelope),
  locales: errors.catalog.locales,
  internal: errors.SYSTEM_ERROR.definition,
  validation: errors.INVALID_REQUEST_PARAMETERS.definition,
})

const submission = z.object({
  code_id: z.string().optional(),
  fields: z.object({ name: z.string(), email: z.email() }),
})

function startModule(): Promise<Listening> {
  const handle = createErrorHandler(moduleCatalog, { telemetry: false })
  const emails = new Set<string>()
  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://module')
    let match = /^\/records\/([^/]+)$/.exec(path)
    if (req.method === 'GET' && match) {
      if (match[1] !== 'rec_1') throw errors.RECORD_NOT_FOUND()
      return json(res, 200, { record_id: 'rec_1', tpl_id: 'tpl_demo', fields: { name: 'Ada' } })
    }
    match = /^\/records\/([^/]+)\/export$/.exec(path)
    if (req.method === 'GET' && match) {
      if (match[1] !== 'rec_1') throw errors.RECORD_NOT_FOUND()
      const format = url.searchParams.get('format') ?? 'csv'
      if (!['csv', 'xlsx', 'pdf'].includes(format)) throw errors.UNSUPPORTED_OUTPUT_FORMAT()
      return json(res, 200, { download_url: `https://files.example/rec_1.${format}` })
    }
    match = /^\/forms\/([^/]+)$/.exec(path)
    if (req.method === 'GET' && match) {
      if (match[1] === 'tpl_legacy') {
        // What a misrouted request meets: the proxy's own page, not the module's envelope.
        res.writeHead(404, { 'content-type': 'text/html' })
        return void res.end(
          '<html><body><center><h1>404 Not Found</h1></center><hr>nginx</body></html>',
        )
      }
      if (match[1] === 'tpl_broken') {
        // A module that crashed mid-answer.
        res.writeHead(500, { 'content-type': 'application/json' })
        return void res.end('{"error_code": 1003')
      }
      if (match[1] !== 'tpl_demo') throw errors.FORM_NOT_FOUND()
      return json(res, 200, {
        tpl_id: 'tpl_demo',
        title: 'Event registration',
        fields: ['name', 'email'],
      })
    }
    match = /^\/forms\/([^/]+)\/submissions$/.exec(path)
    if (req.method === 'POST' && match) {
      if (match[1] !== 'tpl_demo') throw errors.FORM_NOT_FOUND()
      const body = submission.parse(JSON.parse(await readBody(req)))
      if (body.fields.name.trim() === '') throw errors.REQUIRED_FIELD_EMPTY()
      if (emails.has(body.fields.email)) throw errors.DUPLICATE_SUBMISSION()
      emails.add(body.fields.email)
      return json(res, 201, { record_id: `rec_${emails.size + 1}` })
    }
    res.writeHead(404).end()
  }

  const server = createServer((req, res) => {
    const path = pathOf(req.url ?? '/')
    route(req, res, path).catch((thrown: unknown) => {
      // A body that is not JSON is the module's validation error too.
      const error = thrown instanceof SyntaxError ? errors.INVALID_REQUEST_PARAMETERS() : thrown
      const { status, headers, body } = handle(error, {
        method: req.method ?? 'GET',
        path,
        headers: req.headers,
      })
      res.writeHead(status, headers).end(body)
    })
  })
  // Always loopback and an OS-picked port: only the gateway talks to it.
  return listenNodeServer(server)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      text += chunk
      if (text.length > 64 * 1024) req.destroy(new Error('body too large'))
    })
    req.on('end', () => resolve(text))
    req.on('error', reject)
  })
}

// ── The gateway ─────────────────────────────────────────────────────────────

export function createGateway(moduleUrl: string, options: Pick<StartOptions, 'perMinute'> = {}) {
  const perMinute = options.perMinute ?? 120
  const keys = new Map([
    ['qrf_rw_key', { write: true }],
    ['qrf_ro_key', { write: false }],
  ])
  const windows = new Map<string, { start: number; count: number }>()
  const find = errorFinder(errors.allErrors)
  const handler = errcat(errors.catalog, { notFound: errors.NOT_FOUND })
  const passThrough = createPassThrough({
    upstream: { reader: envelopeReader(moduleEnvelope), errors: moduleErrors },
    errors: errors.allErrors,
    fallback: { notFound: errors.NOT_FOUND, badGateway: errors.UPSTREAM_UNAVAILABLE },
  })

  /** Calls the module and returns its JSON, or throws the gateway's error for its answer. */
  async function upstream(path: string, init?: RequestInit): Promise<unknown> {
    let response: Response
    try {
      response = await fetch(`${moduleUrl}${path}`, { ...init, signal: AbortSignal.timeout(5000) })
    } catch (cause) {
      // Unreachable, reset, timed out: nothing came back, so nothing is passed through.
      throw errors.UPSTREAM_UNAVAILABLE({ cause })
    }
    return passThrough.unwrap(response)
  }

  const ok = (data: unknown) => ({ code: 0, message: 'success', data })

  const app = new Hono()
  app.use(handler)
  app.onError(handler.onError)
  app.notFound(handler.notFound)

  app.get('/errors/:id', (c) => {
    const entry = find(c.req.param('id'))
    throw entry ? errorWithParams(entry, new URL(c.req.url).searchParams) : errors.NOT_FOUND()
  })

  app.use('/v2/*', async (c, next) => {
    const key = c.req.header('x-api-key') ?? ''
    const access = keys.get(key)
    if (!access) throw errors.UNAUTHORIZED()
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !access.write) throw errors.FORBIDDEN()
    const now = Date.now()
    let window = windows.get(key)
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 }
      windows.set(key, window)
    }
    if (window.count >= perMinute)
      throw errors.RATE_LIMITED({ retryAfter: (window.start + 60_000 - now) / 1000 })
    window.count++
    await next()
  })

  const segment = (value: string) => encodeURIComponent(value)
  app.get('/v2/records/:id', async (c) =>
    c.json(ok(await upstream(`/records/${segment(c.req.param('id'))}`))),
  )
  app.get('/v2/records/:id/export', async (c) => {
    const format = c.req.query('format') ?? 'csv'
    const path = `/records/${segment(c.req.param('id'))}/export?format=${segment(format)}`
    return c.json(ok(await upstream(path)))
  })
  app.get('/v2/forms/:tpl', async (c) =>
    c.json(ok(await upstream(`/forms/${segment(c.req.param('tpl'))}`))),
  )
  app.post('/v2/forms/:tpl/submissions', async (c) =>
    c.json(
      ok(
        await upstream(`/forms/${segment(c.req.param('tpl'))}/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: await c.req.text(),
        }),
      ),
    ),
  )
  return app
}

export async function start(options: StartOptions = {}): Promise<Running> {
  const module = await startModule()
  const app = createGateway(module.url, options)
  try {
    const gateway = await serveFetch(app.fetch, options)
    return {
      url: gateway.url,
      upstream: module,
      close: async () => {
        await gateway.close()
        await module.close()
      },
    }
  } catch (error) {
    await module.close()
    throw error
  }
}

await runIfMain(
  import.meta.url,
  start,
  4105,
  ({ url, upstream }) => `QR forms gateway on ${url} (forms module on ${upstream.url})`,
)
