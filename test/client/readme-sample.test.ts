// The README's client sample (test/http/fixtures/client-app.ts, quoted
// verbatim as docs-samples.test.ts checks) runs against the README's server
// sample, the Fastify app, over HTTP.
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { signIn } from '../http/fixtures/client-app.ts'
import { createApp } from '../http/fixtures/fastify-app.ts'

describe("README's client sample", () => {
  let app: FastifyInstance
  let api = ''
  before(async () => {
    app = await createApp()
    await app.listen({ port: 0, host: '127.0.0.1' })
    api = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  after(() => app.close())

  it('signs in, and reads each failure as the typed error', async () => {
    assert.equal(await signIn(api, 'tok_12345678'), 'sess_1')
    assert.match(await signIn(api, 'bad_12345678'), /^Token …5678 is not valid \(.{8,}\)$/)
    assert.equal(await signIn(api, 'short'), '/token')
  })
})
