// QRForge API v1 demo server (seed 003) on Hono, answering errors in
// QRForge's envelope: `{ok: false, version, request_id, code, message}`.
//
//   POST /v1/qr              create a QR code (body validated with zod)
//   GET  /v1/qr?id=…         read one (`id` or `qr_id`)
//   GET  /v1/usage           the caller's quota
//   GET  /errors/{id}        any error of the catalog, by key or symbol
//
// Every /v1 request needs `x-api-key` and counts against a per-minute limit
// and a daily quota. Try it with the key `qrf_demo_key`; `qrf_spent_key` has
// used up its daily quota.

import { errorFinder, errorWithParams, resolveRequestId } from '@errcat/runtime'
import { errcat } from '@errcat/runtime/hono'
import { type Context, Hono } from 'hono'
import { validator } from 'hono/validator'
import { z } from 'zod'
import { type ListenOptions, type Running, runIfMain, serveFetch } from '../listen.ts'
import * as errors from './errors.generated.ts'

export type { Running }

export interface StartOptions extends ListenOptions {
  /** Requests per key and minute. Default: the catalog's `rate_limit_minute` quota (600). */
  perMinute?: number
}

interface Account {
  user: string
  /** Requests already made today. */
  usedToday: number
}

interface QrCode {
  id: string
  owner: string
  redirect_url: string
  format: 'png' | 'svg'
  size: number
  project_id?: string
  archived?: boolean
}

const VERSION = errors.catalog.api.version
const DAILY_QUOTA = errors.RATE_LIMIT_DAY.definition.rateLimit!.quota

const createQr = z.object({
  redirect_url: z.url({ protocol: /^https?$/ }),
  project_id: z.string().min(1).optional(),
  format: z.enum(['png', 'svg']).default('png'),
  size: z.int().min(64).max(2048).default(512),
})

/** The QRForge API as a Hono app, with its own in-memory state. */
export function createApp(options: Pick<StartOptions, 'perMinute'> = {}) {
  const perMinute = options.perMinute ?? errors.RATE_LIMIT_MINUTE.definition.rateLimit!.quota
  const accounts = new Map<string, Account>([
    ['qrf_demo_key', { user: 'u_demo', usedToday: 0 }],
    ['qrf_spent_key', { user: 'u_spent', usedToday: DAILY_QUOTA }],
  ])
  const projects = new Map([['proj_demo', { owner: 'u_demo' }]])
  const codes = new Map<string, QrCode>([
    [
      'qr_demo',
      {
        id: 'qr_demo',
        owner: 'u_demo',
        redirect_url: 'https://qrforge.link',
        format: 'png',
        size: 512,
      },
    ],
    [
      'qr_archived',
      {
        id: 'qr_archived',
        owner: 'u_demo',
        redirect_url: 'https://example.com/old',
        format: 'svg',
        size: 256,
        archived: true,
      },
    ],
    [
      'qr_other',
      {
        id: 'qr_other',
        owner: 'u_someone_else',
        redirect_url: 'https://example.org',
        format: 'png',
        size: 512,
      },
    ],
  ])
  const windows = new Map<string, { start: number; count: number }>()
  let nextId = 1

  const handler = errcat(errors.catalog, { notFound: errors.NOT_FOUND })
  const find = errorFinder(errors.allErrors)
  const app = new Hono<{ Variables: { account: Account } }>()
  app.use(handler)
  app.onError(handler.onError)
  app.notFound(handler.notFound)

  /** A success in QRForge's envelope. */
  const ok = (c: Context, data: unknown, status: 200 | 201 = 200) => {
    const requestId = resolveRequestId(c.req.header('x-request-id'))
    c.header('x-request-id', requestId)
    return c.json({ ok: true, version: VERSION, request_id: requestId, data }, status)
  }

  app.get('/', (c) =>
    c.json({
      api: errors.catalog.api.name,
      version: VERSION,
      try: ['POST /v1/qr', 'GET /v1/qr?id=qr_demo', 'GET /v1/usage', 'GET /errors/{code}'],
      keys: ['qrf_demo_key', 'qrf_spent_key'],
    }),
  )

  app.get('/errors/:id', (c) => {
    const entry = find(c.req.param('id'))
    throw entry ? errorWithParams(entry, new URL(c.req.url).searchParams) : errors.NOT_FOUND()
  })

  // Authentication, then the daily quota, then the per-minute limit.
  app.use('/v1/*', async (c, next) => {
    const account = accounts.get(c.req.header('x-api-key') ?? '')
    if (!account) throw errors.UNAUTHORIZED()
    if (account.usedToday >= DAILY_QUOTA)
      throw errors.RATE_LIMIT_DAY({ retryAfter: secondsUntilUtcMidnight() })
    const now = Date.now()
    const key = c.req.header('x-api-key')!
    let window = windows.get(key)
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 }
      windows.set(key, window)
    }
    if (window.count >= perMinute)
      throw errors.RATE_LIMIT_MINUTE({ retryAfter: (window.start + 60_000 - now) / 1000 })
    window.count++
    account.usedToday++
    c.set('account', account)
    await next()
  })

  app.post(
    '/v1/qr',
    // A body that is not JSON fails Hono's validator: errcat answers it as invalid_payload.
    validator('json', (value) => createQr.parse(value)),
    (c) => {
      const body = c.req.valid('json')
      const account = c.get('account')
      if (body.project_id !== undefined && projects.get(body.project_id)?.owner !== account.user)
        throw errors.PROJECT_NOT_FOUND()
      const qr: QrCode = { id: `qr_${nextId++}`, owner: account.user, ...body }
      codes.set(qr.id, qr)
      return ok(c, qr, 201)
    },
  )

  app.get('/v1/qr', (c) => {
    const id = c.req.query('id') ?? c.req.query('qr_id')
    if (!id) throw errors.INVALID_REQUEST()
    const qr = codes.get(id)
    if (!qr) throw errors.NOT_FOUND()
    if (qr.owner !== c.get('account').user) throw errors.FORBIDDEN()
    if (qr.archived) throw errors.RESOURCE_ARCHIVED()
    return ok(c, qr)
  })
  app.all('/v1/qr', () => {
    throw errors.METHOD_NOT_ALLOWED()
  })

  app.get('/v1/usage', (c) => {
    const key = c.req.header('x-api-key')!
    const window = windows.get(key)!
    return ok(c, {
      minute: { limit: perMinute, remaining: perMinute - window.count },
      day: { limit: DAILY_QUOTA, remaining: DAILY_QUOTA - c.get('account').usedToday },
    })
  })

  return app
}

function secondsUntilUtcMidnight(): number {
  const now = new Date()
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)
  return Math.ceil((midnight - now.getTime()) / 1000)
}

export function start(options: StartOptions = {}): Promise<Running> {
  return serveFetch(createApp(options).fetch, options)
}

await runIfMain(import.meta.url, start, 4101, ({ url }) => `QRForge demo on ${url}`)
