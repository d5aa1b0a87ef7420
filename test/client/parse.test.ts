// The parser on bodies made by hand: catalog errors in each kind of envelope
// (problem details, and errors in HTTP 200 bodies), and everything that is not
// one becoming a typed unknown error that keeps what the response said.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createErrorParser } from '@errcat/runtime/client'
import * as gengo from '../../examples/gengo/errors.client.generated.ts'
import * as qencode from '../../examples/qencode/errors.client.generated.ts'
import * as qrForms from '../../examples/qr-forms/errors.client.generated.ts'
import * as fixture from '../http/fixtures/errors.client.generated.ts'

const problem = createErrorParser({ reader: fixture.envelopeReader, errors: fixture.allErrors })
const PROBLEM = { 'content-type': 'application/problem+json' }

function badToken(extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    type: fixture.BAD_TOKEN.type,
    title: 'Bad token',
    status: 401,
    detail: 'Token …f00d is not valid',
    code: 'bad_token',
    request_id: 'req-1',
    params: { hint: '…f00d' },
    ...extra,
  })
}

describe('the parser', () => {
  it('reads a catalog error with its params, message, request id and docs', async () => {
    const err = await problem.parse(new Response(badToken(), { status: 401, headers: PROBLEM }))
    assert.ok(err?.is('BAD_TOKEN'))
    assert.equal(err.params.hint, '…f00d')
    assert.equal(err.code, 1001)
    assert.equal(err.key, 'bad_token')
    assert.equal(err.status, 401)
    assert.equal(err.message, 'Token …f00d is not valid')
    assert.equal(err.title, 'Bad token')
    assert.equal(err.requestId, 'req-1')
    assert.equal(err.docsUrl, fixture.BAD_TOKEN.docsUrl)
    assert.equal(err.retryable, false)
    assert.ok(err instanceof Error)
    assert.equal(err.name, 'ApiError')
  })

  it('returns undefined for a success, without reading its body', async () => {
    const response = new Response('{"id": 1}', { status: 200 })
    assert.equal(await problem.parse(response), undefined)
    assert.equal(response.bodyUsed, false)
  })

  it('reads field violations and converts params to their declared types', () => {
    const violations = problem.parseAnswer({
      status: 400,
      body: JSON.stringify({
        type: fixture.INVALID_REQUEST.type,
        status: 400,
        code: 'invalid_request',
        errors: [{ detail: 'must be an email', pointer: '/email' }],
      }),
    })
    assert.deepEqual(violations?.violations, [{ field: '/email', message: 'must be an email' }])
    const slow = problem.parseAnswer({
      status: 429,
      body: { status: 429, code: 'slow_down', params: { seconds: '7', other: 1 } },
    })
    assert.ok(slow?.is('SLOW_DOWN'))
    assert.deepEqual(slow.params, { seconds: 7 })
    assert.equal(slow.retryAfter, 7)
    assert.equal(slow.retryable, true)
  })

  it('takes the retry delay from the body, then Retry-After (seconds or date), then the catalog', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    const parser = createErrorParser({
      reader: fixture.envelopeReader,
      errors: fixture.allErrors,
      now: () => now,
    })
    const maintenance = (headers: Record<string, string>, extra = {}) =>
      parser.parseAnswer({
        status: 503,
        headers,
        body: { status: 503, code: 'maintenance', ...extra },
      })?.retryAfter
    assert.equal(maintenance({}, { retry_after: 9 }), 9)
    assert.equal(maintenance({ 'Retry-After': '30' }), 30)
    assert.equal(maintenance({ 'retry-after': 'Thu, 01 Jan 2026 00:01:00 GMT' }), 60)
    assert.equal(maintenance({}), 120)
  })

  it('takes the request id from the X-Request-Id header when the body has none', () => {
    const err = problem.parseAnswer({
      status: 404,
      headers: new Headers({ 'X-Request-Id': 'abc' }),
      body: { code: 'not_found', status: 404 },
    })
    assert.equal(err?.symbol, 'NOT_FOUND')
    assert.equal(err.requestId, 'abc')
  })

  it('detects errors in HTTP 200 bodies: Qencode, Gengo, QR forms', async () => {
    const q = createErrorParser({ reader: qencode.envelopeReader, errors: qencode.allErrors })
    const busy = await q.parse(
      Response.json({ error: 8, message: 'System busy', retry_after: 30 }, { status: 200 }),
    )
    assert.ok(busy?.is('ERROR_SYSTEM_BUSY'))
    assert.equal(busy.retryAfter, 30)
    assert.equal(await q.parse(Response.json({ error: 0, token: 't' })), undefined)

    const g = createErrorParser({ reader: gengo.envelopeReader, errors: gengo.allErrors })
    const auth = g.parseAnswer({
      status: 200,
      body: '{"opstat":"error","err":{"code":1000,"msg":"authentication failed"}}',
    })
    assert.equal(auth?.code, 1000)
    assert.equal(auth.known, true)
    assert.equal(g.parseAnswer({ status: 200, body: '{"opstat":"ok","response":{}}' }), undefined)

    const f = createErrorParser({ reader: qrForms.envelopeReader, errors: qrForms.allErrors })
    const moduleError = f.parseAnswer({
      status: 200,
      body: { code: 400, error_code: 100303, message: 'Record not found' },
    })
    assert.equal(moduleError?.symbol, 'RECORD_NOT_FOUND')
    assert.equal(f.parseAnswer({ status: 200, body: { code: 0, data: {} } }), undefined)
  })

  it('reads an error the catalog lacks as unknown, keeping its code and message', () => {
    const err = problem.parseAnswer({
      status: 409,
      body: { status: 409, code: 'brand_new', detail: 'A newer server says so' },
    })
    assert.ok(err && !err.known)
    assert.equal(err.reason, 'unknown-error')
    assert.equal(err.symbol, undefined)
    assert.equal(err.key, 'brand_new')
    assert.equal(err.message, 'A newer server says so')
    assert.equal(err.is('BAD_TOKEN'), false)
  })

  it('reads only the errors it is given: the others are unknown but keep their code', () => {
    const few = createErrorParser({
      reader: qencode.envelopeReader,
      errors: { ERROR_SYSTEM_BUSY: qencode.ERROR_SYSTEM_BUSY },
    })
    const err = few.parseAnswer({ status: 200, body: { error: 2, message: 'Bad key' } })
    assert.equal(err?.known, false)
    assert.equal(err.code, 2)
    assert.equal(err.message, 'Bad key')
  })

  it('turns HTML, empty, truncated and non-JSON bodies into unknown errors', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>'
    const cases: [number, string, string][] = [
      [502, html, 'not-json'],
      [503, '', 'empty'],
      [500, badToken().slice(0, 40), 'not-json'],
      [400, 'Bad Request', 'not-json'],
      [400, '[1, 2, 3]', 'wrong-shape'],
      [404, '{"hello": "world"}', 'wrong-shape'],
    ]
    for (const [status, body, reason] of cases) {
      const err = await problem.parse(
        new Response(body, { status, headers: { 'x-request-id': 'r' } }),
      )
      assert.ok(err, body)
      assert.equal(err.known, false, body)
      assert.equal(err.reason, reason, body)
      assert.equal(err.status, status)
      assert.equal(err.text, body)
      assert.equal(err.requestId, 'r')
      assert.equal(err.headers['x-request-id'], 'r')
      assert.equal(err.retryable, status >= 500)
      assert.equal(err.message, `HTTP ${status}`)
    }
  })

  it('reads at most maxBodyBytes and keeps at most maxTextLength characters', async () => {
    const parser = createErrorParser({
      reader: fixture.envelopeReader,
      errors: fixture.allErrors,
      maxBodyBytes: 1000,
      maxTextLength: 10,
    })
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(256).fill(0x61))
      },
    })
    const err = await parser.parse(new Response(endless, { status: 500 }))
    assert.equal(err?.reason, 'too-large')
    assert.equal(err.text, 'aaaaaaaaaa')
    assert.ok(pulled < 10, `${pulled} chunks pulled`)
    const declared = await parser.parse(
      new Response('x'.repeat(2000), { status: 500, headers: { 'content-length': '2000' } }),
    )
    assert.equal(declared?.reason, 'too-large')
    assert.equal(parser.parseAnswer({ status: 500, body: 'y'.repeat(5000) })?.reason, 'too-large')
  })

  it('reads a body cut by a dropped connection as what arrived', async () => {
    let sent = false
    const cut = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(new Error('socket hang up'))
        else controller.enqueue(new TextEncoder().encode('{"code": "bad_'))
        sent = true
      },
    })
    const err = await problem.parse(new Response(cut, { status: 401 }))
    assert.equal(err?.known, false)
    assert.equal(err.text, '{"code": "bad_')
  })
})
