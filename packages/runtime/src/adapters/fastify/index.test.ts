// What only the Fastify plugin does; the behaviour all adapters share is in
// test/http/adapter-contract.test.ts.
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { describe, it } from 'node:test'
import Fastify, { type FastifyInstance } from 'fastify'
import { request } from '../../../../../test/http/client.ts'
import {
  BAD_TOKEN,
  catalog,
  NOT_FOUND,
  RATE_LIMITED,
  UNSUPPORTED_MEDIA_TYPE,
} from '../../../../../test/http/fixtures/errors.generated.ts'
import type { ErrorInfo } from '../../index.ts'
import errcat, { type ErrcatFastifyOptions, fastifyRequestProblem } from './index.ts'

async function serve(
  options: Partial<ErrcatFastifyOptions>,
  routes: (app: FastifyInstance) => void | Promise<void>,
) {
  // allErrors: ajv reports every failing member, not only the first.
  const app = Fastify({ ajv: { customOptions: { allErrors: true } } })
  await app.register(errcat, { catalog, telemetry: false, ...options })
  await routes(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }
}

describe('errcat/fastify', () => {
  it("maps Fastify's own schema validation to the validation error, with pointers", async () => {
    const { app, url } = await serve({}, (app) => {
      app.post(
        '/users',
        {
          schema: {
            body: {
              type: 'object',
              required: ['email'],
              properties: {
                email: { type: 'string' },
                age: { type: 'integer', minimum: 18 },
                tags: { type: 'array', items: { type: 'string', maxLength: 3 } },
              },
            },
          },
        },
        async () => ({ ok: true }),
      )
    })
    try {
      const answer = await request(`${url}/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ age: 12, tags: ['ok', 'toolong'] }),
      })
      assert.equal(answer.status, 400)
      const body = answer.json as { code: string; errors: unknown }
      assert.equal(body.code, 'invalid_request')
      assert.deepEqual(body.errors, [
        { detail: "must have required property 'email'", pointer: '/email' },
        { detail: 'must be >= 18', pointer: '/age' },
        { detail: 'must NOT have more than 3 characters', pointer: '/tags/1' },
      ])
    } finally {
      await app.close()
    }
  })

  it('is not encapsulated: routes of plugins registered later get it too', async () => {
    const { app, url } = await serve({}, async (app) => {
      await app.register(
        async (child) => {
          child.get('/inner', async () => {
            throw BAD_TOKEN({ hint: 'f00d' })
          })
        },
        { prefix: '/child' },
      )
    })
    try {
      const answer = await request(`${url}/child/inner`)
      assert.equal(answer.status, 401)
      assert.equal((answer.json as { instance: string }).instance, '/child/inner')
    } finally {
      await app.close()
    }
  })

  it("leaves Fastify's 404 alone when no notFound error is configured", async () => {
    const { app, url } = await serve({}, () => {})
    try {
      const answer = await request(`${url}/nowhere`)
      assert.equal(answer.status, 404)
      assert.equal((answer.json as { error: string }).error, 'Not Found')
    } finally {
      await app.close()
    }
  })

  it('answers an empty JSON body with the validation error', async () => {
    const { app, url } = await serve({ notFound: NOT_FOUND }, (app) => {
      app.post('/echo', async (request) => request.body)
    })
    try {
      const answer = await request(`${url}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '',
      })
      assert.equal(answer.status, 400)
      assert.deepEqual((answer.json as { errors: unknown }).errors, [
        { detail: 'The request body could not be parsed.', pointer: '' },
      ])
    } finally {
      await app.close()
    }
  })

  it("lets the application's mapError decide before the framework mapping", async () => {
    const calls: ErrorInfo[] = []
    const { app, url } = await serve(
      {
        onError: (info) => calls.push(info),
        mapError: (thrown) =>
          fastifyRequestProblem(thrown) === 'unsupported-media-type'
            ? UNSUPPORTED_MEDIA_TYPE()
            : undefined,
      },
      (app) => {
        app.post('/echo', async (request) => request.body)
      },
    )
    try {
      const answer = await request(`${url}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml' },
        body: '<x/>',
      })
      assert.equal(answer.status, 415)
      assert.equal((calls[0]!.error as { code: string }).code, 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    } finally {
      await app.close()
    }
  })

  describe('reply.sendError', () => {
    /** An app whose logger keeps what it logs, to tell a second send (a warning) apart. */
    async function serveLogged(
      options: Partial<ErrcatFastifyOptions>,
      routes: (app: FastifyInstance) => void,
    ) {
      const logs: { level: number; msg?: string; err?: { code?: string } }[] = []
      const stream = { write: (line: string) => logs.push(JSON.parse(line)) }
      const app = Fastify({ logger: { level: 'warn', stream } })
      await app.register(errcat, { catalog, telemetry: false, ...options })
      routes(app)
      await app.listen({ port: 0, host: '127.0.0.1' })
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
      return { app, url, logs }
    }

    it('answers from an async onRequest hook, through every onSend hook, before the route', async () => {
      let routeRan = false
      const seen: unknown[] = []
      const { app, url, logs } = await serveLogged({}, (app) => {
        app.addHook('onRequest', async (request, reply) => {
          if (request.headers['x-api-key'] !== 'good') return reply.sendError(RATE_LIMITED())
        })
        // One async and one callback-style onSend hook: both see the bytes and may change them.
        app.addHook('onSend', async (_request, reply, payload) => {
          seen.push(reply.statusCode, String(payload))
          reply.header('access-control-allow-origin', '*')
        })
        app.addHook('onSend', (_request, _reply, payload, done) => {
          done(null, String(payload).replace('"status":429', '"status":429,"seen":true'))
        })
        app.get('/limited', async () => {
          routeRan = true
          return { ok: true }
        })
      })
      try {
        const answer = await request(`${url}/limited`)
        assert.equal(answer.status, 429)
        assert.equal(answer.headers['access-control-allow-origin'], '*')
        assert.equal(answer.headers['content-type'], 'application/problem+json')
        assert.equal(answer.headers['retry-after'], '60')
        assert.equal((answer.json as { seen: boolean }).seen, true)
        assert.equal(seen[0], 429)
        assert.match(
          String(seen[1]),
          /^\{"type":"https:\/\/docs\.contract\.example\/errors#rate_limited"/,
        )
        assert.equal(routeRan, false)
        assert.deepEqual(logs, [])
      } finally {
        await app.close()
      }
    })

    it('answers from a callback-style hook that does not call done, and from a route', async () => {
      const { app, url, logs } = await serveLogged({}, (app) => {
        app.addHook('onRequest', (request, reply, done) => {
          if (request.url === '/hook') reply.sendError(BAD_TOKEN({ hint: 'h00k' }))
          else done()
        })
        app.get('/route', async (_request, reply) => reply.sendError(BAD_TOKEN({ hint: 'r0ut' })))
      })
      try {
        const hook = await request(`${url}/hook`)
        assert.equal(hook.status, 401)
        assert.equal((hook.json as { detail: string }).detail, 'Token h00k is not valid')
        const route = await request(`${url}/route`)
        assert.equal(route.status, 401)
        assert.equal((route.json as { detail: string }).detail, 'Token r0ut is not valid')
        assert.deepEqual(logs, [])
      } finally {
        await app.close()
      }
    })

    it('answers anything else with the internal error, and never throws', async () => {
      const calls: ErrorInfo[] = []
      const outcomes: string[] = []
      const { app, url } = await serveLogged({ onError: (info) => calls.push(info) }, (app) => {
        app.get('/twice', async (_request, reply) => {
          reply.sendError(new Error('sekret: database password'))
          try {
            // Already sent: logged and recorded, not sent again.
            reply.sendError(BAD_TOKEN({ hint: 'late' }))
            outcomes.push('returned')
          } catch {
            outcomes.push('threw')
          }
          return reply
        })
      })
      try {
        const answer = await request(`${url}/twice`)
        assert.equal(answer.status, 500)
        assert.equal((answer.json as { code: string }).code, 'internal')
        assert.ok(!answer.text.includes('sekret'))
        assert.deepEqual(outcomes, ['returned'])
        assert.deepEqual(
          calls.map((c) => c.catalogError.symbol),
          ['INTERNAL', 'BAD_TOKEN'],
        )
        assert.equal((calls[0]!.error as Error).message, 'sekret: database password')
      } finally {
        await app.close()
      }
    })
  })

  it('recognises only the content-type parser errors', () => {
    const error = (code: string) => Object.assign(new Error('x'), { code })
    assert.equal(fastifyRequestProblem(error('FST_ERR_CTP_BODY_TOO_LARGE')), 'payload-too-large')
    assert.equal(fastifyRequestProblem(error('FST_ERR_CTP_INVALID_JSON_BODY')), 'malformed-body')
    assert.equal(fastifyRequestProblem(error('FST_ERR_VALIDATION')), undefined)
    assert.equal(fastifyRequestProblem(error('toString')), undefined)
    assert.equal(fastifyRequestProblem({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' }), undefined)
  })
})
