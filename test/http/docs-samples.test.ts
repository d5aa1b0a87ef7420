// The examples of docs/adapters.md are real: each code block marked
// `<!-- from: FILE -->` must appear verbatim in FILE, and the four sample
// applications of test/http/fixtures run here over HTTP.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { serve } from '@hono/node-server'
import { closeServer } from './apps.ts'
import { postJson, request } from './client.ts'
import { createApp as createExpress } from './fixtures/express-app.ts'
import { createApp as createFastify } from './fixtures/fastify-app.ts'
import { fetch as fetchApp } from './fixtures/fetch-app.ts'
import { createApp as createHono } from './fixtures/hono-app.ts'

const DOCS = 'docs/adapters.md'

function sourcedBlocks(file: string) {
  return [...readFileSync(file, 'utf8').matchAll(/<!-- from: (\S+) -->\n```\w*\n([\s\S]*?)```/g)]
}

describe('README.md', () => {
  it('quotes its server sample from a tested file', () => {
    const blocks = sourcedBlocks('README.md')
    assert.ok(blocks.length >= 1, 'README.md has no sourced code block')
    for (const [, file, code] of blocks) {
      assert.ok(
        readFileSync(file!, 'utf8').includes(code!),
        `README.md: the block from ${file} is not in that file`,
      )
    }
  })
})

describe('docs/adapters.md', () => {
  const blocks = sourcedBlocks(DOCS)

  it('quotes its samples from tested files', () => {
    assert.ok(blocks.length >= 5, `only ${blocks.length} sourced code blocks`)
    // Indentation may differ (a snippet taken from inside a function is shown dedented).
    const lines = (text: string) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .join('\n')
    for (const [, file, code] of blocks) {
      const source = lines(readFileSync(file!, 'utf8'))
      assert.ok(
        source.includes(lines(code!)),
        `${DOCS}: the block from ${file} is not in that file`,
      )
    }
  })

  it('quotes every sample application', () => {
    for (const name of ['fastify', 'express', 'hono', 'fetch'])
      assert.ok(
        blocks.some(([, file]) => file === `test/http/fixtures/${name}-app.ts`),
        `no sample from ${name}-app.ts`,
      )
  })
})

const SAMPLES: [string, () => Promise<{ url: string; close(): Promise<void> }>][] = [
  [
    'fastify',
    async () => {
      const app = await createFastify()
      await app.listen({ port: 0, host: '127.0.0.1' })
      return {
        url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
        close: () => app.close(),
      }
    },
  ],
  [
    'express',
    async () => {
      const app = createExpress()
      const server = await new Promise<Server>((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s))
      })
      return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => closeServer(server),
      }
    },
  ],
  ['hono', () => serveFetch(createHono().fetch)],
  ['fetch', () => serveFetch(fetchApp)],
]

function serveFetch(fetch: (request: Request) => Response | Promise<Response>) {
  return new Promise<{ url: string; close(): Promise<void> }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => closeServer(server as Server) }),
    )
  })
}

for (const [name, start] of SAMPLES) {
  describe(`the ${name} sample`, () => {
    let app: { url: string; close(): Promise<void> }
    before(async () => {
      app = await start()
    })
    after(() => app.close())

    it('answers a success, a catalog error, a validation failure and an unknown route', async () => {
      const ok = await postJson(`${app.url}/sessions`, { token: 'tok_12345678' })
      assert.deepEqual(ok.json, { session: 'sess_1' })

      const bad = await postJson(`${app.url}/sessions`, { token: 'abcdefgh1234' })
      assert.equal(bad.status, 401)
      assert.equal(bad.headers['content-type'], 'application/problem+json')
      assert.equal((bad.json as { detail: string }).detail, 'Token 1234 is not valid')

      const nowhere = await request(`${app.url}/nowhere`)
      assert.equal(nowhere.status, 404)
      assert.equal((nowhere.json as { code: string }).code, 'not_found')

      // A revoked key, answered by a hook or middleware without throwing.
      const revoked = await postJson(
        `${app.url}/sessions`,
        { token: 'tok_12345678' },
        { 'x-api-key': 'key_revoked_7d2e' },
      )
      assert.equal(revoked.status, 401)
      assert.equal((revoked.json as { detail: string }).detail, 'Token 7d2e is not valid')

      const broken = await postJson(`${app.url}/sessions`, '{"token": ')
      assert.equal(broken.status, 400)
      assert.equal((broken.json as { code: string }).code, 'invalid_request')
    })

    // The fetch sample has no schema: a short token is simply not a valid one there.
    if (name !== 'fetch')
      it('answers a body that fails its schema with a pointer to the field', async () => {
        const answer = await postJson(`${app.url}/sessions`, { token: 'short' })
        assert.equal(answer.status, 400)
        const errors = (answer.json as { errors: { pointer: string }[] }).errors
        assert.deepEqual(
          errors.map((e) => e.pointer),
          ['/token'],
        )
      })
  })
}
