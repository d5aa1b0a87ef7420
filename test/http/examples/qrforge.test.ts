// The QRForge demo (Hono): every error of the catalog on the wire in
// QRForge's envelope, and the endpoints failing the way the seed describes.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as errors from '../../../examples/qrforge/errors.generated.ts'
import { type Running, start } from '../../../examples/qrforge/server.ts'
import { type Answer, postJson, request, UUID } from '../client.ts'
import { checkEveryError, wireMessage } from './every-error.ts'

const KEY = { 'x-api-key': 'qrf_demo_key' }
const VERSION = '2025-11-14-v1'

/** QRForge's error envelope, checked member by member. */
function assertError(answer: Answer, status: number, code: string) {
  assert.equal(answer.status, status, answer.text)
  const id = answer.headers['x-request-id']
  assert.deepEqual(Object.keys(answer.json as object), [
    'ok',
    'version',
    'request_id',
    'code',
    'message',
  ])
  const body = answer.json as Record<string, unknown>
  assert.equal(body.ok, false)
  assert.equal(body.version, VERSION)
  assert.equal(body.request_id, id)
  assert.equal(body.code, code)
}

describe('QRForge demo server', () => {
  let server: Running
  before(async () => {
    server = await start({ perMinute: 1000 })
  })
  after(() => server.close())

  it('answers GET /errors/{id} with every error of the catalog', async () => {
    const count = await checkEveryError({
      url: server.url,
      reader: errors.envelopeReader,
      errors: errors.allErrors,
      expectedStatus: (definition) => definition.status,
      expectedBody: (error, answer) => ({
        ok: false,
        version: VERSION,
        request_id: answer.headers['x-request-id'],
        code: error.key,
        message: wireMessage(error),
      }),
    })
    assert.equal(count, 11)
  })

  it('echoes a well-formed request id in request_id', async () => {
    const answer = await request(`${server.url}/errors/not_found`, {
      headers: { 'x-request-id': 'req_7Gx2' },
    })
    assertError(answer, 404, 'not_found')
    assert.equal((answer.json as { request_id: string }).request_id, 'req_7Gx2')
  })

  it('answers a request without x-api-key with unauthorized', async () => {
    assertError(await request(`${server.url}/v1/qr?id=qr_demo`), 401, 'unauthorized')
    assertError(
      await request(`${server.url}/v1/qr?id=qr_demo`, { headers: { 'x-api-key': 'guess' } }),
      401,
      'unauthorized',
    )
  })

  it('creates a QR code, in the success envelope', async () => {
    const answer = await postJson(
      `${server.url}/v1/qr`,
      { redirect_url: 'https://example.com' },
      KEY,
    )
    assert.equal(answer.status, 201)
    const body = answer.json as { ok: boolean; request_id: string; data: { id: string } }
    assert.equal(body.ok, true)
    assert.match(body.request_id, UUID)
    assert.match(body.data.id, /^qr_\d+$/)
  })

  it('validates POST /v1/qr with zod: failures are the catalog validation error', async () => {
    for (const body of [
      {},
      { redirect_url: 'ftp://example.com' },
      { redirect_url: 'https://example.com', format: 'gif' },
      { redirect_url: 'https://example.com', size: 10 },
    ])
      assertError(await postJson(`${server.url}/v1/qr`, body, KEY), 400, 'invalid_payload')
  })

  it('answers a body that is not JSON with the validation error too', async () => {
    assertError(
      await postJson(`${server.url}/v1/qr`, '{"redirect_url": ', KEY),
      400,
      'invalid_payload',
    )
  })

  it('answers a project of someone else with project_not_found', async () => {
    const answer = await postJson(
      `${server.url}/v1/qr`,
      { redirect_url: 'https://example.com', project_id: 'proj_other' },
      KEY,
    )
    assertError(answer, 404, 'project_not_found')
  })

  it('reads QR codes: missing id, unknown, someone else’s, archived', async () => {
    assertError(await request(`${server.url}/v1/qr`, { headers: KEY }), 400, 'invalid_request')
    assertError(await request(`${server.url}/v1/qr?id=qr_none`, { headers: KEY }), 404, 'not_found')
    assertError(
      await request(`${server.url}/v1/qr?qr_id=qr_other`, { headers: KEY }),
      403,
      'forbidden',
    )
    assertError(
      await request(`${server.url}/v1/qr?id=qr_archived`, { headers: KEY }),
      409,
      'resource_archived',
    )
    const ok = await request(`${server.url}/v1/qr?id=qr_demo`, { headers: KEY })
    assert.equal(ok.status, 200)
  })

  it('answers other methods on /v1/qr with method_not_allowed', async () => {
    assertError(
      await request(`${server.url}/v1/qr`, { method: 'DELETE', headers: KEY }),
      405,
      'method_not_allowed',
    )
  })

  it('answers an unknown route with not_found', async () => {
    assertError(await request(`${server.url}/v2/nothing`), 404, 'not_found')
  })

  it('answers a key over its daily quota with rate_limit_day', async () => {
    const answer = await request(`${server.url}/v1/usage`, {
      headers: { 'x-api-key': 'qrf_spent_key' },
    })
    assertError(answer, 429, 'rate_limit_day')
    assert.equal(answer.headers['ratelimit-policy'], '"day";q=50000;w=86400')
    const retryAfter = Number(answer.headers['retry-after'])
    assert.ok(retryAfter > 0 && retryAfter <= 86400)
  })

  it('limits requests per minute: rate_limit_minute with Retry-After and RateLimit', async () => {
    const limited = await start({ perMinute: 2 })
    try {
      for (let i = 0; i < 2; i++)
        assert.equal((await request(`${limited.url}/v1/usage`, { headers: KEY })).status, 200)
      const answer = await request(`${limited.url}/v1/usage`, { headers: KEY })
      assertError(answer, 429, 'rate_limit_minute')
      const retryAfter = Number(answer.headers['retry-after'])
      assert.ok(retryAfter >= 1 && retryAfter <= 60, answer.headers['retry-after'])
      assert.equal(answer.headers['ratelimit-policy'], '"minute";q=600;w=60')
      assert.equal(answer.headers.ratelimit, `"minute";r=0;t=${retryAfter}`)
    } finally {
      await limited.close()
    }
  })
})
