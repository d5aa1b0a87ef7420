// Qencode API v1 demo server (seed 000) on Express 5. Like Qencode, it
// answers HTTP 200 and says in the body whether the call failed:
// `{error: 0, …}` on success, `{error: <code>, message}` on failure.
//
//   POST /v1/access_token   api_key → token       (2: malformed key, 3: unknown key)
//   POST /v1/create_task    token → task_token     (4: malformed token, 5: unknown token)
//   POST /v1/start_encode2  task_token, query, payload?   (14: field missing, 9: payload too long,
//                                                          8: system busy, with a retry delay)
//   POST /v1/status         task_tokens            (13: malformed list)
//   GET  /errors/{id}       any error of the catalog, by code or symbol
//
// Bodies are form-encoded, as Qencode's are (JSON works too). The demo key is
// `qencode_demo_key_0001`.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { errorFinder, errorWithParams } from '@errcat/runtime'
import { errcat } from '@errcat/runtime/express'
import express from 'express'
import { z } from 'zod'
import { type ListenOptions, listenNodeServer, type Running, runIfMain } from '../listen.ts'
import * as errors from './errors.generated.ts'

export type { Running }

export interface StartOptions extends ListenOptions {
  /** Encodes the system accepts per minute before it answers ERROR_SYSTEM_BUSY. Default: 5. */
  capacityPerMinute?: number
}

export const DEMO_API_KEY = 'qencode_demo_key_0001'
const API_KEY = /^[\w-]{16,64}$/
const TOKEN = /^[0-9a-f]{32}$/
const MAX_PAYLOAD = 1000
/** Seconds a busy system asks clients to wait. */
const BUSY_RETRY_AFTER = 30

// Example values for the params of /errors/{id}, so that every message reads well.
const EXAMPLE_PARAMS = { retryAfter: BUSY_RETRY_AFTER, field: 'task_token' }

// Missing or empty fields fail validation: the catalog's validation error is
// ERROR_FIELD_REQUIRED, whose `field` param names the first missing field.
const required = z.string().min(1)
const accessTokenBody = z.object({ api_key: required })
const createTaskBody = z.object({ token: required })
const startEncodeBody = z.object({
  task_token: required,
  query: required,
  payload: z.string().optional(),
})
const statusBody = z.object({ task_tokens: required })

const newToken = () => randomBytes(16).toString('hex')

export function createApp(options: Pick<StartOptions, 'capacityPerMinute'> = {}) {
  const capacity = options.capacityPerMinute ?? 5
  const keys = new Set([DEMO_API_KEY])
  const tokens = new Set<string>()
  const tasks = new Map<string, { status: string; started?: number }>()
  const started: number[] = []
  const find = errorFinder(errors.allErrors)
  const handler = errcat(errors.catalog)

  const app = express()
  app.use(express.urlencoded({ extended: false, limit: '64kb' }))
  app.use(express.json({ limit: '64kb' }))

  app.get('/errors/:id', (req, _res, next) => {
    const entry = find(req.params.id)
    if (!entry) return next() // no such error: Express's 404
    const query = new URL(req.originalUrl, 'http://x').searchParams
    throw errorWithParams(entry, { ...EXAMPLE_PARAMS, ...Object.fromEntries(query) })
  })

  app.post('/v1/access_token', (req, res) => {
    const { api_key } = accessTokenBody.parse(req.body ?? {})
    if (!API_KEY.test(api_key)) throw errors.ERROR_BAD_API_KEY()
    if (!keys.has(api_key)) throw errors.ERROR_API_KEY_NOT_FOUND()
    const token = newToken()
    tokens.add(token)
    res.json({ error: 0, token, expire: new Date(Date.now() + 86_400_000).toISOString() })
  })

  app.post('/v1/create_task', (req, res) => {
    const { token } = createTaskBody.parse(req.body ?? {})
    if (!TOKEN.test(token)) throw errors.ERROR_BAD_TOKEN()
    if (!tokens.has(token)) throw errors.ERROR_TOKEN_NOT_FOUND()
    const taskToken = newToken()
    tasks.set(taskToken, { status: 'waiting' })
    res.json({
      error: 0,
      task_token: taskToken,
      upload_url: `https://storage.qencode.com/v1/upload_file/${taskToken}`,
    })
  })

  app.post('/v1/start_encode2', (req, res) => {
    const body = startEncodeBody.parse(req.body ?? {})
    if (!TOKEN.test(body.task_token)) throw errors.ERROR_BAD_TOKEN()
    const task = tasks.get(body.task_token)
    if (!task) throw errors.ERROR_TOKEN_NOT_FOUND()
    if (body.payload !== undefined && body.payload.length > MAX_PAYLOAD)
      throw errors.ERROR_BAD_PAYLOAD()
    const now = Date.now()
    while (started.length > 0 && now - started[0]! >= 60_000) started.shift()
    if (started.length >= capacity) throw errors.ERROR_SYSTEM_BUSY({ retryAfter: BUSY_RETRY_AFTER })
    started.push(now)
    task.status = 'queued'
    task.started = now
    res.json({
      error: 0,
      status_url: `https://api.qencode.com/v1/status?task_tokens=${body.task_token}`,
    })
  })

  app.post('/v1/status', (req, res) => {
    const list = statusBody.parse(req.body ?? {}).task_tokens.split(',')
    if (!list.every((token) => TOKEN.test(token.trim()))) throw errors.ERROR_BAD_TOKENS()
    const statuses: Record<string, unknown> = {}
    for (const token of list)
      statuses[token.trim()] = tasks.has(token.trim())
        ? { status: tasks.get(token.trim())!.status, error: 0 }
        : null
    res.json({ error: 0, statuses })
  })

  // Qencode's catalog has no "unknown endpoint" error: unknown routes get Express's 404.
  app.use(handler)
  return app
}

export function start(options: StartOptions = {}): Promise<Running> {
  // Express 5's app.listen is the same createServer(app) and listen.
  return listenNodeServer(createServer(createApp(options)), options)
}

await runIfMain(import.meta.url, start, 4103, ({ url }) => `Qencode demo on ${url}`)
