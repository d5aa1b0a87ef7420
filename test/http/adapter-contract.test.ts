// The behaviour every adapter promises, written once and run over real HTTP
// against the same small application on Fastify, Express, Hono and the fetch
// adapter (see ./apps.ts).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { errorMetas } from '@errcat/runtime'
import { ADAPTERS, type RunningApp } from './apps.ts'
import { type Answer, postJson, rawGet, request, UUID, visible } from './client.ts'
import { allErrors, envelopeReader } from './fixtures/errors.generated.ts'
import { type LeakValue, leakValues, SECRET_PREFIX, validationLookalikes } from './leak-values.ts'

const DOCS = 'https://docs.contract.example/errors'
const envelope = envelopeReader
const index = envelope.index(errorMetas(allErrors))
const LEAKS = leakValues(200)
const LOOKALIKES = validationLookalikes()
/** What `GET /throw/:n` throws: the hostile values, then the validation lookalikes. */
const THROWN = [...LEAKS, ...LOOKALIKES]

/** The symbol a client reading the body with the catalog's envelope finds. */
function symbolOf(answer: Answer): string | undefined {
  return envelope.read(answer.status, answer.json, index).error?.symbol
}

function body(answer: Answer): Record<string, unknown> {
  assert.equal(typeof answer.json, 'object', `not a JSON object: ${answer.text.slice(0, 200)}`)
  return answer.json as Record<string, unknown>
}

/** The request id the response carries, checked to be the same in the header and the body. */
function requestIdOf(answer: Answer): string {
  const id = answer.headers['x-request-id']
  assert.ok(id, 'no x-request-id header')
  assert.equal(body(answer).request_id, id)
  return id
}

const INVALID_BODY = { email: 'nope', items: [{ sku: 'a' }] }

for (const adapter of ADAPTERS) {
  describe(`${adapter.name} adapter`, () => {
    let app: RunningApp
    before(async () => {
      app = await adapter.start({ values: THROWN.map((l) => l.value) })
    })
    after(() => app.close())

    it('answers a catalog error with its status, content type and envelope body', async () => {
      const answer = await request(`${app.url}/errors/BAD_TOKEN?hint=x9z`)
      assert.equal(answer.status, 401)
      assert.equal(answer.headers['content-type'], 'application/problem+json')
      assert.equal(answer.headers['content-language'], 'en')
      const id = requestIdOf(answer)
      assert.match(id, UUID)
      assert.deepEqual(answer.json, {
        type: `${DOCS}#bad_token`,
        title: 'Bad token',
        status: 401,
        detail: 'Token x9z is not valid',
        instance: '/errors/BAD_TOKEN',
        code: 'bad_token',
        request_id: id,
        params: { hint: 'x9z' },
      })
      assert.equal(answer.headers['retry-after'], undefined)
      assert.equal(symbolOf(answer), 'BAD_TOKEN')
    })

    it('answers every error of the catalog, and clients read each back to its symbol', async () => {
      for (const symbol of Object.keys(allErrors)) {
        const answer = await request(`${app.url}/errors/${symbol}`)
        const definition = allErrors[symbol as keyof typeof allErrors].definition
        assert.equal(answer.status, definition.status, symbol)
        assert.equal(body(answer).code, definition.key, symbol)
        assert.equal(symbolOf(answer), symbol)
      }
    })

    it('answers HEAD with the headers and no body', async () => {
      const answer = await request(`${app.url}/errors/RATE_LIMITED`, { method: 'HEAD' })
      assert.equal(answer.status, 429)
      assert.equal(answer.headers['content-type'], 'application/problem+json')
      assert.equal(answer.headers['retry-after'], '60')
      assert.equal(answer.text, '')
    })

    it("answers an unknown route with the catalog's not-found error", async () => {
      const answer = await request(`${app.url}/no/such/route?x=1`)
      assert.equal(answer.status, 404)
      assert.equal(body(answer).code, 'not_found')
      assert.equal(body(answer).instance, '/no/such/route')
      assert.equal(symbolOf(answer), 'NOT_FOUND')
    })

    it('leaves successes alone', async () => {
      const answer = await request(`${app.url}/ok`)
      assert.equal(answer.status, 200)
      assert.deepEqual(answer.json, { ok: true })
    })

    describe('request ids', () => {
      it('echoes a well-formed X-Request-Id in the header and the body', async () => {
        const id = 'req_42-AbC.9:00'
        const answer = await request(`${app.url}/errors/NOT_FOUND`, {
          headers: { 'x-request-id': id },
        })
        assert.equal(requestIdOf(answer), id)
      })

      it('accepts 128 characters, not 129', async () => {
        const ok = await request(`${app.url}/errors/NOT_FOUND`, {
          headers: { 'x-request-id': 'x'.repeat(128) },
        })
        assert.equal(requestIdOf(ok), 'x'.repeat(128))
        const long = await request(`${app.url}/errors/NOT_FOUND`, {
          headers: { 'x-request-id': 'y'.repeat(129) },
        })
        assert.match(requestIdOf(long), UUID)
        assert.ok(!visible(long).includes('yyyyyyyy'))
      })

      it('keeps ids an app allows with acceptRequestId, never beyond the header-safe floor', async () => {
        const aws = 'Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8'
        const other = await adapter.start({
          options: { acceptRequestId: (id: string) => /^[\w=;.-]+$/.test(id) || id.includes('<') },
        })
        try {
          const kept = await request(`${other.url}/errors/NOT_FOUND`, {
            headers: { 'x-request-id': aws },
          })
          assert.equal(requestIdOf(kept), aws)
          // The rule says yes to `<`; the floor still says no.
          const markup = await request(`${other.url}/errors/NOT_FOUND`, {
            headers: { 'x-request-id': '<script>alert(1)</script>' },
          })
          assert.match(requestIdOf(markup), UUID)
          assert.ok(!visible(markup).includes('script'))
        } finally {
          await other.close()
        }
      })

      const hostile: [string, string, string][] = [
        // [what, header lines as bytes, a string that must not come back]
        ['CRLF (obs-fold)', 'X-Request-Id: evil\r\n\tSet-Cookie: pwned=1', 'pwned'],
        ['bare CR', 'X-Request-Id: evil\rSet-Cookie: pwned=1', 'pwned'],
        ['bare LF', 'X-Request-Id: evil\nSet-Cookie: pwned=1', 'pwned'],
        ['10 KB', `X-Request-Id: ${'k'.repeat(10 * 1024)}`, 'kkkkkkkk'],
        ['non-ASCII', 'X-Request-Id: r\xe9q-\xfc\xf1\xee', '\xe9'],
        ['UTF-8 bytes', `X-Request-Id: ${Buffer.from('id-ünï', 'utf8').toString('latin1')}`, 'id-'],
        ['a space', 'X-Request-Id: has space', 'has space'],
        ['a control character', 'X-Request-Id: ctl\x01id', 'ctl'],
        ['empty', 'X-Request-Id: ', '"request_id":""'],
        ['sent twice', 'X-Request-Id: first\r\nX-Request-Id: second', 'first'],
        ['markup', 'X-Request-Id: <script>alert(1)</script>', 'script'],
        ['quotes', 'X-Request-Id: a"b\'c', 'a"b'],
        ['a slash and a plus', 'X-Request-Id: a/b+c', 'a/b+c'],
        ['an ampersand', 'X-Request-Id: a&b', 'a&b'],
      ]
      for (const [what, lines, forbidden] of hostile) {
        it(`never echoes a request id with ${what}`, async () => {
          const answer = await rawGet(app.url, '/errors/NOT_FOUND', lines)
          assert.ok(!visible(answer).includes(forbidden), visible(answer).slice(0, 500))
          assert.equal(answer.headers['set-cookie'], undefined)
          // Node itself refuses some of these (400, no body); when the adapter answers, it
          // answers with a fresh id.
          if (answer.status === 404) assert.match(requestIdOf(answer), UUID)
          else assert.equal(answer.status, 400)
        })
      }

      it('reads and writes the configured header instead', async () => {
        const other = await adapter.start({ options: { requestIdHeader: 'X-Correlation-Id' } })
        try {
          const answer = await request(`${other.url}/errors/NOT_FOUND`, {
            headers: { 'x-correlation-id': 'corr-7', 'x-request-id': 'ignored' },
          })
          assert.equal(answer.headers['x-correlation-id'], 'corr-7')
          assert.equal(answer.headers['x-request-id'], undefined)
          assert.equal(body(answer).request_id, 'corr-7')
          assert.equal(other.calls.at(-1)?.requestId, 'corr-7')
        } finally {
          await other.close()
        }
      })
    })

    describe('retry signals', () => {
      it('sends Retry-After from a fixed delay, also for an unexposed error', async () => {
        const answer = await request(`${app.url}/errors/MAINTENANCE?until=3am`)
        assert.equal(answer.status, 503)
        assert.equal(answer.headers['retry-after'], '120')
        assert.equal(body(answer).retry_after, 120)
        // Not exposed: the title, and none of the params.
        assert.equal(body(answer).detail, 'Down for maintenance')
        assert.equal(body(answer).params, undefined)
        assert.ok(!answer.text.includes('3am'))
      })

      it('sends Retry-After from a delay carried in a param', async () => {
        const answer = await request(`${app.url}/errors/SLOW_DOWN?seconds=7`)
        assert.equal(answer.status, 429)
        assert.equal(answer.headers['retry-after'], '7')
        assert.equal(body(answer).detail, 'Retry in 7 seconds.')
        assert.equal(body(answer).retry_after, 7)
      })

      it('clamps a delay from the query to one day, in whole seconds', async () => {
        for (const seconds of ['1e308', '100000000000000000000000', '86401.5']) {
          const answer = await request(`${app.url}/errors/SLOW_DOWN?seconds=${seconds}`)
          assert.equal(answer.status, 429)
          assert.equal(answer.headers['retry-after'], '86400', seconds)
          assert.equal(body(answer).retry_after, 86400, seconds)
        }
        for (const seconds of ['NaN', '-5', 'Infinity', '1e999']) {
          const answer = await request(`${app.url}/errors/SLOW_DOWN?seconds=${seconds}`)
          assert.equal(answer.status, 429)
          assert.equal(answer.headers['retry-after'], undefined, seconds)
          assert.equal(body(answer).retry_after, undefined, seconds)
        }
      })

      it('sends the IETF RateLimit fields for an error with a rate-limit policy', async () => {
        const answer = await request(`${app.url}/errors/RATE_LIMITED`)
        assert.equal(answer.status, 429)
        assert.equal(answer.headers['retry-after'], '60')
        assert.equal(answer.headers['ratelimit-policy'], '"minute";q=60;w=60')
        assert.equal(answer.headers.ratelimit, '"minute";r=0;t=60')
      })
    })

    describe('locales', () => {
      const cases: [string, string, string, string][] = [
        // [Accept-Language, error, Content-Language, detail]
        ['fr-CA, fr;q=0.9', 'BAD_TOKEN', 'fr', "Le jeton abc n'est pas valide"],
        ['de;q=0.4, fr;q=0.8, *;q=0.1', 'BAD_TOKEN', 'fr', "Le jeton abc n'est pas valide"],
        // pt-BR falls back to pt-PT, as the catalog's chain says.
        ['pt-BR', 'BAD_TOKEN', 'pt-PT', 'O token abc não é válido'],
        // NOT_FOUND has no Portuguese at all: the default locale, and the header says so.
        ['pt-BR', 'NOT_FOUND', 'en', 'Nothing lives at this address.'],
        ['ja, en;q=0.5', 'BAD_TOKEN', 'en', 'Token abc is not valid'],
        ['de-AT', 'BAD_TOKEN', 'de', 'Das Token abc ist ungültig'],
        ['*', 'BAD_TOKEN', 'en', 'Token abc is not valid'],
        ['garbage;;;q=x', 'BAD_TOKEN', 'en', 'Token abc is not valid'],
      ]
      for (const [acceptLanguage, symbol, contentLanguage, detail] of cases) {
        it(`answers ${symbol} for Accept-Language "${acceptLanguage}" in ${contentLanguage}`, async () => {
          const answer = await request(`${app.url}/errors/${symbol}?hint=abc`, {
            headers: { 'accept-language': acceptLanguage },
          })
          assert.equal(answer.headers['content-language'], contentLanguage)
          assert.equal(body(answer).detail, detail)
        })
      }
    })

    describe('validation failures', () => {
      for (const lib of ['zod', 'valibot', 'ajv', 'standard']) {
        it(`maps a ${lib} failure to the validation error with JSON Pointer fields`, async () => {
          const answer = await postJson(`${app.url}/validate/${lib}`, INVALID_BODY)
          assert.equal(answer.status, 400)
          assert.equal(body(answer).code, 'invalid_request')
          assert.equal(body(answer).detail, 'The request is not valid.')
          const errors = body(answer).errors as { pointer: string; detail: string }[]
          assert.deepEqual(errors.map((e) => e.pointer).sort(), ['/email', '/items/0/sku'])
          for (const e of errors) assert.equal(typeof e.detail, 'string')
          assert.equal(symbolOf(answer), 'INVALID_REQUEST')
          const read = envelope.read(answer.status, answer.json, index)
          assert.deepEqual(read.violations?.map((v) => v.field).sort(), ['/email', '/items/0/sku'])
        })

        it(`points ${lib}'s missing members at the member itself`, async () => {
          const answer = await postJson(
            `${app.url}/validate/${lib}`,
            { items: [{}] },
            { 'accept-language': 'fr' },
          )
          assert.equal(answer.status, 400)
          assert.equal(body(answer).detail, "La requête n'est pas valide.")
          const pointers = (body(answer).errors as { pointer: string }[]).map((e) => e.pointer)
          assert.deepEqual(pointers.sort(), ['/email', '/items/0/sku'])
        })
      }

      it('accepts a valid body', async () => {
        const answer = await postJson(`${app.url}/validate/zod`, {
          email: 'ada@example.com',
          items: [{ sku: 'abc' }],
        })
        assert.equal(answer.status, 200)
      })

      it('answers a body that does not parse with the validation error', async () => {
        const answer = await postJson(`${app.url}/validate/zod`, '{"email": "ada@')
        assert.equal(answer.status, 400)
        assert.equal(body(answer).code, 'invalid_request')
        assert.deepEqual(body(answer).errors, [
          { detail: 'The request body could not be parsed.', pointer: '' },
        ])
        assert.ok(!answer.text.includes('ada@'))
      })

      it('answers a media type it cannot read with the configured 415 error', async () => {
        const answer = await request(`${app.url}/validate/zod`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml' },
          body: '<email>ada@example.com</email>',
        })
        assert.equal(answer.status, 415)
        assert.equal(body(answer).code, 'unsupported_media_type')
      })

      it('answers a body over the limit with the configured 413 error', async () => {
        const answer = await postJson(`${app.url}/validate/zod`, {
          email: 'a@b.c',
          items: [{ sku: 'x'.repeat(100 * 1024) }],
        })
        assert.equal(answer.status, 413)
        assert.equal(body(answer).code, 'payload_too_large')
      })
    })

    describe('answering without throwing', () => {
      const SAME: [string, string][] = [
        ['BAD_TOKEN', '?hint=x9z'],
        ['RATE_LIMITED', ''],
        ['SLOW_DOWN', '?seconds=7'],
        ['MAINTENANCE', '?until=3am'],
        ['NOT_FOUND', ''],
      ]
      // Without an onError hook, a factory is answered without creating its error.
      let quiet: RunningApp
      before(async () => {
        quiet = await adapter.start({ withoutOnError: true })
      })
      after(() => quiet.close())

      for (const [symbol, query] of SAME) {
        it(`answers ${symbol}, or its factory and params, with the status, headers and body of the throwing path`, async () => {
          const headers = { 'x-request-id': `same-${symbol}`, 'accept-language': 'fr' }
          const url = `/errors/${symbol}${query}`
          const thrown = await request(`${app.url}${url}`, { headers })
          for (const [target, answer] of [
            [app, 'send'],
            [app, 'factory'],
            [quiet, 'factory'],
          ] as const) {
            const how = `${answer}${target === quiet ? ' without onError' : ''}`
            const before = target.sent.length
            const sent = await request(`${target.url}${url}`, {
              headers: { ...headers, 'x-answer': answer },
            })
            assert.deepEqual(target.sent.slice(before), [`/errors/${symbol}`], how)
            assert.equal(symbolOf(sent), symbol, how)
            assert.equal(sent.status, thrown.status, how)
            assert.deepEqual(withoutDate(sent.headers), withoutDate(thrown.headers), how)
            assert.equal(sent.text, thrown.text, how)
          }
        })
      }

      it('answers HEAD with the headers of the throwing path and no body', async () => {
        const thrown = await request(`${app.url}/errors/RATE_LIMITED`, {
          method: 'HEAD',
          headers: { 'x-request-id': 'head-1' },
        })
        const sent = await request(`${app.url}/errors/RATE_LIMITED`, {
          method: 'HEAD',
          headers: { 'x-request-id': 'head-1', 'x-answer': 'send' },
        })
        assert.equal(sent.status, 429)
        assert.deepEqual(withoutDate(sent.headers), withoutDate(thrown.headers))
        assert.equal(sent.text, '')
      })

      it('lets the outer layer (onSend hook, CORS middleware) see and change the response', async () => {
        for (const answer of ['throw', 'send']) {
          const before = app.sent.length
          const sent = await request(`${app.url}/errors/RATE_LIMITED`, {
            headers: { 'x-answer': answer },
          })
          assert.equal(app.sent.length - before, answer === 'send' ? 1 : 0)
          assert.equal(sent.status, 429, answer)
          assert.equal(sent.headers['x-outer'], '429', answer)
          assert.equal(sent.headers['access-control-allow-origin'], '*', answer)
        }
      })

      it('calls onError with the error a factory and its params make', async () => {
        const id = `factory-hook-${adapter.name}`
        await request(`${app.url}/errors/BAD_TOKEN?hint=abc`, {
          headers: { 'x-request-id': id, 'x-answer': 'factory' },
        })
        const call = app.calls.find((c) => c.requestId === id)
        assert.equal(call?.catalogError.symbol, 'BAD_TOKEN')
        assert.deepEqual(call?.catalogError.params, { hint: 'abc' })
        assert.equal(call?.error, call?.catalogError)
      })

      it('calls onError with what it was given', async () => {
        const id = `send-hook-${adapter.name}`
        await request(`${app.url}/errors/BAD_TOKEN?hint=abc`, {
          headers: { 'x-request-id': id, 'x-answer': 'send' },
        })
        const call = app.calls.find((c) => c.requestId === id)
        assert.equal(call?.catalogError.symbol, 'BAD_TOKEN')
        assert.equal(call?.error, call?.catalogError)
        assert.equal(call?.request.path, '/errors/BAD_TOKEN')
      })
    })

    describe('unknown thrown values', () => {
      /**
       * What is wrong with the answer to `GET /throw/n`, which throws `leak.value` (`path`
       * throw) or hands it to the adapter's non-throwing path (`send`).
       */
      async function problemsWith(
        leak: LeakValue,
        n: number,
        path: 'throw' | 'send',
      ): Promise<string[]> {
        const id = `leak-${adapter.name}-${path}-${n}`
        const answer = await request(`${app.url}/throw/${n}`, {
          headers: { 'x-request-id': id, 'x-answer': path },
        })
        const seen = visible(answer)
        const problems: string[] = []
        if (app.sent.includes(`/throw/${n}`) !== (path === 'send'))
          problems.push(`not answered by the ${path} path`)
        if (seen.includes(SECRET_PREFIX)) problems.push('the secret is visible')
        if (answer.status !== 500) problems.push(`status ${answer.status}`)
        if (answer.headers['x-secret'] || answer.headers['set-cookie'])
          problems.push('headers from the thrown value')
        try {
          assert.deepEqual(answer.json, {
            type: `${DOCS}#internal`,
            title: 'Internal error',
            status: 500,
            detail: 'Internal error',
            instance: `/throw/${n}`,
            code: 'internal',
            request_id: id,
          })
        } catch {
          problems.push(`body ${answer.text.slice(0, 300)}`)
        }
        const call = app.calls.find((c) => c.requestId === id)
        if (!call) problems.push('onError was not called')
        else if (!Object.is(call.error, leak.value)) {
          // Express 5 passes a falsy rejection on as `new Error('Rejected promise')`:
          // the router cannot tell `next(null)` from "no error". Nothing comes between
          // `errors.send` and the value it is given.
          const expressFalsy = adapter.name === 'express' && path === 'throw' && !leak.value
          if (!expressFalsy) problems.push('onError got another value')
        }
        return problems
      }

      for (const path of ['throw', 'send'] as const) {
        const how = path === 'throw' ? 'thrown' : 'answered without throwing'
        it(`turns ${LEAKS.length} hostile values ${how} into the internal error, leaking nothing`, async () => {
          const failures: string[] = []
          await inBatches(LEAKS, 8, async (leak, n) => {
            const problems = await problemsWith(leak, n, path)
            if (problems.length > 0) failures.push(`#${n} ${leak.kind}: ${problems.join('; ')}`)
          })
          assert.deepEqual(failures, [])
        })

        it(`answers values that only look like validation failures, ${how}, with the internal error`, async () => {
          const failures: string[] = []
          await inBatches(LOOKALIKES, 8, async (leak, i) => {
            const problems = await problemsWith(leak, LEAKS.length + i, path)
            if (problems.length > 0) failures.push(`${leak.kind}: ${problems.join('; ')}`)
          })
          assert.deepEqual(failures, [])
        })
      }
    })
  })
}

/** Headers to compare between two responses: all but the time they were sent at. */
function withoutDate(headers: Record<string, string>): Record<string, string> {
  const { date: _, ...rest } = headers
  return rest
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  run: (item: T, index: number) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size)
    await Promise.all(items.slice(start, start + size).map((item, i) => run(item, start + i)))
}

describe('every adapter', () => {
  it('puts the path as the client sent it, still percent-encoded, in the problem instance', async () => {
    // An encoded path is what the client sent and what a URI reference needs: decoded,
    // `%2F` would turn into a path separator and `%20` into a space.
    const path = '/items/a%20b%2F..%2Fc'
    const instances: Record<string, unknown> = {}
    for (const adapter of ADAPTERS) {
      const app = await adapter.start()
      try {
        const answer = await request(`${app.url}${path}?q=%20x`)
        assert.equal(answer.status, 404, adapter.name)
        instances[adapter.name] = body(answer).instance
      } finally {
        await app.close()
      }
    }
    assert.deepEqual(instances, { fastify: path, express: path, hono: path, fetch: path })
  })
})
