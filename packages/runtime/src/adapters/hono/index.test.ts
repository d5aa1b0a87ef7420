// What only the Hono adapter does; the behaviour all adapters share is in
// test/http/adapter-contract.test.ts. Hono runs without a server here
// (`app.request`), as it does on workers.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Hono } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { HTTPException } from 'hono/http-exception'
import {
  BAD_TOKEN,
  catalog,
  NOT_FOUND,
} from '../../../../../test/http/fixtures/errors.generated.ts'
import type { ErrorInfo } from '../../index.ts'
import { errcat, honoRequestProblem } from './index.ts'

const json = async (response: Response) => (await response.json()) as Record<string, unknown>

describe('errcat/hono', () => {
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

  it('recognises the HTTPExceptions of body handling only', () => {
    assert.equal(honoRequestProblem(new HTTPException(400)), 'malformed-body')
    assert.equal(honoRequestProblem(new HTTPException(413)), 'payload-too-large')
    assert.equal(honoRequestProblem(new HTTPException(415)), 'unsupported-media-type')
    assert.equal(honoRequestProblem(new HTTPException(401)), undefined)
    assert.equal(honoRequestProblem({ status: 413 }), undefined)
  })
})
