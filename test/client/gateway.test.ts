// Acceptance: errors that the QR forms gateway (seed 001) passes through from
// its upstream module, with their business codes, and those it makes of an
// unreadable upstream answer, read back by the client in HTTP 200 bodies.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createErrorParser } from '@errcat/runtime/client'
import { allErrors, envelopeReader } from '../../examples/qr-forms/errors.client.generated.ts'
import { type Running, start } from '../../examples/qr-forms/server.ts'

const RW = { 'x-api-key': 'qrf_rw_key' }
const parser = createErrorParser({ reader: envelopeReader, errors: allErrors })

async function parsed(url: string, init: RequestInit = {}) {
  const response = await fetch(url, { ...init, headers: { ...RW, ...init.headers } })
  assert.equal(response.status, 200)
  const err = await parser.parse(response)
  assert.ok(err, `${url}: read as a success`)
  return err
}

const submit = (fields: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ fields }),
})

describe('the client behind the QR forms gateway', () => {
  let server: Running
  before(async () => {
    server = await start()
  })
  after(() => server.close())

  it('reads upstream errors passed through with their business code', async () => {
    const missing = await parsed(`${server.url}/v2/records/rec_404`)
    assert.ok(missing.is('RECORD_NOT_FOUND'))
    assert.equal(missing.code, 100303)
    assert.equal(missing.message, 'Record not found')
    assert.match(missing.requestId ?? '', /^[0-9a-f-]{36}$/)
    const format = await parsed(`${server.url}/v2/records/rec_1/export?format=docx`)
    assert.equal(format.symbol, 'UNSUPPORTED_OUTPUT_FORMAT')
    const url = `${server.url}/v2/forms/tpl_demo/submissions`
    assert.equal((await parsed(url, submit({ name: 'Ada', email: 'nope' }))).code, 100301)
    assert.equal((await parsed(url, submit({ name: ' ', email: 'a@b.co' }))).code, 100308)
  })

  it('reads a success as no error, and leaves its body to the caller', async () => {
    const response = await fetch(`${server.url}/v2/records/rec_1`, { headers: RW })
    assert.equal(await parser.parse(response), undefined)
    assert.equal(((await response.json()) as { code: number }).code, 0)
  })

  it('reads the HTTP-layer errors made of unreadable upstream answers', async () => {
    const html = await parsed(`${server.url}/v2/forms/tpl_legacy`)
    assert.equal(html.symbol, 'NOT_FOUND')
    assert.equal(html.code, 404)
    const truncated = await parsed(`${server.url}/v2/forms/tpl_broken`)
    assert.equal(truncated.code, 502)
    assert.equal(truncated.known, true)
    assert.equal(truncated.retryable, true)
  })

  it("reads the gateway's own errors", async () => {
    const anonymous = await parsed(`${server.url}/v2/records/rec_1`, {
      headers: { 'x-api-key': '' },
    })
    assert.equal(anonymous.code, 401)
    assert.equal(anonymous.retryable, false)
  })
})
