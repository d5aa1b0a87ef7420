// The Qencode demo (Express): every error of the catalog on the wire as
// Qencode sends it (HTTP 200, `{error, message}`), and the API flow failing
// the way the seed describes.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as errors from '../../../examples/qencode/errors.generated.ts'
import { DEMO_API_KEY, type Running, start } from '../../../examples/qencode/server.ts'
import { type Answer, request } from '../client.ts'
import { checkEveryError, wireMessage } from './every-error.ts'

function post(url: string, fields: Record<string, string>) {
  return request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
}

/** HTTP 200 with the code in `error`. */
function assertError(answer: Answer, code: number, extra: Record<string, unknown> = {}) {
  assert.equal(answer.status, 200, answer.text)
  const body = answer.json as Record<string, unknown>
  assert.equal(body.error, code, answer.text)
  assert.equal(typeof body.message, 'string')
  assert.deepEqual(Object.keys(body).sort(), ['error', 'message', ...Object.keys(extra)].sort())
  for (const [name, value] of Object.entries(extra)) assert.deepEqual(body[name], value)
}

describe('Qencode demo server', () => {
  let server: Running
  before(async () => {
    server = await start({ capacityPerMinute: 1 })
  })
  after(() => server.close())

  it('answers GET /errors/{id} with every error of the catalog, in HTTP 200 bodies', async () => {
    const count = await checkEveryError({
      url: server.url,
      reader: errors.envelopeReader,
      errors: errors.allErrors,
      exampleParams: { retryAfter: 30, field: 'task_token' },
      expectedStatus: () => 200,
      expectedBody: (error) => {
        const body: Record<string, unknown> = { error: error.code, message: wireMessage(error) }
        if (error.retryAfter !== undefined) body.retry_after = error.retryAfter
        if (error.symbol === 'ERROR_FIELD_REQUIRED') body.field = 'task_token'
        return body
      },
    })
    // 15 codes, but ERROR_OK (0) reports success: documented, never thrown.
    assert.equal(count, 14)
    assert.equal((await request(`${server.url}/errors/0`)).status, 404)
  })

  it('answers POST /v1/access_token with a bad key with error 2 in an HTTP 200 body', async () => {
    const answer = await post(`${server.url}/v1/access_token`, { api_key: 'not a key' })
    assertError(answer, 2)
    assert.equal(
      (answer.json as { message: string }).message,
      'Your API key does not pass validation.',
    )
  })

  it('answers a well-formed key that does not exist with error 3', async () => {
    assertError(
      await post(`${server.url}/v1/access_token`, { api_key: 'qencode_demo_key_9999' }),
      3,
    )
  })

  it('answers a missing field with error 14, naming the field', async () => {
    assertError(await post(`${server.url}/v1/access_token`, {}), 14, { field: 'api_key' })
    const answer = await post(`${server.url}/v1/create_task`, {})
    assertError(answer, 14, { field: 'token' })
    assert.equal(
      (answer.json as { message: string }).message,
      'Value for field token is required in request.',
    )
  })

  it('runs the happy path, then answers the busy system with error 8 and a retry delay', async () => {
    const token = await post(`${server.url}/v1/access_token`, { api_key: DEMO_API_KEY })
    assert.equal((token.json as { error: number }).error, 0)
    const task = await post(`${server.url}/v1/create_task`, {
      token: (token.json as { token: string }).token,
    })
    const taskToken = (task.json as { task_token: string }).task_token
    assert.match(taskToken, /^[0-9a-f]{32}$/)

    assertError(await post(`${server.url}/v1/start_encode2`, { task_token: taskToken }), 14, {
      field: 'query',
    })
    assertError(
      await post(`${server.url}/v1/start_encode2`, {
        task_token: taskToken,
        query: '{}',
        payload: 'x'.repeat(1001),
      }),
      9,
    )
    const started = await post(`${server.url}/v1/start_encode2`, {
      task_token: taskToken,
      query: '{}',
    })
    assert.deepEqual(Object.keys(started.json as object), ['error', 'status_url'])

    // Capacity is one encode a minute in this test: the next one finds the system busy.
    const busy = await post(`${server.url}/v1/start_encode2`, {
      task_token: taskToken,
      query: '{}',
    })
    assertError(busy, 8, { retry_after: 30 })
    assert.equal(busy.headers['retry-after'], '30')
    // A 5xx is not exposed: the title stands for the message.
    assert.equal((busy.json as { message: string }).message, 'System busy')

    const status = await post(`${server.url}/v1/status`, { task_tokens: taskToken })
    assert.equal((status.json as { error: number }).error, 0)
  })

  it('answers malformed and unknown tokens with errors 4, 5 and 13', async () => {
    assertError(await post(`${server.url}/v1/create_task`, { token: 'short' }), 4)
    assertError(await post(`${server.url}/v1/create_task`, { token: 'a'.repeat(32) }), 5)
    assertError(
      await post(`${server.url}/v1/status`, { task_tokens: `${'a'.repeat(32)},nope` }),
      13,
    )
  })

  it('takes JSON bodies too', async () => {
    const answer = await request(`${server.url}/v1/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: 'bad key!' }),
    })
    assertError(answer, 2)
  })
})
