import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { z } from 'zod'
import { envelopeWriter } from '../../../src/emit/envelope-writer.ts'
import { compileMessage } from '../../../src/emit/message-ast.ts'
import type { CatalogError } from './catalog-error.ts'
import { type AnyErrorFactory, defineError } from './define-error.ts'
import type { CatalogScope, ErrorDefinition, RuntimeCatalog } from './definition.ts'
import { createErrorHandler, type ErrorInfo, type RequestInfo } from './handle.ts'

const scope: CatalogScope = { id: 'Shop API', locale: 'en' }

function define(symbol: string, fields: Partial<ErrorDefinition>): ErrorDefinition {
  return {
    catalog: scope,
    symbol,
    status: 400,
    title: symbol,
    message: symbol,
    expose: (fields.status ?? 400) < 500,
    stack: false,
    retry: 'never',
    type: `https://docs.shop.example/errors#${symbol.toLowerCase()}`,
    ...fields,
  }
}

const definitions = {
  BAD_TOKEN: define('BAD_TOKEN', {
    code: 1001,
    key: 'bad_token',
    status: 401,
    title: 'Bad token',
    message: compileMessage('Token {hint} is not valid'),
    messages: {
      fr: compileMessage('Le jeton {hint} n’est pas valide'),
      pt: compileMessage('O token {hint} não é válido'),
    },
    params: ['hint'],
    docsUrl: 'https://docs.shop.example/errors#bad_token',
  }),
  SYSTEM_BUSY: define('SYSTEM_BUSY', {
    code: 9001,
    status: 503,
    title: 'System busy',
    message: compileMessage('Busy; retry in {delay} seconds'),
    params: ['delay'],
    expose: true,
    retry: { afterParam: 'delay' },
  }),
  TOO_MANY: define('TOO_MANY', {
    key: 'too_many_requests',
    status: 429,
    title: 'Too many requests',
    retry: { after: 60 },
    rateLimit: { policy: 'minute', quota: 60, window: 60 },
  }),
  DB_DOWN: define('DB_DOWN', {
    code: 9500,
    status: 500,
    title: 'Storage unavailable',
    message: compileMessage('Database {host} refused the connection'),
    params: ['host'],
    stack: true,
    retry: 'safe',
  }),
  INVALID: define('INVALID', {
    key: 'invalid_request',
    status: 400,
    title: 'Invalid request',
    message: compileMessage('Field {field} is not valid'),
    params: ['field'],
  }),
  INTERNAL: define('INTERNAL', {
    key: 'internal',
    status: 500,
    title: 'Internal error',
    message: 'Something failed',
  }),
}

// biome-ignore lint/complexity/noBannedTypes: `{}` is how generated modules spell "no params"
type Err<S extends string, P extends object = {}> = CatalogError<{
  symbol: S
  status: number
  params: P
}>
const BAD_TOKEN = defineError<Err<'BAD_TOKEN', { hint: string }>>(definitions.BAD_TOKEN)
const SYSTEM_BUSY = defineError<Err<'SYSTEM_BUSY', { delay: number }>>(definitions.SYSTEM_BUSY)
const TOO_MANY = defineError<Err<'TOO_MANY'>>(definitions.TOO_MANY)
const DB_DOWN = defineError<Err<'DB_DOWN', { host: string }>>(definitions.DB_DOWN)

const catalog: RuntimeCatalog = {
  scope,
  api: { name: 'Shop API', version: '2025-01-01' },
  envelope: envelopeWriter({ preset: 'problem' }),
  locales: { available: ['en', 'fr', 'pt'], fallback: { 'pt-BR': ['pt', 'en'] } },
  internal: definitions.INTERNAL,
  validation: definitions.INVALID,
}

function request(headers: Record<string, string> = {}): RequestInfo {
  return { method: 'GET', path: '/orders/42', headers }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('createErrorHandler', () => {
  const handle = createErrorHandler(catalog, { telemetry: false })

  it('answers a catalog error in the envelope, with status, type and headers', () => {
    const response = handle(BAD_TOKEN({ hint: 'ab12' }), request({ 'x-request-id': 'req-1' }))
    assert.equal(response.status, 401)
    assert.equal(response.headers['content-type'], 'application/problem+json')
    assert.equal(response.headers['content-language'], 'en')
    assert.equal(response.headers['x-request-id'], 'req-1')
    assert.equal(response.requestId, 'req-1')
    assert.deepEqual(JSON.parse(response.body), {
      type: 'https://docs.shop.example/errors#bad_token',
      title: 'Bad token',
      status: 401,
      detail: 'Token ab12 is not valid',
      instance: '/orders/42',
      code: 'bad_token',
      request_id: 'req-1',
      params: { hint: 'ab12' },
    })
  })

  it('localizes the message from Accept-Language and says so in Content-Language', () => {
    const fr = handle(BAD_TOKEN({ hint: 'x' }), request({ 'accept-language': 'fr-CH, en;q=0.5' }))
    assert.equal(fr.headers['content-language'], 'fr')
    assert.equal(JSON.parse(fr.body).detail, 'Le jeton x n’est pas valide')
    const ptBR = handle(BAD_TOKEN({ hint: 'x' }), request({ 'accept-language': 'pt-BR' }))
    assert.equal(ptBR.headers['content-language'], 'pt')
    assert.equal(JSON.parse(ptBR.body).detail, 'O token x não é válido')
    // An error without a French translation is answered, and labelled, in English.
    const busy = handle(SYSTEM_BUSY({ delay: 3 }), request({ 'accept-language': 'fr' }))
    assert.equal(busy.headers['content-language'], 'en')
  })

  it('sends the retry headers of the error', () => {
    const busy = handle(SYSTEM_BUSY({ delay: 12 }), request())
    assert.equal(busy.status, 503)
    assert.equal(busy.headers['retry-after'], '12')
    assert.equal(JSON.parse(busy.body).retry_after, 12)
    const limited = handle(TOO_MANY(), request())
    assert.equal(limited.headers['retry-after'], '60')
    assert.equal(limited.headers['ratelimit-policy'], '"minute";q=60;w=60')
    assert.equal(limited.headers.ratelimit, '"minute";r=0;t=60')
  })

  it('keeps an unexposed error’s message and params off the wire', () => {
    const response = handle(DB_DOWN({ host: 'db-7.internal' }), request())
    assert.equal(response.status, 500)
    const body = JSON.parse(response.body)
    assert.equal(body.detail, 'Storage unavailable')
    assert.equal(body.params, undefined)
    assert.doesNotMatch(response.body, /db-7/)
  })

  it('never echoes a malformed request id, in headers or body', () => {
    for (const id of ['', 'a\r\nSet-Cookie: x=1', 'x'.repeat(10_000), 'héllo', 'two words']) {
      const response = handle(BAD_TOKEN({ hint: 'x' }), request({ 'x-request-id': id }))
      assert.match(response.headers['x-request-id']!, UUID)
      assert.equal(JSON.parse(response.body).request_id, response.headers['x-request-id'])
      if (id) assert.ok(!response.body.includes(id))
    }
  })

  it('reads headers from Node records, fetch Headers and getter functions', () => {
    const headers = new Headers({ 'X-Request-Id': 'from-headers', 'Accept-Language': 'fr' })
    const viaHeaders = handle(BAD_TOKEN({ hint: 'x' }), { ...request(), headers })
    assert.equal(viaHeaders.requestId, 'from-headers')
    assert.equal(viaHeaders.headers['content-language'], 'fr')
    const viaFunction = handle(BAD_TOKEN({ hint: 'x' }), {
      ...request(),
      headers: (name) => (name === 'x-request-id' ? 'from-fn' : undefined),
    })
    assert.equal(viaFunction.requestId, 'from-fn')
  })

  it('uses a configured request-id header for reading and writing', () => {
    const custom = createErrorHandler(catalog, { telemetry: false, requestIdHeader: 'Request-Id' })
    const response = custom(BAD_TOKEN({ hint: 'x' }), request({ 'request-id': 'abc' }))
    assert.equal(response.headers['request-id'], 'abc')
    assert.equal(response.headers['x-request-id'], undefined)
  })
})

describe('answering a factory and its arguments', () => {
  const handle = createErrorHandler(catalog, { telemetry: false })
  const headers = { 'x-request-id': 'same-1', 'accept-language': 'fr' }

  /** The answer to `factory(...args)` both ways: created and thrown, and handed over uncalled. */
  function bothWays(factory: AnyErrorFactory, args: unknown[]) {
    const created = handle(Reflect.apply(factory, undefined, args), request(headers))
    const answered = handle.answer(factory, args, request(headers))
    return { created, answered }
  }

  it('gives the status, headers and body of the created error', () => {
    const cases: [AnyErrorFactory, unknown[]][] = [
      [TOO_MANY, []],
      [BAD_TOKEN, [{ hint: 'ab12' }]],
      [SYSTEM_BUSY, [{ delay: 7 }]],
      [DB_DOWN, [{ host: 'db-7.internal' }]],
      // Members the error does not declare stay out, as with the factory.
      [BAD_TOKEN, [{ hint: 'x', password: 'hunter2' }]],
    ]
    for (const [factory, args] of cases) {
      const { created, answered } = bothWays(factory, args)
      assert.equal(answered.status, created.status, factory.definition.symbol)
      assert.deepEqual(answered.headers, created.headers, factory.definition.symbol)
      assert.equal(answered.body, created.body, factory.definition.symbol)
      assert.doesNotMatch(answered.body, /hunter2|db-7/)
    }
  })

  it('makes the error only when the response’s error is read', () => {
    const answered = handle.answer(BAD_TOKEN, [{ hint: 'ab12', extra: 1 }], request())
    const error = answered.error
    assert.equal(error.symbol, 'BAD_TOKEN')
    assert.deepEqual(error.params, { hint: 'ab12' })
    assert.equal(error.message, 'Token ab12 is not valid')
    assert.equal(answered.error, error)
  })

  it('creates the error through the factory for an onError hook, and keeps options without one', () => {
    const seen: ErrorInfo[] = []
    const hooked = createErrorHandler(catalog, { telemetry: false, onError: (i) => seen.push(i) })
    hooked.answer(BAD_TOKEN, [{ hint: 'ab12' }], request())
    assert.equal(seen[0]?.catalogError.symbol, 'BAD_TOKEN')
    assert.equal(seen[0]?.error, seen[0]?.catalogError)
    const cause = new Error('upstream timeout')
    const delayed = handle.answer(TOO_MANY, [{ retryAfter: 5, cause }], request())
    assert.equal(delayed.headers['retry-after'], '5')
    assert.equal(delayed.error.cause, cause)
    assert.equal(delayed.error.retryAfter, 5)
    const violations = [{ field: '/email', message: 'not an email', reason: 'format' }]
    const { created, answered } = bothWays(BAD_TOKEN, [{ hint: 'x' }, { violations }])
    assert.equal(answered.body, created.body)
    assert.deepEqual(JSON.parse(answered.body).errors, [
      { detail: 'not an email', pointer: '/email' },
    ])
  })

  it('falls back to the internal error when params cannot be serialized', () => {
    const answered = handle.answer(BAD_TOKEN, [{ hint: 10n }], request())
    assert.equal(answered.status, 500)
    assert.equal(JSON.parse(answered.body).code, 'internal')
    assert.equal(answered.error.symbol, 'INTERNAL')
  })
})

describe('unknown thrown values', () => {
  const secret = 'password=hunter2 at /srv/app/db.ts:42'
  const circular: Record<string, unknown> = { message: secret }
  circular.self = circular
  const throwingGetters = Object.defineProperties(
    {},
    {
      message: {
        get() {
          throw new Error(secret)
        },
      },
      issues: {
        get() {
          throw new Error(secret)
        },
      },
    },
  )
  const hostileProxy = new Proxy(
    {},
    {
      get() {
        throw new Error(secret)
      },
      getPrototypeOf() {
        throw new Error(secret)
      },
      has() {
        throw new Error(secret)
      },
    },
  )
  const errorWithCause = new Error(secret, { cause: new Error(secret) })
  const values: [string, unknown][] = [
    ['an Error', errorWithCause],
    ['a TypeError', new TypeError(secret)],
    ['a string', secret],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a symbol', Symbol(secret)],
    ['a BigInt', 10n],
    ['a function', () => secret],
    ['an object with a status', { status: 404, statusCode: 404, message: secret, expose: true }],
    ['a circular structure', circular],
    ['an object whose getters throw', throwingGetters],
    ['a proxy whose traps throw', hostileProxy],
    ['an AggregateError', new AggregateError([new Error(secret)], secret)],
  ]

  for (const [what, value] of values) {
    it(`turns ${what} into the internal error without leaking it, and reports it to onError`, () => {
      const seen: ErrorInfo[] = []
      const handle = createErrorHandler(catalog, {
        telemetry: false,
        onError: (info) => seen.push(info),
      })
      const response = handle(value, request({ 'x-request-id': 'req-9' }))
      assert.equal(response.status, 500)
      assert.equal(response.error.symbol, 'INTERNAL')
      assert.doesNotMatch(response.body, /hunter2|srv\/app|at /)
      assert.deepEqual(JSON.parse(response.body), {
        type: 'https://docs.shop.example/errors#internal',
        title: 'Internal error',
        status: 500,
        detail: 'Internal error',
        instance: '/orders/42',
        code: 'internal',
        request_id: 'req-9',
      })
      assert.equal(seen.length, 1)
      assert.equal(seen[0]!.error, value)
      assert.equal(seen[0]!.requestId, 'req-9')
      assert.equal(seen[0]!.catalogError.cause, value)
      assert.equal(seen[0]!.request.path, '/orders/42')
    })
  }

  it('answers even when onError throws', () => {
    const handle = createErrorHandler(catalog, {
      telemetry: false,
      onError: () => {
        throw new Error('logger down')
      },
    })
    const response = handle(new Error(secret), request())
    assert.equal(response.status, 500)
    assert.doesNotMatch(response.body, /hunter2|logger down/)
  })

  it('falls back to the internal error when params cannot be serialized', () => {
    const handle = createErrorHandler(catalog, { telemetry: false })
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    for (const hint of [10n, cyclic] as unknown as string[]) {
      const response = handle(BAD_TOKEN({ hint }), request())
      assert.equal(response.status, 500)
      assert.equal(JSON.parse(response.body).code, 'internal')
    }
  })

  it('uses a generic 500 when the catalog declares no internal error', () => {
    const handle = createErrorHandler(
      { ...catalog, internal: undefined, validation: undefined },
      { telemetry: false },
    )
    const response = handle(new Error(secret), request())
    assert.equal(response.status, 500)
    assert.deepEqual(JSON.parse(response.body), {
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Internal Server Error',
      instance: '/orders/42',
      request_id: response.requestId,
    })
  })

  it('lets mapError turn framework errors into catalog errors first', () => {
    const handle = createErrorHandler(catalog, {
      telemetry: false,
      mapError: (thrown) =>
        (thrown as { code?: string }).code === 'FST_ERR_TOO_MANY' ? TOO_MANY() : undefined,
    })
    assert.equal(handle({ code: 'FST_ERR_TOO_MANY' }, request()).status, 429)
    assert.equal(handle({ code: 'OTHER' }, request()).status, 500)
  })
})

describe('validation failures', () => {
  const Body = z.object({ user: z.object({ email: z.email() }), qty: z.number().int().min(1) })
  const zodError = Body.safeParse({ user: { email: 'nope' }, qty: 0 }).error

  it('become the catalog validation error with violations as JSON Pointers', () => {
    const handle = createErrorHandler(catalog, { telemetry: false })
    const response = handle(zodError, request())
    assert.equal(response.status, 400)
    assert.equal(response.error.symbol, 'INVALID')
    const body = JSON.parse(response.body)
    assert.equal(body.code, 'invalid_request')
    // The declared `field` param names the first invalid field.
    assert.equal(body.detail, 'Field user.email is not valid')
    assert.deepEqual(body.errors, [
      { detail: 'Invalid email address', pointer: '/user/email' },
      { detail: 'Too small: expected number to be >=1', pointer: '/qty' },
    ])
  })

  it('can keep the violation details off the wire', () => {
    const handle = createErrorHandler(catalog, { telemetry: false, exposeValidationDetails: false })
    const body = JSON.parse(handle(zodError, request()).body)
    assert.equal(body.status, 400)
    assert.equal(body.errors, undefined)
  })

  it('use a generic 400 when the catalog declares no validation error', () => {
    const handle = createErrorHandler({ ...catalog, validation: undefined }, { telemetry: false })
    const body = JSON.parse(handle(zodError, request()).body)
    assert.equal(body.type, 'about:blank')
    assert.equal(body.title, 'Bad Request')
    assert.equal(body.status, 400)
    assert.equal(body.errors.length, 2)
  })
})

describe('custom envelopes', () => {
  it('answer with the envelope status and headers, never with a header value that splits a response', () => {
    const handle = createErrorHandler(
      {
        ...catalog,
        envelope: envelopeWriter({
          status: 200,
          headers: {
            'X-Error-Hint': '{{ error.params.hint }}',
            'X-Error-Code': '{{ error.code }}',
          },
          body: { error: '{{ error.code }}', message: '{{ error.message }}' },
        }),
      },
      { telemetry: false },
    )
    const response = handle(BAD_TOKEN({ hint: 'x\r\nSet-Cookie: a=b' }), request())
    assert.equal(response.status, 200)
    assert.equal(response.headers['content-type'], 'application/json')
    assert.equal(response.headers['x-error-code'], '1001')
    for (const value of Object.values(response.headers)) assert.doesNotMatch(value, /[\r\n]/)
    assert.deepEqual(JSON.parse(response.body), {
      error: 1001,
      message: 'Token x\r\nSet-Cookie: a=b is not valid',
    })
  })
})
