// biome-ignore-all lint/suspicious/noThenProperty: `then` is the branch of an `$if` template.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { fuzz } from '../../test/fuzz-settings.ts'
import type { EnvelopeTemplate } from '../catalog/schema.ts'
import {
  buildErrorIndex,
  type CompiledEnvelope,
  compileEnvelope,
  type ErrorIndex,
  type ErrorMeta,
  type ErrorView,
  type ReadResult,
} from './index.ts'

const API = { name: 'Demo', version: '2025-11-14-v1', domain: 'demo.example.com' }
const REQUEST = { id: '5e7c1cfa-e2c2-4b4f-b2b4-8aa25531c9ef', path: '/v1/x', method: 'GET' }

/** The catalog error as a server renders it: message and params filled in. */
function view(meta: ErrorMeta, extra: Partial<ErrorView> = {}): ErrorView {
  return { ...meta, message: `${meta.title}.`, params: {}, ...extra }
}

/** Render on the server, send as JSON, read back on the client. */
function roundTrip(
  compiled: CompiledEnvelope,
  index: ErrorIndex,
  error: ErrorView,
): { status: number; body: unknown; read: ReadResult; isError: boolean } {
  const rendered = compiled.render(error, REQUEST, API)
  const body = JSON.parse(JSON.stringify(rendered.body)) as unknown
  return {
    status: rendered.status,
    body,
    read: compiled.read(rendered.status, body, index),
    isError: compiled.isError(rendered.status, body),
  }
}

function meta(symbol: string, fields: Partial<ErrorMeta> & { status: number }): ErrorMeta {
  return {
    symbol,
    type: `https://docs.example.com/errors#${fields.key ?? fields.code ?? symbol}`,
    title: symbol.toLowerCase().replace(/_/g, ' '),
    ...fields,
  }
}

/** Every catalog error survives the trip, identified, with its message. */
function assertAllRoundTrip(template: EnvelopeTemplate, errors: ErrorMeta[]): CompiledEnvelope {
  const compiled = compileEnvelope(template)
  const index = buildErrorIndex(compiled, errors)
  for (const error of errors) {
    const { read, isError } = roundTrip(compiled, index, view(error))
    assert.equal(isError, true, `${error.symbol} is an error`)
    assert.equal(read.error?.symbol, error.symbol, `${error.symbol} is read back`)
    assert.equal(read.message, `${error.title}.`)
  }
  return compiled
}

// ---------------------------------------------------------------- seeds

const QENCODE: EnvelopeTemplate = {
  status: 200,
  errorWhen: 'body.error != 0',
  body: { error: '{{ error.code }}', message: '{{ error.message }}' },
}
const QENCODE_ERRORS = [
  'SERVER_INTERNAL',
  'BAD_API_KEY',
  'API_KEY_NOT_FOUND',
  'BAD_TOKEN',
  'TOKEN_NOT_FOUND',
  'SERVICE_SUSPENDED',
  'MASTER_NOT_FOUND',
  'SYSTEM_BUSY',
].map((s, i) => meta(`ERROR_${s}`, { code: i + 1, status: i === 0 ? 500 : 400 }))

const OPENAPI_V2: EnvelopeTemplate = {
  status: 200,
  errorWhen: 'body.code != 0',
  body: {
    code: '{{ error.status }}',
    error_code: { $if: "error.group == 'module'", then: '{{ error.code }}' },
    message: '{{ error.message }}',
  },
}
const OPENAPI_V2_ERRORS = [
  meta('INVALID_PARAMETERS', { code: 400, status: 400, group: 'general' }),
  meta('AUTH_FAILED', { code: 401, status: 401, group: 'general' }),
  meta('NO_WRITE_PERMISSION', { code: 403, status: 403, group: 'general' }),
  meta('NOT_FOUND', { code: 404, status: 404, group: 'general' }),
  meta('RATE_LIMITED', { code: 429, status: 429, group: 'general' }),
  meta('UPSTREAM_UNAVAILABLE', { code: 502, status: 502, group: 'general' }),
  meta('MODULE_SYSTEM_ERROR', { code: 100300, status: 500, group: 'module' }),
  meta('MODULE_INVALID_REQUEST', { code: 100301, status: 400, group: 'module' }),
  meta('MODULE_RECORD_NOT_FOUND', { code: 100303, status: 400, group: 'module' }),
  meta('MODULE_FORM_NOT_FOUND', { code: 100304, status: 400, group: 'module' }),
]

const SEVEN_BRIDGES: EnvelopeTemplate = {
  body: {
    status: '{{ error.status }}',
    code: '{{ error.code }}',
    message: '{{ error.message }}',
    more_info: '{{ error.docsUrl }}',
  },
}
const SEVEN_BRIDGES_ERRORS = [
  meta('UNAUTHORIZED', { code: 0, status: 401 }),
  meta('RATE_LIMIT', { code: 1000, status: 429 }),
  meta('USER_NOT_FOUND', { code: 2000, status: 404 }),
  meta('PROJECT_NOT_FOUND', { code: 3000, status: 404 }),
  meta('INSUFFICIENT_FUNDS', { code: 4000, status: 402 }),
  meta('FILE_EXISTS', { code: 5003, status: 409 }),
  meta('METADATA_UNAVAILABLE', { code: 5010, status: 503 }),
  meta('DECODING_FAILED', { code: 90009, status: 400 }),
]

const QRFORGE: EnvelopeTemplate = {
  body: {
    ok: false,
    version: '{{ api.version }}',
    request_id: '{{ request.id }}',
    code: '{{ error.key }}',
    message: '{{ error.message }}',
  },
}
const QRFORGE_ERRORS = [
  meta('UNAUTHORIZED', { key: 'unauthorized', status: 401 }),
  meta('FORBIDDEN', { key: 'forbidden', status: 403 }),
  meta('INVALID_REQUEST', { key: 'invalid_request', status: 400 }),
  meta('INVALID_PAYLOAD', { key: 'invalid_payload', status: 400 }),
  meta('NOT_FOUND', { key: 'not_found', status: 404 }),
  meta('RATE_LIMIT_MINUTE', { key: 'rate_limit_minute', status: 429 }),
  meta('RATE_LIMIT_DAY', { key: 'rate_limit_day', status: 429 }),
  meta('INTERNAL_ERROR', { key: 'internal_error', status: 500 }),
]

const GENGO: EnvelopeTemplate = {
  status: 200,
  errorWhen: "body.opstat == 'error'",
  body: { opstat: 'error', err: { code: '{{ error.code }}', msg: '{{ error.message }}' } },
}
const GENGO_ERRORS = [1000, 1100, 1150, 1200, 2501, 2502, 2700, 2800].map((code) =>
  meta(`E${code}`, { code, status: code === 1000 ? 401 : 400 }),
)

describe('read: the five seed envelopes', () => {
  test('Qencode: HTTP 200, {error, message}, error != 0', () => {
    const compiled = assertAllRoundTrip(QENCODE, QENCODE_ERRORS)
    assert.equal(compiled.render(view(QENCODE_ERRORS[0]!), {}, API).status, 200)
    assert.equal(compiled.isError(200, { error: 0, task_token: 'abc' }), false)
    assert.equal(compiled.isError(200, { error: 8, message: 'busy' }), true)
    assert.equal(compiled.isError(502, '<html>Bad gateway</html>'), true)
    const index = buildErrorIndex(compiled, QENCODE_ERRORS)
    const unknown = compiled.read(200, { error: 99, message: 'new' }, index)
    assert.equal(unknown.error, undefined)
    assert.deepEqual(unknown.fields, { code: 99, message: 'new' })
  })

  test('OpenAPI V2: top-level code, and the business error_code of the module range', () => {
    const compiled = assertAllRoundTrip(OPENAPI_V2, OPENAPI_V2_ERRORS)
    const index = buildErrorIndex(compiled, OPENAPI_V2_ERRORS)
    const read = (body: unknown) => compiled.read(200, body, index)
    assert.equal(read({ code: 400, message: 'bad' }).error?.symbol, 'INVALID_PARAMETERS')
    assert.equal(
      read({ code: 400, error_code: 100301, message: 'x' }).error?.symbol,
      'MODULE_INVALID_REQUEST',
    )
    assert.equal(compiled.isError(200, { code: 0, data: {} }), false)
    assert.equal(compiled.isError(200, { code: 400, error_code: 100301 }), true)
    // A business code this client does not know yet: kept for a gateway to pass on.
    const unknown = read({ code: 400, error_code: 100399, message: 'New module error' })
    assert.equal(unknown.error, undefined)
    assert.deepEqual(unknown.fields, { status: 400, code: 100399, message: 'New module error' })
    // An upstream that could not be parsed: no business code at all.
    assert.deepEqual(compiled.read(502, '<html>502 Bad Gateway</html>', index), { fields: {} })
  })

  test('Seven Bridges: {status, code, message, more_info} with the HTTP status', () => {
    const compiled = assertAllRoundTrip(SEVEN_BRIDGES, SEVEN_BRIDGES_ERRORS)
    const index = buildErrorIndex(compiled, SEVEN_BRIDGES_ERRORS)
    const error = view(SEVEN_BRIDGES_ERRORS[4]!, { docsUrl: 'https://docs.sb/errors#4000' })
    const { status, body, read } = roundTrip(compiled, index, error)
    assert.equal(status, 402)
    assert.deepEqual(body, {
      status: 402,
      code: 4000,
      message: 'insufficient funds.',
      more_info: 'https://docs.sb/errors#4000',
    })
    assert.equal(read.fields.docsUrl, 'https://docs.sb/errors#4000')
    // Code 0 is an error code here, and is told apart from a missing code.
    assert.equal(compiled.read(401, { status: 401, code: 0 }, index).error?.symbol, 'UNAUTHORIZED')
  })

  test('QRForge: {ok: false, version, request_id, code: key, message}', () => {
    const compiled = assertAllRoundTrip(QRFORGE, QRFORGE_ERRORS)
    const index = buildErrorIndex(compiled, QRFORGE_ERRORS)
    const { body, read } = roundTrip(compiled, index, view(QRFORGE_ERRORS[2]!))
    assert.deepEqual(body, {
      ok: false,
      version: '2025-11-14-v1',
      request_id: REQUEST.id,
      code: 'invalid_request',
      message: 'invalid request.',
    })
    assert.equal(read.requestId, REQUEST.id)
    // The page's own example omits version and request_id.
    const example = {
      ok: false,
      code: 'rate_limit_minute',
      message: 'Too many requests this minute.',
    }
    assert.equal(compiled.read(429, example, index).error?.symbol, 'RATE_LIMIT_MINUTE')
  })

  test("Gengo: HTTP 200, {opstat: 'error', err: {code, msg}}", () => {
    const compiled = assertAllRoundTrip(GENGO, GENGO_ERRORS)
    assert.equal(compiled.isError(200, { opstat: 'ok', response: {} }), false)
    assert.equal(compiled.isError(200, { opstat: 'error', err: { code: 2700 } }), true)
    const index = buildErrorIndex(compiled, GENGO_ERRORS)
    const read = compiled.read(200, { opstat: 'error', err: { code: 2501, msg: 'x' } }, index)
    assert.equal(read.error?.symbol, 'E2501')
    assert.equal(read.message, 'x')
  })
})

// ---------------------------------------------------------------- presets

const CATALOG = [
  meta('BAD_TOKEN', { code: 1001, key: 'bad_token', status: 401 }),
  meta('EXPIRED_TOKEN', { code: 1002, key: 'expired_token', status: 401 }),
  meta('INVALID_FIELDS', { code: 1300, key: 'invalid_fields', status: 400 }),
  meta('NOT_FOUND', { code: 1404, key: 'not_found', status: 404 }),
  meta('SLOW_DOWN', { code: 1429, key: 'slow_down', status: 429 }),
  meta('INTERNAL', { code: 1, key: 'internal', status: 500 }),
]
const NO_KEYS = CATALOG.map(({ key: _, ...rest }) => ({ ...rest, type: `urn:x:${rest.code}` }))

const DETAILED: Partial<ErrorView> = {
  params: { field: 'name', limit: 3 },
  retryAfter: 1.5,
  violations: [
    { field: '/name', message: 'Required', reason: 'required' },
    { field: '/tags/2', message: 'Too long' },
  ],
  locale: 'en',
  docsUrl: 'https://docs.example.com/errors#x',
}

describe('read: presets', () => {
  for (const preset of ['problem', 'google', 'azure', 'jsonapi'] as const) {
    test(`${preset}: every error is identified, with keys and with codes only`, () => {
      assertAllRoundTrip({ preset }, CATALOG)
      assertAllRoundTrip({ preset }, NO_KEYS)
    })
  }

  test('problem: message, request id, retry, params and violations come back', () => {
    const compiled = compileEnvelope({ preset: 'problem' })
    const index = buildErrorIndex(compiled, CATALOG)
    const { read } = roundTrip(compiled, index, view(CATALOG[2]!, DETAILED))
    assert.equal(read.error?.symbol, 'INVALID_FIELDS')
    assert.equal(read.requestId, REQUEST.id)
    assert.equal(read.retryAfter, 1.5)
    assert.deepEqual(read.params, { field: 'name', limit: 3 })
    assert.deepEqual(read.violations, [
      { field: '/name', message: 'Required' },
      { field: '/tags/2', message: 'Too long' },
    ])
  })

  test('google: retryDelay, BadRequest field paths and metadata are converted back', () => {
    const compiled = compileEnvelope({ preset: 'google' })
    const index = buildErrorIndex(compiled, CATALOG)
    const { read } = roundTrip(compiled, index, view(CATALOG[2]!, DETAILED))
    assert.equal(read.error?.symbol, 'INVALID_FIELDS')
    assert.equal(read.retryAfter, 1.5)
    assert.equal(read.requestId, REQUEST.id)
    assert.deepEqual(read.params, { field: 'name', limit: '3' })
    assert.deepEqual(read.violations, [
      { field: '/name', message: 'Required', reason: 'required' },
      { field: '/tags/2', message: 'Too long' },
    ])
    assert.equal(read.fields.docsUrl, DETAILED.docsUrl)
    assert.equal(read.fields.locale, 'en')
  })

  test('google: details are found by @type, in any order', () => {
    const compiled = compileEnvelope({ preset: 'google' })
    const index = buildErrorIndex(compiled, CATALOG)
    const body = {
      error: {
        code: 429,
        message: 'Slow down',
        status: 'RESOURCE_EXHAUSTED',
        details: [
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' },
          { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SLOW_DOWN' },
        ],
      },
    }
    const read = compiled.read(429, body, index)
    assert.equal(read.error?.symbol, 'SLOW_DOWN')
    assert.equal(read.retryAfter, 7)
  })

  test('azure and jsonapi: violations come back as JSON Pointers', () => {
    for (const preset of ['azure', 'jsonapi'] as const) {
      const compiled = compileEnvelope({ preset })
      const index = buildErrorIndex(compiled, CATALOG)
      const { read } = roundTrip(compiled, index, view(CATALOG[2]!, DETAILED))
      assert.equal(read.error?.symbol, 'INVALID_FIELDS', preset)
      assert.deepEqual(
        read.violations?.map((v) => v.field),
        ['/name', '/tags/2'],
        preset,
      )
    }
  })

  test('jsonapi: stringified status and codes are read back as numbers', () => {
    const compiled = compileEnvelope({ preset: 'jsonapi' })
    const unknownCode = {
      errors: [{ status: '409', code: '2001', title: 'Conflict', detail: 'Already there' }],
    }
    const read = compiled.read(409, unknownCode, buildErrorIndex(compiled, NO_KEYS))
    assert.equal(read.error, undefined)
    assert.deepEqual(read.fields, {
      status: 409,
      code: 2001,
      title: 'Conflict',
      message: 'Already there',
    })
    const keyed = compiled.read(
      401,
      { errors: [{ status: '401', code: 'bad_token' }] },
      buildErrorIndex(compiled, CATALOG),
    )
    assert.equal(keyed.error?.symbol, 'BAD_TOKEN')
    assert.equal(keyed.fields.key, 'bad_token')
  })

  test('problem: a body missing members, or with an unexpected one, falls back to the code', () => {
    const compiled = compileEnvelope({ preset: 'problem' })
    const index = buildErrorIndex(compiled, CATALOG)
    assert.equal(compiled.read(404, { code: 'not_found' }, index).error?.symbol, 'NOT_FOUND')
    const moved = { type: 'https://elsewhere.example.com/p', status: 401, code: 'expired_token' }
    assert.equal(compiled.read(401, moved, index).error?.symbol, 'EXPIRED_TOKEN')
    // The status alone names one error here, but an HTML page says nothing.
    assert.equal(compiled.read(429, '<html>Too Many Requests</html>', index).error, undefined)
    assert.equal(compiled.read(429, { title: 'Too Many Requests' }, index).error, undefined)
  })

  test('an index built for another envelope still reads this one', () => {
    const problem = compileEnvelope({ preset: 'problem' })
    const google = compileEnvelope({ preset: 'google' })
    const index = buildErrorIndex(problem, CATALOG)
    const { body } = roundTrip(google, buildErrorIndex(google, CATALOG), view(CATALOG[0]!))
    assert.equal(google.read(401, body, index).error?.symbol, 'BAD_TOKEN')
  })

  test('interpolated text is read back into its parts', () => {
    const compiled = compileEnvelope({
      body: { error: 'E{{ error.code }}: {{ error.message }}', docs: 'see {{ error.docsUrl }}' },
    })
    const index = buildErrorIndex(compiled, CATALOG)
    const read = compiled.read(404, { error: 'E1404: Nothing: here', docs: 'see u' }, index)
    assert.equal(read.error?.symbol, 'NOT_FOUND')
    assert.deepEqual(read.fields, {
      code: 1404,
      message: 'Nothing: here',
      docsUrl: 'u',
      status: 404, // the envelope's status is the error's
    })
  })
})

// ---------------------------------------------------------------- robustness

type Unguarded = { readUnguarded(status: number, body: unknown, index: ErrorIndex): ReadResult }

describe('read never throws', () => {
  const templates: EnvelopeTemplate[] = [
    { preset: 'problem' },
    { preset: 'google' },
    { preset: 'azure' },
    { preset: 'jsonapi' },
    QENCODE,
    OPENAPI_V2,
    SEVEN_BRIDGES,
    QRFORGE,
    GENGO,
    { body: 'E{{ error.code }}-{{ error.key }}: {{ error.message }}' },
  ]
  const compiled = templates.map((t) => compileEnvelope(t))
  const indexes = compiled.map((c) => buildErrorIndex(c, [...CATALOG, ...OPENAPI_V2_ERRORS]))

  // Bodies shaped like the envelopes, with junk where the values go.
  const junk = fc.oneof(fc.jsonValue(), fc.anything())
  const shaped = fc.oneof(
    fc.record({ error: junk, errors: fc.array(junk), code: junk, err: junk }, { requiredKeys: [] }),
    fc.record({ error: fc.record({ details: fc.array(junk), code: junk }, { requiredKeys: [] }) }),
    fc.record({ errors: fc.array(fc.record({ status: junk, code: junk, source: junk })) }),
  )
  const statuses = fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer(), fc.double())

  test('on arbitrary JSON, arbitrary values and envelope-shaped junk', () => {
    fc.assert(
      fc.property(
        fc.nat(templates.length - 1),
        statuses,
        fc.oneof(junk, shaped),
        (i, status, body) => {
          const c = compiled[i]!
          const result = (c as unknown as Unguarded).readUnguarded(status, body, indexes[i]!)
          assert.equal(typeof result.fields, 'object')
          c.isError(status, body)
        },
      ),
      fuzz(3000),
    )
  })

  test('on deeply nested bodies and hostile member names', () => {
    let deep: unknown = { code: 1 }
    for (let i = 0; i < 100_000; i++) deep = { error: deep, errors: [deep] }
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}, "error": {"__proto__": 1}, "params": {"__proto__": {"a": 1}}}',
    )
    for (const [i, c] of compiled.entries()) {
      for (const body of [deep, hostile, null, undefined, '', '<html>', [], [[]], 0, Number.NaN]) {
        ;(c as unknown as Unguarded).readUnguarded(500, body, indexes[i]!)
      }
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined)
  })
})
