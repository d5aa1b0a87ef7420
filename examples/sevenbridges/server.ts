// Seven Bridges Platform API demo server (seed 002) on Fastify, answering
// errors in the platform's envelope: `{status, code, message, more_info}`
// with the error's HTTP status.
//
//   GET  /v2/tasks/{id}                  a task (7005 when the id is no UUID, 7002 when unknown)
//   POST /v2/tasks                       create a draft task (body checked by a Fastify schema)
//   POST /v2/tasks/{id}/actions/run      run a draft (7007 otherwise)
//   POST /v2/tasks/{id}/actions/abort    abort a running task (7008 otherwise)
//   GET  /errors/{id}                    any error of the catalog, by code or symbol
//
// Requests need `X-SBG-Auth-Token` (try `sbg_demo_token`) and count against
// the documented limit, 1000 requests per 5 minutes.
import { randomUUID } from 'node:crypto'
import { errorFinder, errorWithParams } from '@errcat/runtime'
import errcat from '@errcat/runtime/fastify'
import Fastify, { type FastifyInstance } from 'fastify'
import { type ListenOptions, listenAddress, type Running, runIfMain, urlOf } from '../listen.ts'
import * as errors from './errors.generated.ts'

export type { Running }

export interface StartOptions extends ListenOptions {
  /** Requests per token and window. Default: the catalog's policy for 1000 (1000 per 300 s). */
  perWindow?: number
}

type TaskStatus = 'DRAFT' | 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'ABORTED' | 'FAILED'

interface Task {
  id: string
  name: string
  project: string
  app: string
  status: TaskStatus
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const RATE_LIMIT = errors.RATE_LIMIT_EXCEEDED.definition.rateLimit!

export const DEMO_TASKS = {
  draft: '3c8d5d2e-9a5f-4d0c-8a4e-1c1f6a0b7d21',
  running: '7f0b6a2c-4e1d-4b8e-9f3a-2d5c8e1a6b90',
}

export async function createApp(options: Pick<StartOptions, 'perWindow'> = {}) {
  const perWindow = options.perWindow ?? RATE_LIMIT.quota
  const tokens = new Set(['sbg_demo_token'])
  const tasks = new Map<string, Task>([
    [
      DEMO_TASKS.draft,
      {
        id: DEMO_TASKS.draft,
        name: 'RNA-seq alignment',
        project: 'demo/rna',
        app: 'demo/rna/star',
        status: 'DRAFT',
      },
    ],
    [
      DEMO_TASKS.running,
      {
        id: DEMO_TASKS.running,
        name: 'Variant calling',
        project: 'demo/wgs',
        app: 'demo/wgs/gatk',
        status: 'RUNNING',
      },
    ],
  ])
  const windows = new Map<string, { start: number; count: number }>()
  const find = errorFinder(errors.allErrors)

  const app = Fastify()
  await app.register(errcat, {
    catalog: errors.catalog,
    notFound: errors.NOT_FOUND,
    malformedBody: errors.UNDECODABLE_REQUEST_CONTENT,
    unsupportedMediaType: errors.UNSUPPORTED_MEDIA_TYPE,
  })

  app.get<{ Params: { id: string } }>('/errors/:id', async (request) => {
    const entry = find(request.params.id)
    throw entry
      ? errorWithParams(entry, new URL(request.url, 'http://x').searchParams)
      : errors.NOT_FOUND()
  })

  // Authentication, then the rate limit, with the platform's X-RateLimit-* headers. Under abuse
  // these answers are most of the traffic: they are sent without throwing, and onSend hooks
  // (CORS, compression) still see them.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/v2/')) return
    const token = request.headers['x-sbg-auth-token']
    if (typeof token !== 'string' || !tokens.has(token))
      // The factory (and its arguments below), not `UNAUTHORIZED()`: the same answer, without
      // creating an error.
      return reply.sendError(errors.UNAUTHORIZED)
    const now = Date.now()
    const windowMs = RATE_LIMIT.window * 1000
    let window = windows.get(token)
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0 }
      windows.set(token, window)
    }
    const reset = Math.ceil((window.start + windowMs) / 1000)
    reply.header('x-ratelimit-limit', perWindow)
    reply.header('x-ratelimit-remaining', Math.max(0, perWindow - window.count - 1))
    reply.header('x-ratelimit-reset', reset)
    if (window.count >= perWindow)
      return reply.sendError(errors.RATE_LIMIT_EXCEEDED, {
        retryAfter: (window.start + windowMs - now) / 1000,
      })
    window.count++
  })

  function taskOf(id: string): Task {
    if (!UUID.test(id)) throw errors.INVALID_TASK_ID()
    const task = tasks.get(id)
    if (!task) throw errors.TASK_NOT_FOUND()
    return task
  }

  app.get<{ Params: { id: string } }>('/v2/tasks/:id', async (request) => taskOf(request.params.id))
  app.route({
    method: ['PUT', 'DELETE'],
    url: '/v2/tasks/:id',
    handler: async () => {
      throw errors.METHOD_NOT_ALLOWED()
    },
  })

  // Fastify validates the body with ajv; errcat answers failures with 90000 and their fields.
  app.post<{ Body: { name: string; project: string; app: string; inputs?: object } }>(
    '/v2/tasks',
    {
      schema: {
        body: {
          type: 'object',
          required: ['name', 'project', 'app'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 255 },
            project: { type: 'string', pattern: '^[\\w-]+/[\\w-]+$' },
            app: { type: 'string', pattern: '^[\\w-]+/[\\w-]+/[\\w-]+$' },
            inputs: { type: 'object' },
          },
        },
      },
    },
    async (request, reply) => {
      const task: Task = { id: randomUUID(), status: 'DRAFT', ...request.body }
      tasks.set(task.id, task)
      return reply.code(201).send(task)
    },
  )

  app.post<{ Params: { id: string; action: string } }>(
    '/v2/tasks/:id/actions/:action',
    async (request) => {
      const task = taskOf(request.params.id)
      switch (request.params.action) {
        case 'run':
          if (task.status !== 'DRAFT') throw errors.TASK_NOT_DRAFT()
          task.status = 'QUEUED'
          return task
        case 'abort':
          if (task.status !== 'RUNNING') throw errors.TASK_NOT_RUNNING()
          task.status = 'ABORTED'
          return task
        default:
          throw errors.INVALID_TASK_ACTION()
      }
    },
  )

  return app
}

export async function start(options: StartOptions = {}): Promise<Running> {
  const app: FastifyInstance = await createApp(options)
  const { port, host } = listenAddress(options)
  // Fastify listens itself, after its plugins are ready, and closes with app.close() so that
  // their onClose hooks run.
  try {
    await app.listen({ port, host })
  } catch (error) {
    await app.close()
    throw error
  }
  return { url: urlOf(app.server, host), close: () => app.close() }
}

await runIfMain(import.meta.url, start, 4102, ({ url }) => `Seven Bridges demo on ${url}`)
