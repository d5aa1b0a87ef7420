// Each integration with the real library against a real loopback server: ky
// (hooks), ofetch (interceptor) and openapi-fetch (middleware) reject with the
// parsed, typed API error, errors in HTTP 200 bodies included, and retry only
// what the catalog marks retryable.
import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, beforeEach, describe, it } from 'node:test'
import { ApiError, createErrorParser, createRetryingFetch } from '@errcat/runtime/client'
import { errcatKy } from '@errcat/runtime/client/ky'
import { errcatOfetch } from '@errcat/runtime/client/ofetch'
import { errcatMiddleware } from '@errcat/runtime/client/openapi-fetch'
import ky from 'ky'
import { ofetch } from 'ofetch'
import createClient from 'openapi-fetch'
import * as qencode from '../../examples/qencode/errors.client.generated.ts'
import * as fixture from '../http/fixtures/errors.client.generated.ts'

type Script = { status: number; headers?: Record<string, string>; body: unknown }

const parser = createErrorParser({ reader: fixture.envelopeReader, errors: fixture.allErrors })
const qencodeParser = createErrorParser({
  reader: qencode.envelopeReader,
  errors: qencode.allErrors,
})
const problem = (code: string, status: number, extra: Record<string, unknown> = {}): Script => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: { status, code, ...extra },
})
const BAD_TOKEN = problem('bad_token', 401, { params: { hint: 'ab12' }, detail: 'Token ab12' })
const BUSY: Script = { status: 503, headers: { 'retry-after': '0' }, body: { code: 'maintenance' } }
const QENCODE_BUSY: Script = { status: 200, body: { error: 8, message: 'busy', retry_after: 0 } }
// `error: 0` is how Qencode says success; the other envelopes ignore it.
const OK: Script = { status: 200, body: { error: 0, ok: true } }
const OK_BODY = { error: 0, ok: true }

let server: Server
let base = ''
let scripts: Script[] = []
let requests = 0

function answer(req: IncomingMessage, res: ServerResponse) {
  req.resume()
  requests++
  const next = scripts.shift() ?? OK
  res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers })
  res.end(JSON.stringify(next.body))
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof ApiError, String(error))
    return error
  }
  assert.fail('resolved')
}

describe('integrations', () => {
  before(async () => {
    server = createServer(answer)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))
  beforeEach(() => {
    scripts = []
    requests = 0
  })

  describe('ky', () => {
    const api = () => ky.create({ prefixUrl: base, ...errcatKy(parser) })

    it('rejects with the typed error, without retrying what is not retryable', async () => {
      scripts = [BAD_TOKEN]
      const err = await rejection(api().get('a').json())
      assert.ok(err.is('BAD_TOKEN'))
      assert.equal(err.params.hint, 'ab12')
      assert.equal(requests, 1)
    })

    it('retries a retryable error, and returns the success', async () => {
      scripts = [problem('maintenance', 503, {}), BUSY]
      const fast = api().extend({ retry: { limit: 3, backoffLimit: 1 } })
      scripts[0]!.headers = { ...scripts[0]!.headers, 'retry-after': '0' }
      assert.deepEqual(await fast.get('b').json(), OK_BODY)
      assert.equal(requests, 3)
    })

    it('retries an error in an HTTP 200 body, but never a POST without a key', async () => {
      const q = ky.create({ prefixUrl: base, ...errcatKy(qencodeParser) })
      scripts = [QENCODE_BUSY]
      assert.deepEqual(await q.get('c').json(), OK_BODY)
      assert.equal(requests, 2)
      requests = 0
      scripts = [QENCODE_BUSY]
      const err = await rejection(q.post('c', { body: 'x' }).json())
      assert.equal(err.symbol, 'ERROR_SYSTEM_BUSY')
      assert.equal(requests, 1)
    })
  })

  describe('ofetch', () => {
    it('rejects with the typed error, errors in HTTP 200 bodies too', async () => {
      const $fetch = ofetch.create({ baseURL: base, ...errcatOfetch(parser) })
      scripts = [BAD_TOKEN]
      const err = await rejection($fetch('/a'))
      assert.equal(err.symbol, 'BAD_TOKEN')
      assert.equal(err.message, 'Token ab12')
      assert.equal(requests, 1)
      assert.deepEqual(await $fetch('/a'), OK_BODY)

      const q = ofetch.create({ baseURL: base, ...errcatOfetch(qencodeParser) })
      scripts = [QENCODE_BUSY]
      assert.equal((await rejection(q('/b'))).symbol, 'ERROR_SYSTEM_BUSY')
    })

    it('retries through the retrying fetch', async () => {
      const $fetch = ofetch.create(
        { baseURL: base, retry: 0, ...errcatOfetch(parser) },
        { fetch: createRetryingFetch({ parser }) },
      )
      scripts = [BUSY, BUSY]
      assert.deepEqual(await $fetch('/c'), OK_BODY)
      assert.equal(requests, 3)
    })
  })

  describe('openapi-fetch', () => {
    interface Paths {
      '/things/{id}': {
        get: {
          parameters: { path: { id: string } }
          responses: { 200: { content: { 'application/json': { error: number; ok: boolean } } } }
        }
      }
    }

    it('rejects calls with the typed error, and leaves successes alone', async () => {
      const client = createClient<Paths>({ baseUrl: base })
      client.use(errcatMiddleware(parser))
      scripts = [BAD_TOKEN]
      const err = await rejection(client.GET('/things/{id}', { params: { path: { id: '1' } } }))
      assert.ok(err.is('BAD_TOKEN'))
      const { data } = await client.GET('/things/{id}', { params: { path: { id: '1' } } })
      assert.deepEqual(data, OK_BODY)
    })

    it('catches errors in HTTP 200 bodies and retries through the retrying fetch', async () => {
      const client = createClient<Paths>({
        baseUrl: base,
        fetch: createRetryingFetch({ parser: qencodeParser }),
      })
      client.use(errcatMiddleware(qencodeParser))
      scripts = [QENCODE_BUSY, QENCODE_BUSY]
      const { data } = await client.GET('/things/{id}', { params: { path: { id: '2' } } })
      assert.deepEqual(data, OK_BODY)
      assert.equal(requests, 3)
      scripts = [{ status: 200, body: { error: 2, message: 'bad key' } }]
      const err = await rejection(client.GET('/things/{id}', { params: { path: { id: '3' } } }))
      assert.equal(err.symbol, 'ERROR_BAD_API_KEY')
    })
  })
})
