// What only the fetch adapter does; the behaviour all adapters share is in
// test/http/adapter-contract.test.ts. No server here: fetch runtimes call the
// handler with a Request and send the Response it returns.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  BAD_TOKEN,
  catalog,
  NOT_FOUND,
} from '../../../../../test/http/fixtures/errors.generated.ts'
import { RequestBodyError } from '../../index.ts'
import { errcat, readJson } from './index.ts'

const respond = errcat(catalog, { telemetry: false, notFound: NOT_FOUND })

function post(body: BodyInit | null, headers: Record<string, string>) {
  return new Request('https://api.example/items', { method: 'POST', body, headers })
}

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof RequestBodyError, String(error))
    return error.problem
  }
  assert.fail('readJson did not throw')
}

describe('errcat/fetch', () => {
  it('turns (error, request) into a Response', async () => {
    const response = respond(
      new Error('db down'),
      new Request('https://api.example/v1/items/7?expand=all', {
        headers: { 'x-request-id': 'req-1' },
      }),
    )
    assert.equal(response.status, 500)
    assert.equal(response.headers.get('content-type'), 'application/problem+json')
    assert.equal(response.headers.get('x-request-id'), 'req-1')
    const body = (await response.json()) as Record<string, unknown>
    assert.equal(body.instance, '/v1/items/7')
    assert.equal(body.request_id, 'req-1')
    assert.ok(!JSON.stringify(body).includes('db down'))
  })

  it('sends no body for HEAD', async () => {
    const response = respond(
      BAD_TOKEN({ hint: 'abcd' }),
      new Request('https://x/', { method: 'HEAD' }),
    )
    assert.equal(response.status, 401)
    assert.equal(response.body, null)
  })

  it('wraps a handler, passing its extra arguments (env, ctx) through', async () => {
    const seen: unknown[] = []
    const handler = respond.wrap(async (request: Request, env: { name: string }) => {
      seen.push(env.name)
      if (new URL(request.url).pathname === '/ok') return new Response('fine')
      throw BAD_TOKEN({ hint: 'beef' })
    })
    const env = { name: 'worker-env' }
    assert.equal(await (await handler(new Request('https://x/ok'), env)).text(), 'fine')
    assert.equal((await handler(new Request('https://x/no'), env)).status, 401)
    assert.deepEqual(seen, ['worker-env', 'worker-env'])
  })

  it('answers notFound with the configured error, or a plain 404', async () => {
    assert.equal(
      ((await respond.notFound(new Request('https://x/a')).json()) as { code: string }).code,
      'not_found',
    )
    const bare = errcat(catalog, { telemetry: false })
    const response = bare.notFound(new Request('https://x/a'))
    assert.equal(response.status, 404)
    assert.equal(await response.text(), 'Not Found')
  })

  describe('readJson', () => {
    it('reads JSON and JSON-suffixed media types', async () => {
      assert.deepEqual(
        await readJson(post('{"a":1}', { 'content-type': 'application/json; charset=utf-8' })),
        { a: 1 },
      )
      assert.deepEqual(
        await readJson(post('{"data":[]}', { 'content-type': 'application/vnd.api+json' })),
        { data: [] },
      )
    })

    it('rejects other media types, bodies over the limit, and bodies that do not parse', async () => {
      assert.equal(
        await problemOf(
          readJson(post('a=1', { 'content-type': 'application/x-www-form-urlencoded' })),
        ),
        'unsupported-media-type',
      )
      assert.equal(await problemOf(readJson(post(null, {}))), 'unsupported-media-type')
      const big = JSON.stringify({ text: 'x'.repeat(2000) })
      assert.equal(
        await problemOf(
          readJson(post(big, { 'content-type': 'application/json' }), { limit: 1000 }),
        ),
        'payload-too-large',
      )
      // Without Content-Length (a stream), the limit holds while reading.
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(200)))
          controller.close()
        },
      })
      const streamed = new Request('https://x/', {
        method: 'POST',
        body: stream,
        headers: { 'content-type': 'application/json' },
        duplex: 'half',
      } as RequestInit)
      assert.equal(await problemOf(readJson(streamed, { limit: 1000 })), 'payload-too-large')
      assert.equal(
        await problemOf(readJson(post('{"a":', { 'content-type': 'application/json' }))),
        'malformed-body',
      )
      assert.equal(
        await problemOf(readJson(post('', { 'content-type': 'application/json' }))),
        'malformed-body',
      )
    })

    it('is answered as a client error by the adapter', async () => {
      const handler = respond.wrap(async (request) => Response.json(await readJson(request)))
      const response = await handler(post('{"a":', { 'content-type': 'application/json' }))
      assert.equal(response.status, 400)
      assert.deepEqual(((await response.json()) as { errors: unknown }).errors, [
        { detail: 'The request body could not be parsed.', pointer: '' },
      ])
    })
  })
})
