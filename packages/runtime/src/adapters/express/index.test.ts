// What only the Express middleware does; the behaviour all adapters share is
// in test/http/adapter-contract.test.ts.
import assert from 'node:assert/strict'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, it } from 'node:test'
import express from 'express'
import { closeServer } from '../../../../../test/http/apps.ts'
import { request } from '../../../../../test/http/client.ts'
import {
  BAD_TOKEN,
  catalog,
  UNSUPPORTED_MEDIA_TYPE,
} from '../../../../../test/http/fixtures/errors.generated.ts'
import type { AdapterOptions, ErrorInfo } from '../../index.ts'
import { errcat, expressRequestProblem } from './index.ts'

async function serve(
  options: AdapterOptions,
  routes: (app: express.Express) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = express()
  app.set('env', 'test') // Express's final handler logs errors to stderr in other environments
  routes(app)
  const errors = errcat(catalog, { telemetry: false, ...options })
  app.use(errors.notFound)
  app.use(errors)
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => closeServer(server),
  }
}

describe('errcat/express', () => {
  it('does not touch a response whose headers are sent, but still reports the error', async () => {
    const calls: ErrorInfo[] = []
    const app = await serve({ onError: (info) => calls.push(info) }, (app) => {
      app.get('/stream', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' })
        res.write('partial ')
        throw new Error('failed mid-stream')
      })
    })
    try {
      // Express closes the connection: the client sees the 200 it was promised, cut short.
      const outcome = await request(`${app.url}/stream`).then(
        (answer) => answer.status,
        () => 'connection closed',
      )
      assert.ok(outcome === 200 || outcome === 'connection closed', String(outcome))
      assert.equal((calls[0]!.error as Error).message, 'failed mid-stream')
    } finally {
      await app.close()
    }
  })

  it('uses the full path of mounted routers as the problem instance', async () => {
    const app = await serve({}, (app) => {
      const router = express.Router()
      router.get('/users/:id', () => {
        throw BAD_TOKEN({ hint: 'beef' })
      })
      app.use('/api/v2', router)
    })
    try {
      const answer = await request(`${app.url}/api/v2/users/7?full=1`)
      assert.equal(answer.status, 401)
      assert.equal((answer.json as { instance: string }).instance, '/api/v2/users/7')
    } finally {
      await app.close()
    }
  })

  it('keeps headers the application set before the error', async () => {
    const app = await serve({}, (app) => {
      app.get('/cors', (_req, res) => {
        res.setHeader('access-control-allow-origin', '*')
        throw BAD_TOKEN({ hint: 'cafe' })
      })
    })
    try {
      const answer = await request(`${app.url}/cors`)
      assert.equal(answer.status, 401)
      assert.equal(answer.headers['access-control-allow-origin'], '*')
      assert.equal(answer.headers['content-type'], 'application/problem+json')
    } finally {
      await app.close()
    }
  })

  describe('errors.send', () => {
    it('answers from middleware before the routes, keeping headers set before it', async () => {
      const calls: ErrorInfo[] = []
      let routeRan = false
      const errors = errcat(catalog, { telemetry: false, onError: (info) => calls.push(info) })
      const app = await serve({}, (app) => {
        app.use((req, res, next) => {
          res.setHeader('access-control-allow-origin', '*')
          if (req.get('authorization') !== 'Bearer good')
            return errors.send(req, res, BAD_TOKEN({ hint: 'auth' }))
          next()
        })
        app.get('/private', (_req, res) => {
          routeRan = true
          res.json({ ok: true })
        })
      })
      try {
        const answer = await request(`${app.url}/private?x=1`)
        assert.equal(answer.status, 401)
        assert.equal(answer.headers['access-control-allow-origin'], '*')
        assert.equal(answer.headers['content-type'], 'application/problem+json')
        assert.equal((answer.json as { instance: string }).instance, '/private')
        assert.equal(answer.headers.etag, undefined)
        assert.equal(routeRan, false)
        assert.equal(calls[0]?.catalogError.symbol, 'BAD_TOKEN')
      } finally {
        await app.close()
      }
    })

    it('closes a response already under way, reports the error and does not throw', async () => {
      const calls: ErrorInfo[] = []
      const outcomes: string[] = []
      const errors = errcat(catalog, { telemetry: false, onError: (info) => calls.push(info) })
      const app = await serve({}, (app) => {
        app.get('/stream', (req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' })
          res.write('partial ')
          try {
            errors.send(req, res, new Error('failed mid-stream'))
            outcomes.push('returned')
          } catch {
            outcomes.push('threw')
          }
        })
      })
      try {
        const outcome = await request(`${app.url}/stream`).then(
          (answer) => answer.text,
          () => 'connection closed',
        )
        assert.equal(outcome, 'connection closed')
        assert.deepEqual(outcomes, ['returned'])
        assert.equal((calls[0]!.error as Error).message, 'failed mid-stream')
        assert.equal(calls[0]!.catalogError.symbol, 'INTERNAL')
      } finally {
        await app.close()
      }
    })
  })

  it("leaves Express's 404 alone when no notFound error is configured", async () => {
    const app = await serve({}, () => {})
    try {
      const answer = await request(`${app.url}/nowhere`)
      assert.equal(answer.status, 404)
      assert.match(answer.headers['content-type'] ?? '', /^text\/html/)
    } finally {
      await app.close()
    }
  })

  it("answers body-parser's errors: too large and bad charset", async () => {
    const app = await serve({ unsupportedMediaType: UNSUPPORTED_MEDIA_TYPE }, (app) => {
      app.post('/echo', express.json({ limit: 100 }), (req, res) => {
        res.json(req.body)
      })
    })
    try {
      const large = await request(`${app.url}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'x'.repeat(200) }),
      })
      // No payloadTooLarge error configured: the validation error says why.
      assert.equal(large.status, 400)
      assert.deepEqual((large.json as { errors: unknown }).errors, [
        { detail: 'The request body is too large.', pointer: '' },
      ])
      const charset = await request(`${app.url}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=koi8-r' },
        body: '{}',
      })
      assert.equal(charset.status, 415)
    } finally {
      await app.close()
    }
  })

  it('recognises body-parser errors by their type only', () => {
    const error = (type: string) => Object.assign(new Error('x'), { type, status: 400 })
    assert.equal(expressRequestProblem(error('entity.parse.failed')), 'malformed-body')
    assert.equal(expressRequestProblem(error('entity.too.large')), 'payload-too-large')
    assert.equal(expressRequestProblem(error('entity.verify.failed')), undefined)
    assert.equal(expressRequestProblem(error('constructor')), undefined)
    assert.equal(expressRequestProblem({ type: 'entity.parse.failed' }), undefined)
  })
})
