// The Seven Bridges demo (Fastify): every error of the catalog on the wire in
// the platform's envelope with its own HTTP status, and the task endpoints
// failing the way the seed describes.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import * as errors from '../../../examples/sevenbridges/errors.generated.ts'
import {
  createApp,
  DEMO_TASKS,
  type Running,
  start,
} from '../../../examples/sevenbridges/server.ts'
import { type Answer, postJson, request } from '../client.ts'
import { checkEveryError, wireMessage } from './every-error.ts'

const TOKEN = { 'x-sbg-auth-token': 'sbg_demo_token' }
const DOCS = 'https://docs.sevenbridges.com/docs/api-status-codes'
const UNKNOWN_TASK = '00000000-0000-4000-8000-000000000000'

/** `{status, code, message, more_info}` with the error's status. */
function assertError(answer: Answer, status: number, code: number) {
  assert.equal(answer.status, status, answer.text)
  assert.equal(answer.headers['content-type'], 'application/json')
  const body = answer.json as Record<string, unknown>
  assert.deepEqual(Object.keys(body), ['status', 'code', 'message', 'more_info'])
  assert.equal(body.status, status)
  assert.equal(body.code, code)
  assert.equal(body.more_info, `${DOCS}#${code}`)
}

describe('Seven Bridges demo server', () => {
  let server: Running
  before(async () => {
    server = await start()
  })
  after(() => server.close())

  it('answers GET /errors/{id} with every error of the catalog', async () => {
    const count = await checkEveryError({
      url: server.url,
      reader: errors.envelopeReader,
      errors: errors.allErrors,
      expectedStatus: (definition) => definition.status,
      expectedBody: (error) => ({
        status: error.status,
        code: error.code,
        message: wireMessage(error),
        more_info: error.definition.docsUrl,
      }),
    })
    assert.equal(count, 131)
  })

  it('answers GET /v2/tasks/{id} for an unknown task with 7002', async () => {
    const answer = await request(`${server.url}/v2/tasks/${UNKNOWN_TASK}`, { headers: TOKEN })
    assertError(answer, 404, 7002)
    assert.equal((answer.json as { message: string }).message, 'Requested task does not exist.')
  })

  it('answers a task id that is not a UUID with 7005', async () => {
    assertError(await request(`${server.url}/v2/tasks/123`, { headers: TOKEN }), 400, 7005)
  })

  it('returns a task that exists', async () => {
    const answer = await request(`${server.url}/v2/tasks/${DEMO_TASKS.draft}`, { headers: TOKEN })
    assert.equal(answer.status, 200)
    assert.equal((answer.json as { status: string }).status, 'DRAFT')
  })

  it('answers a request without X-SBG-Auth-Token with 90001', async () => {
    assertError(await request(`${server.url}/v2/tasks/${DEMO_TASKS.draft}`), 401, 90001)
  })

  it('answers task actions in the wrong state with 7007 and 7008', async () => {
    const abort = await request(`${server.url}/v2/tasks/${DEMO_TASKS.draft}/actions/abort`, {
      method: 'POST',
      headers: TOKEN,
    })
    assertError(abort, 409, 7008)
    const run = await request(`${server.url}/v2/tasks/${DEMO_TASKS.running}/actions/run`, {
      method: 'POST',
      headers: TOKEN,
    })
    assertError(run, 409, 7007)
    const unknown = await request(`${server.url}/v2/tasks/${DEMO_TASKS.draft}/actions/fly`, {
      method: 'POST',
      headers: TOKEN,
    })
    assertError(unknown, 400, 7013)
  })

  it('answers a body that fails the route schema (ajv) with 90000', async () => {
    const answer = await postJson(
      `${server.url}/v2/tasks`,
      { name: '', project: 'no-slash', extra: true },
      TOKEN,
    )
    assertError(answer, 400, 90000)
  })

  it('answers a body that is not JSON with 90009 and an unreadable media type with 90008', async () => {
    assertError(await postJson(`${server.url}/v2/tasks`, '{"name": ', TOKEN), 400, 90009)
    const xml = await request(`${server.url}/v2/tasks`, {
      method: 'POST',
      headers: { ...TOKEN, 'content-type': 'application/xml' },
      body: '<task/>',
    })
    assertError(xml, 415, 90008)
  })

  it('creates a draft task from a valid body', async () => {
    const answer = await postJson(
      `${server.url}/v2/tasks`,
      { name: 'Align', project: 'demo/rna', app: 'demo/rna/star' },
      TOKEN,
    )
    assert.equal(answer.status, 201)
  })

  it('answers other methods with 90006 and unknown routes with 90003', async () => {
    assertError(
      await request(`${server.url}/v2/tasks/${DEMO_TASKS.draft}`, {
        method: 'DELETE',
        headers: TOKEN,
      }),
      405,
      90006,
    )
    assertError(await request(`${server.url}/v2/volumes`, { headers: TOKEN }), 404, 90003)
  })

  it('limits requests: 1000 with X-RateLimit-*, Retry-After and RateLimit headers', async () => {
    const limited = await start({ perWindow: 2 })
    try {
      const first = await request(`${limited.url}/v2/tasks/${DEMO_TASKS.draft}`, { headers: TOKEN })
      assert.equal(first.headers['x-ratelimit-limit'], '2')
      assert.equal(first.headers['x-ratelimit-remaining'], '1')
      await request(`${limited.url}/v2/tasks/${DEMO_TASKS.draft}`, { headers: TOKEN })
      const answer = await request(`${limited.url}/v2/tasks/${DEMO_TASKS.draft}`, {
        headers: TOKEN,
      })
      assertError(answer, 429, 1000)
      assert.equal(answer.headers['x-ratelimit-remaining'], '0')
      const retryAfter = Number(answer.headers['retry-after'])
      assert.ok(retryAfter >= 1 && retryAfter <= 300, answer.headers['retry-after'])
      assert.equal(answer.headers['ratelimit-policy'], '"default";q=1000;w=300')
      assert.equal(answer.headers.ratelimit, `"default";r=0;t=${retryAfter}`)
    } finally {
      await limited.close()
    }
  })

  it('answers auth and the rate limit from its onRequest hook without throwing, through onSend hooks', async () => {
    const app = await createApp({ perWindow: 1 })
    const thrown: unknown[] = []
    const sent: number[] = []
    // Fastify's onError hooks run for thrown errors only; onSend hooks run for every answer.
    app.addHook('onError', async (_request, _reply, error) => {
      thrown.push(error)
    })
    app.addHook('onSend', async (_request, reply) => {
      sent.push(reply.statusCode)
    })
    try {
      const path = `/v2/tasks/${DEMO_TASKS.draft}`
      assert.equal((await app.inject({ url: path })).statusCode, 401)
      assert.equal((await app.inject({ url: path, headers: TOKEN })).statusCode, 200)
      const limited = await app.inject({ url: path, headers: TOKEN })
      assert.equal(limited.statusCode, 429)
      assert.equal(limited.headers['x-ratelimit-remaining'], '0')
      assert.deepEqual(sent, [401, 200, 429])
      assert.deepEqual(thrown, [])
    } finally {
      await app.close()
    }
  })
})
