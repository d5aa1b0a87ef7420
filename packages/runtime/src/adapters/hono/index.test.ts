// What only the Hono adapter does; the behaviour all adapters share is in
// test/http/adapter-contract.test.ts. Hono runs without a server here
// (`app.request`), as it does on workers.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Hono } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import {
  BAD_TOKEN,
  catalog,
  NOT_FOUND,
  RATE_LIMITED,
} from '../../../../../test/http/fixtures/errors.generated.ts'
import type { ErrorInfo } from '../../index.ts'
import { errcat, honoRequestProblem } from './index.ts'

const json = async (response: Response) => (await response.json()) as Record<string, unknown>

describe('errcat/hono', () => {
  it('errors.respond: answers from a middleware, and outer middleware (CORS) still sees it', async () => {
    const calls: ErrorInfo[] = []
    const errors = errcat(catalog, { telemetry: false, onError: (info) => calls.push(info) })
    const app = new Hono()
    app.use(cors({ origin: 'https://app.example', exposeHeaders: ['retry-after'] }))
    app.use(errors)
    app.onError(errors.onError)
    app.use('/api/*', async (c, next) => {
      if (c.req.header('x-api-key') !== 'good') return errors.respond(c, RATE_LIMITED())
      await next()
    })
    app.get('/api/data', (c) => c.json({ ok: true }))
    app.get('/handler', (c) => errors.respond(c, 'a string, not an error'))
    const limited = await app.request('/api/data', { headers: { origin: 'https://app.example' } })
    assert.equal(limited.status, 429)
    assert.equal(limited.headers.get('access-control-allow-origin'), 'https://app.example')
    assert.equal(limited.headers.get('access-control-expose-headers'), 'retry-after')
    assert.equal(limited.headers.get('retry-after'), '60')
    assert.equal(limited.headers.get('content-type'), 'application/problem+json')
    assert.equal((await json(limited)).code, 'rate_limited')
    // From a handler too; anything that is not a catalog error is the internal error, answered once.
    const internal = await app.request('/handler')
    assert.equal(internal.status, 500)
    assert.equal((await json(internal)).code, 'internal')
    assert.deepEqual(
      calls.map((c) => [c.catalogError.symbol, c.error]),
      [
        ['RATE_LIMITED', calls[0]!.catalogError],
        ['INTERNAL', 'a string, not an error'],
      ],
    )
  })

  it("answers HTTPExceptions of Hono's auth middleware with the internal error by default", async () => {
    const errors = errcat(catalog, { telemetry: false })
    const app = new Hono()
    app.use(errors)
    app.onError(errors.onError)
    app.use('/private/*', bearerAuth({ token: 'secret-token' }))
    app.get('/private/data', (c) => c.json({ ok: true }))
    const response = await app.request('/private/data')
    assert.equal(response.status, 500)
    assert.equal((await json(response)).code, 'internal')
  })

  it('lets mapError answer them with a catalog error', async () => {
    const errors = errcat(catalog, {
      telemetry: false,
      mapError: (thrown) =>
        thrown instanceof HTTPException && thrown.status === 401
          ? BAD_TOKEN({ hint: 'none' })
          : undefined,
    })
    const app = new Hono()
    app.onError(errors.onError)
    app.use('/private/*', bearerAuth({ token: 'secret-token' }))
    app.get('/private/data', (c) => c.json({ ok: true }))
    const response = await app.request('/private/data')
    assert.equal(response.status, 401)
    assert.equal((await json(response)).code, 'bad_token')
  })

  it('answers through the middleware alone, replacing another onError answer', async () => {
    const calls: ErrorInfo[] = []
    const errors = errcat(catalog, { telemetry: false, onError: (info) => calls.push(info) })
    const app = new Hono()
    app.use(errors)
    app.onError((_error, c) => c.text('plain failure', 500))
    app.get('/error', () => {
      throw BAD_TOKEN({ hint: 'abcd' })
    })
    app.get('/string', () => {
      throw 'a thrown string'
    })
    const error = await app.request('/error')
    assert.equal(error.status, 401)
    assert.equal(error.headers.get('content-type'), 'application/problem+json')
    const string = await app.request('/string')
    assert.equal(string.status, 500)
    assert.equal(calls.length, 2)
    assert.equal(calls[1]?.error, 'a thrown string')
  })

  it('answers once when both the middleware and onError are installed', async () => {
    const calls: ErrorInfo[] = []
    const errors = errcat(catalog, { telemetry: false, onError: (info) => calls.push(info) })
    const app = new Hono()
    app.use(errors)
    app.onError(errors.onError)
    app.get('/error', () => {
      throw new Error('once')
    })
    assert.equal((await app.request('/error')).status, 500)
    assert.equal(calls.length, 1)
  })

  it('answers errors of routes mounted with app.route under their full path', async () => {
    const errors = errcat(catalog, { telemetry: false, notFound: NOT_FOUND })
    const api = new Hono()
    api.get('/users/:id', () => {
      throw BAD_TOKEN({ hint: 'f00d' })
    })
    const app = new Hono()
    app.use(errors)
    app.onError(errors.onError)
    app.notFound(errors.notFound)
    app.route('/api', api)
    const response = await app.request('/api/users/7?x=1')
    assert.equal(response.status, 401)
    assert.equal((await json(response)).instance, '/api/users/7')
    assert.equal((await json(await app.request('/api/nothing'))).code, 'not_found')
  })

  it('keeps the path percent-encoded in instance, as the client sent it', async () => {
    const errors = errcat(catalog, { telemetry: false, notFound: NOT_FOUND })
    const app = new Hono()
    app.use(errors)
    app.notFound(errors.notFound)
    app.get('/files/:name', () => {
      throw BAD_TOKEN({ hint: 'f00d' })
    })
    const thrown = await app.request('/files/a%20b%2F..%2Fc?x=%20')
    assert.equal(thrown.status, 401)
    assert.equal((await json(thrown)).instance, '/files/a%20b%2F..%2Fc')
    const missing = await app.request('/items/%C3%A9t%C3%A9')
    assert.equal((await json(missing)).instance, '/items/%C3%A9t%C3%A9')
  })

  it("answers the application's own validation errors through mapError's validationError", async () => {
    class FormError extends Error {
      constructor(readonly field: string) {
        super(`invalid ${field}`)
      }
    }
    const errors = errcat(catalog, {
      telemetry: false,
      mapError: (thrown, { validationError }) =>
        thrown instanceof FormError
          ? validationError([{ field: `/${thrown.field}`, message: 'Required' }], thrown)
          : undefined,
    })
    const app = new Hono()
    app.use(errors)
    app.onError(errors.onError)
    app.get('/form', () => {
      throw new FormError('email')
    })
    app.get('/lookalike', () => {
      // Shaped like a Standard Schema failure, but no library made it.
      throw { issues: [{ message: 'postgres://app:hunter2@db.internal/shop', path: ['db'] }] }
    })
    const form = await app.request('/form')
    assert.equal(form.status, 400)
    assert.deepEqual((await json(form)).errors, [{ detail: 'Required', pointer: '/email' }])
    const lookalike = await app.request('/lookalike')
    assert.equal(lookalike.status, 500)
    assert.doesNotMatch(await lookalike.text(), /hunter2|postgres/)
  })

  it("leaves Hono's 404 alone when no notFound error is configured", async () => {
    const errors = errcat(catalog, { telemetry: false })
    const app = new Hono()
    app.notFound(errors.notFound)
    const response = await app.request('/nowhere')
    assert.equal(response.status, 404)
    assert.equal(await response.text(), '404 Not Found')
  })

  it("reads Node's header record on @hono/node-server, and the Request's headers elsewhere", async () => {
    const errors = errcat(catalog, { telemetry: false })
    const app = new Hono()
    app.get('/limited', (c) => errors.respond(c, BAD_TOKEN({ hint: 'abcd' })))
    const headers = { 'x-request-id': 'from-request', 'accept-language': 'fr' }
    // What @hono/node-server passes as env: Node's IncomingMessage (its lower-cased record).
    const incoming = {
      headers: { 'x-request-id': 'from-node', 'accept-language': 'de' },
      rawHeaders: ['X-Request-Id', 'from-node', 'Accept-Language', 'de'],
    }
    const onNode = await app.request('/limited', { headers }, { incoming })
    assert.equal(onNode.headers.get('x-request-id'), 'from-node')
    assert.equal(onNode.headers.get('content-language'), 'de')
    // A worker binding that happens to be called `incoming` is no Node request.
    const onWorker = await app.request('/limited', { headers }, { incoming: { send() {} } })
    assert.equal(onWorker.headers.get('x-request-id'), 'from-request')
    assert.equal(onWorker.headers.get('content-language'), 'fr')
  })

  it('recognises the HTTPExceptions of body handling only', () => {
    assert.equal(honoRequestProblem(new HTTPException(400)), 'malformed-body')
    assert.equal(honoRequestProblem(new HTTPException(413)), 'payload-too-large')
    assert.equal(honoRequestProblem(new HTTPException(415)), 'unsupported-media-type')
    assert.equal(honoRequestProblem(new HTTPException(401)), undefined)
    assert.equal(honoRequestProblem({ status: 413 }), undefined)
  })
})
