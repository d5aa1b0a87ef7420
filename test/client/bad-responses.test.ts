// The client's parser against answers no errcat server sends, over real HTTP
// on loopback with the platform's fetch: bodies cut by a dropped connection,
// corrupt compression, endless streams, JSON that is not an error, prototype
// keys, deep nesting, bad UTF-8 and nonsense headers. The parser never
// throws; what it cannot read becomes an unknown error whose `reason` says why.
// docs/bad-input.md cites these tests by name.
import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { createErrorParser } from '@errcat/runtime/client'
import * as fixture from '../http/fixtures/errors.client.generated.ts'

const problem = createErrorParser({ reader: fixture.envelopeReader, errors: fixture.allErrors })
const small = createErrorParser({
  reader: fixture.envelopeReader,
  errors: fixture.allErrors,
  maxBodyBytes: 1000,
  maxTextLength: 10,
})

const BAD_TOKEN = {
  type: fixture.BAD_TOKEN.type,
  title: 'Bad token',
  status: 401,
  detail: 'Token …f00d is not valid',
  code: 'bad_token',
  request_id: 'req-1',
  params: { hint: '…f00d' },
}

type Route = (request: IncomingMessage, response: ServerResponse) => void

/** Bytes an endless answer sent before the client hung up. */
let endlessSent = 0
const ENDLESS_CAP = 64 * 1024 * 1024

const ROUTES: Record<string, Route> = {
  '/cut': (_, response) => {
    response.writeHead(401, { 'content-type': 'application/problem+json' })
    response.write('{"code": "bad_')
    // The connection drops mid-body, once the first bytes are on their way.
    setImmediate(() => response.socket?.destroy())
  },
  '/bad-gzip': (_, response) => {
    response.writeHead(400, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
    response.end('this is not gzip')
  },
  '/endless': (_, response) => {
    response.writeHead(500, { 'content-type': 'application/json' })
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    const pump = () => {
      while (!response.destroyed && endlessSent < ENDLESS_CAP) {
        endlessSent += chunk.length
        if (!response.write(chunk)) return void response.once('drain', pump)
      }
      response.end()
    }
    pump()
  },
  '/declared-huge': (_, response) => {
    response.writeHead(500, { 'content-length': String(10 * 1024 * 1024) })
    response.write('x'.repeat(100))
    // Never sends the rest: a parser that trusted the length would wait for it.
  },
  '/null': (_, response) => response.writeHead(400).end('null'),
  '/number': (_, response) => response.writeHead(400).end('12345'),
  '/array': (_, response) => response.writeHead(400).end('[1, 2, 3]'),
  '/proto': (_, response) =>
    response
      .writeHead(401)
      .end(
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "code": "nope"}',
      ),
  '/deep': (_, response) =>
    response.writeHead(500).end(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  '/bad-utf8': (_, response) =>
    response.writeHead(401).end(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])),
  '/wrong-params': (_, response) =>
    response
      .writeHead(401, { 'content-type': 'application/problem+json' })
      .end(JSON.stringify({ ...BAD_TOKEN, params: 'not an object' })),
  '/retry-after-words': (_, response) => response.writeHead(503, { 'retry-after': 'soon' }).end(),
  '/retry-after-negative': (_, response) => response.writeHead(503, { 'retry-after': '-5' }).end(),
}

describe('the client parser, over HTTP, against answers no errcat server sends', () => {
  let server: Server
  let base = ''

  before(async () => {
    server = createServer((request, response) => {
      const route = ROUTES[request.url ?? '']
      if (route) route(request, response)
      else response.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => {
    server.closeAllConnections()
    return new Promise<void>((resolve) => server.close(() => resolve()))
  })

  const get = (path: string) => fetch(`${base}${path}`)

  it('reads a body cut by a dropped connection as truncated JSON (not-json), keeping what arrived', async () => {
    const err = await problem.parse(await get('/cut'))
    assert.equal(err?.known, false)
    assert.equal(err.reason, 'not-json')
    assert.equal(err.text, '{"code": "bad_')
    assert.equal(err.status, 401)
  })

  it('reads a body whose compression is corrupt as empty, not as too large', async () => {
    const err = await problem.parse(await get('/bad-gzip'))
    assert.equal(err?.known, false)
    assert.equal(err.reason, 'empty')
    assert.equal(err.status, 400)
    assert.equal(err.message, 'HTTP 400')
  })

  it('stops reading an endless body at maxBodyBytes (too-large)', async () => {
    const err = await small.parse(await get('/endless'))
    assert.equal(err?.known, false)
    assert.equal(err.reason, 'too-large')
    assert.equal(err.text, 'aaaaaaaaaa')
    assert.ok(endlessSent < ENDLESS_CAP, `the server sent all ${endlessSent} bytes`)
  })

  it('does not wait for a body whose Content-Length is over maxBodyBytes (too-large)', async () => {
    const err = await problem.parse(await get('/declared-huge'))
    assert.equal(err?.known, false)
    assert.equal(err.reason, 'too-large')
    assert.equal(err.text, '')
  })

  it('reads JSON that is no error object (null, a number, an array) as wrong-shape', async () => {
    for (const path of ['/null', '/number', '/array']) {
      const err = await problem.parse(await get(path))
      assert.equal(err?.known, false, path)
      assert.equal(err.reason, 'wrong-shape', path)
      assert.equal(err.status, 400, path)
    }
  })

  it('reads __proto__ and constructor keys as data, polluting no prototype', async () => {
    const err = await problem.parse(await get('/proto'))
    assert.equal(err?.known, false)
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined)
    assert.equal((err.params as Record<string, unknown>).polluted, undefined)
  })

  it('reads 100,000 levels of nested arrays as wrong-shape, without throwing', async () => {
    const err = await problem.parse(await get('/deep'))
    assert.equal(err?.known, false)
    assert.equal(err.reason, 'wrong-shape')
    assert.equal(err.text.length, 4096)
  })

  it('reads invalid UTF-8 with replacement characters, never throwing', async () => {
    const err = await problem.parse(await get('/bad-utf8'))
    assert.equal(err?.known, false)
    assert.equal(err.reason, 'wrong-shape')
    assert.ok(err.text.includes('\uFFFD'), err.text)
  })

  it('keeps a known error whose params are not an object, with no params', async () => {
    const err = await problem.parse(await get('/wrong-params'))
    assert.ok(err?.is('BAD_TOKEN'))
    assert.deepEqual(err.params, {})
    assert.equal(err.message, 'Token …f00d is not valid')
  })

  it('ignores a Retry-After that is neither seconds nor an HTTP date', async () => {
    for (const path of ['/retry-after-words', '/retry-after-negative']) {
      const err = await problem.parse(await get(path))
      assert.equal(err?.status, 503, path)
      assert.equal(err.retryAfter, undefined, path)
      assert.equal(err.retryable, true, path)
    }
  })
})
