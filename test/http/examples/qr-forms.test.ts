// The QR forms OpenAPI V2 demo (seed 001): a Hono gateway in front of the
// forms module it starts itself. Every error of the catalog on the wire
// (HTTP 200, `{code, error_code?, message}`), module errors passed through
// with their business code, and unreadable upstream answers turned into the
// HTTP-layer 404/502 without one.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as errors from '../../../examples/qr-forms/errors.generated.ts'
import { type Running, start } from '../../../examples/qr-forms/server.ts'
import { type Answer, postJson, request } from '../client.ts'
import { checkEveryError, wireMessage } from './every-error.ts'

const RW = { 'x-api-key': 'qrf_rw_key' }

/** HTTP 200, the top-level code, and `error_code` only when given. */
function assertError(answer: Answer, code: number, errorCode?: number) {
  assert.equal(answer.status, 200, answer.text)
  const body = answer.json as Record<string, unknown>
  assert.deepEqual(
    Object.keys(body),
    errorCode === undefined ? ['code', 'message'] : ['code', 'error_code', 'message'],
    answer.text,
  )
  assert.equal(body.code, code)
  assert.equal(body.error_code, errorCode)
}

describe('QR forms gateway demo', () => {
  let server: Running
  before(async () => {
    server = await start()
  })
  after(() => server.close())

  it('answers GET /errors/{id} with every error of the catalog, in HTTP 200 bodies', async () => {
    const count = await checkEveryError({
      url: server.url,
      reader: errors.envelopeReader,
      errors: errors.allErrors,
      expectedStatus: () => 200,
      expectedBody: (error) =>
        error.definition.group === 'module'
          ? { code: 400, error_code: error.code, message: wireMessage(error) }
          : { code: error.status, message: wireMessage(error) },
    })
    // 37 codes, but 0 reports success.
    assert.equal(count, 36)
  })

  it('passes a module error through with its business code', async () => {
    const answer = await request(`${server.url}/v2/records/rec_404`, { headers: RW })
    assertError(answer, 400, 100303)
    assert.equal((answer.json as { message: string }).message, 'Record not found')
    assertError(
      await request(`${server.url}/v2/records/rec_1/export?format=docx`, { headers: RW }),
      400,
      100305,
    )
  })

  it('passes the module’s validation and state errors through', async () => {
    const url = `${server.url}/v2/forms/tpl_demo/submissions`
    assertError(await postJson(url, { fields: { name: 'Ada', email: 'nope' } }, RW), 400, 100301)
    assertError(await postJson(url, '{"fields": ', RW), 400, 100301)
    assertError(await postJson(url, { fields: { name: ' ', email: 'a@b.co' } }, RW), 400, 100308)
    const ok = await postJson(url, { fields: { name: 'Ada', email: 'ada@example.com' } }, RW)
    assert.deepEqual(Object.keys(ok.json as object), ['code', 'message', 'data'])
    assert.equal((ok.json as { code: number }).code, 0)
    assertError(
      await postJson(url, { fields: { name: 'Ada', email: 'ada@example.com' } }, RW),
      400,
      100307,
    )
    assertError(
      await postJson(`${server.url}/v2/forms/tpl_x/submissions`, { fields: {} }, RW),
      400,
      100304,
    )
  })

  it('answers an HTML 404 from upstream with code 404 and no error_code', async () => {
    const answer = await request(`${server.url}/v2/forms/tpl_legacy`, { headers: RW })
    assertError(answer, 404)
    assert.ok(!answer.text.includes('nginx'))
  })

  it('answers a truncated upstream body with code 502 and no error_code', async () => {
    assertError(await request(`${server.url}/v2/forms/tpl_broken`, { headers: RW }), 502)
  })

  it('answers the gateway’s own errors with top-level codes only', async () => {
    assertError(await request(`${server.url}/v2/records/rec_1`), 401)
    assertError(
      await postJson(
        `${server.url}/v2/forms/tpl_demo/submissions`,
        {},
        { 'x-api-key': 'qrf_ro_key' },
      ),
      403,
    )
    assertError(await request(`${server.url}/v3/anything`), 404)
  })

  it('rate-limits per key with code 429 and Retry-After', async () => {
    const limited = await start({ perMinute: 1 })
    try {
      assert.equal(
        (
          (await request(`${limited.url}/v2/records/rec_1`, { headers: RW })).json as {
            code: number
          }
        ).code,
        0,
      )
      const answer = await request(`${limited.url}/v2/records/rec_1`, { headers: RW })
      assertError(answer, 429)
      const retryAfter = Number(answer.headers['retry-after'])
      assert.ok(retryAfter >= 1 && retryAfter <= 60)
    } finally {
      await limited.close()
    }
  })

  it('answers an upstream that is down with code 502', async () => {
    const alone = await start()
    try {
      await alone.upstream.close()
      assertError(await request(`${alone.url}/v2/records/rec_1`, { headers: RW }), 502)
    } finally {
      await alone.close()
    }
  })
})
