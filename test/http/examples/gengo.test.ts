// The Gengo demo (fetch adapter): every error of the catalog on the wire as
// Gengo sends it (HTTP 200, `{opstat: "error", err: {code, msg}}`), in
// English and Japanese, and the signed API failing the way the seed describes.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as errors from '../../../examples/gengo/errors.generated.ts'
import { DEMO_KEYS, type Running, sign, start } from '../../../examples/gengo/server.ts'
import { type Answer, postJson, request } from '../client.ts'
import { checkEveryError, wireMessage } from './every-error.ts'

async function signed(extra = ''): Promise<string> {
  const ts = String(Math.floor(Date.now() / 1000))
  return `api_key=${DEMO_KEYS.public}&ts=${ts}&api_sig=${await sign(DEMO_KEYS.private, ts)}${extra}`
}

function assertError(answer: Answer, code: number) {
  assert.equal(answer.status, 200, answer.text)
  const body = answer.json as { opstat: string; err: { code: number; msg: string } }
  assert.deepEqual(Object.keys(body), ['opstat', 'err'])
  assert.equal(body.opstat, 'error')
  assert.deepEqual(Object.keys(body.err), ['code', 'msg'])
  assert.equal(body.err.code, code, answer.text)
  return body.err.msg
}

describe('Gengo demo server', () => {
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
      expectedBody: (error) => ({
        opstat: 'error',
        err: { code: error.code, msg: wireMessage(error) },
      }),
    })
    assert.equal(count, 62)
  })

  it('answers every exposed error in Japanese for Accept-Language: ja', async () => {
    for (const { definition } of Object.values(errors.allErrors)) {
      if (!definition.expose) continue
      const answer = await request(`${server.url}/errors/${definition.code}`, {
        headers: { 'accept-language': 'ja, en;q=0.5' },
      })
      assert.equal(answer.headers['content-language'], 'ja', definition.symbol)
      const msg = assertError(answer, definition.code!)
      assert.notEqual(msg, definition.message, `${definition.symbol} is not translated`)
    }
  })

  it('answers GET /v2/translate/job/{id} for a job of another account with 2100', async () => {
    const msg = assertError(
      await request(`${server.url}/v2/translate/job/202?${await signed()}`),
      2100,
    )
    assert.equal(msg, 'Unauthorized job access')
    const ja = await request(`${server.url}/v2/translate/job/202?${await signed()}`, {
      headers: { 'accept-language': 'ja' },
    })
    assert.equal(assertError(ja, 2100), 'このジョブへのアクセス権がありません')
  })

  it('returns a job of the account, in the success envelope', async () => {
    const answer = await request(`${server.url}/v2/translate/job/101?${await signed()}`)
    const body = answer.json as { opstat: string; response: { job: { job_id: string } } }
    assert.equal(body.opstat, 'ok')
    assert.equal(body.response.job.job_id, '101')
  })

  it('checks the signature fields in order: 1150, 1100, 1200, 1201, 1000', async () => {
    const base = `${server.url}/v2/account/balance`
    assertError(await request(`${base}`), 1150)
    assertError(await request(`${base}?api_key=${DEMO_KEYS.public}`), 1100)
    assertError(await request(`${base}?api_key=${DEMO_KEYS.public}&api_sig=ab`), 1200)
    assertError(await request(`${base}?api_key=${DEMO_KEYS.public}&api_sig=ab&ts=now`), 1201)
    assertError(await request(`${base}?api_key=${DEMO_KEYS.public}&api_sig=ab&ts=1`), 1000)
  })

  it('answers bodies it cannot read with 1251 and 1352', async () => {
    const url = `${server.url}/v2/translate/jobs?${await signed()}`
    assertError(await postJson(url, '{"jobs": {'), 1251)
    const xml = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<jobs/>',
    })
    assertError(xml, 1352)
  })

  it('answers each missing job field with its own code', async () => {
    const url = `${server.url}/v2/translate/jobs?${await signed()}`
    const job = { type: 'text', body_src: 'Hello', lc_src: 'en', lc_tgt: 'ja', tier: 'standard' }
    const without = (name: string) => ({ jobs: { job_1: { ...job, [name]: undefined } } })
    assertError(await postJson(url, {}), 1800)
    assertError(await postJson(url, without('type')), 1300)
    assertError(await postJson(url, without('body_src')), 1350)
    assertError(await postJson(url, without('lc_src')), 1400)
    assertError(await postJson(url, without('lc_tgt')), 1450)
    assertError(await postJson(url, without('tier')), 1500)
    assertError(await postJson(url, { jobs: { job_1: { ...job, tier: 'gold' } } }), 1304)
    assertError(await postJson(url, { jobs: { job_1: { ...job, lc_tgt: 'tlh' } } }), 1551)
    const long = 'word '.repeat(1000)
    assertError(
      await postJson(url, { jobs: { job_1: { ...job, body_src: long, tier: 'pro' } } }),
      2700,
    )
    const ok = await postJson(url, { jobs: { job_1: job } })
    assert.equal((ok.json as { opstat: string }).opstat, 'ok')
  })
})
