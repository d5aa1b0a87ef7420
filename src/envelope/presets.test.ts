import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { compileEnvelope, type ErrorView } from './index.ts'

const REQUEST = { id: 'req-42', path: '/v1/books/7', method: 'PATCH' }
const API = { name: 'Library', version: 'v1', domain: 'library.example.com' }

/** A validation error with two field violations, exposed, with docs. */
const INVALID: ErrorView = {
  symbol: 'INVALID_BOOK',
  code: 4220,
  key: 'invalid_book',
  status: 400,
  title: 'Invalid book',
  message: 'The book has 2 invalid fields',
  params: { count: 2, strict: true },
  docsUrl: 'https://docs.library.example.com/errors#invalid_book',
  type: 'https://docs.library.example.com/errors#invalid_book',
  violations: [
    { field: '/title', message: 'Required', reason: 'required' },
    { field: '/authors/1/name', message: 'Too long' },
  ],
  locale: 'en',
}

/** A rate limit with a retry delay, no docs URL, no key. */
const LIMITED: ErrorView = {
  symbol: 'TOO_MANY_REQUESTS',
  code: 4290,
  status: 429,
  title: 'Too many requests',
  message: 'Slow down',
  params: {},
  type: 'urn:problem-type:library:4290',
  retryAfter: 2.5,
}

/** An internal error that is not exposed: generic title, no params. */
const INTERNAL: ErrorView = {
  symbol: 'INTERNAL',
  key: 'internal',
  status: 500,
  title: 'Internal error',
  message: 'Internal error',
  params: {},
  type: 'urn:problem-type:library:internal',
}

function render(preset: 'problem' | 'google' | 'azure' | 'jsonapi', error: ErrorView) {
  return compileEnvelope({ preset }).render(error, REQUEST, API)
}

describe('preset problem (RFC 9457)', () => {
  test('a validation error: errors[] with detail and pointer, params, code from the key', () => {
    assert.deepEqual(render('problem', INVALID), {
      status: 400,
      headers: {},
      contentType: 'application/problem+json',
      body: {
        type: INVALID.type,
        title: 'Invalid book',
        status: 400,
        detail: 'The book has 2 invalid fields',
        instance: '/v1/books/7',
        code: 'invalid_book',
        request_id: 'req-42',
        params: { count: 2, strict: true },
        errors: [
          { detail: 'Required', pointer: '/title' },
          { detail: 'Too long', pointer: '/authors/1/name' },
        ],
      },
    })
  })

  test('a retryable error: retry_after, the numeric code, no params member', () => {
    assert.deepEqual(render('problem', LIMITED).body, {
      type: LIMITED.type,
      title: 'Too many requests',
      status: 429,
      detail: 'Slow down',
      instance: '/v1/books/7',
      code: 4290,
      request_id: 'req-42',
      retry_after: 2.5,
    })
  })

  test('without a request path or id those members are left out', () => {
    const body = compileEnvelope({ preset: 'problem' }).render(INTERNAL, {}, API).body
    assert.deepEqual(body, {
      type: INTERNAL.type,
      title: 'Internal error',
      status: 500,
      detail: 'Internal error',
      code: 'internal',
    })
  })
})

describe('preset google (AIP-193)', () => {
  test('every detail type, once, in proto3 JSON names', () => {
    const { body, status, contentType } = render('google', { ...INVALID, retryAfter: 30 })
    assert.equal(status, 400)
    assert.equal(contentType, 'application/json')
    assert.deepEqual(body, {
      error: {
        code: 400,
        message: 'The book has 2 invalid fields',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'INVALID_BOOK',
            domain: 'library.example.com',
            metadata: { count: '2', strict: 'true' },
          },
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '30s' },
          {
            '@type': 'type.googleapis.com/google.rpc.BadRequest',
            fieldViolations: [
              { field: 'title', description: 'Required', reason: 'required' },
              { field: 'authors[1].name', description: 'Too long' },
            ],
          },
          { '@type': 'type.googleapis.com/google.rpc.RequestInfo', requestId: 'req-42' },
          {
            '@type': 'type.googleapis.com/google.rpc.LocalizedMessage',
            locale: 'en',
            message: 'The book has 2 invalid fields',
          },
          {
            '@type': 'type.googleapis.com/google.rpc.Help',
            links: [{ description: 'Invalid book', url: INVALID.docsUrl }],
          },
        ],
      },
    })
  })

  test('details that do not apply are left out; status names follow the HTTP status', () => {
    const { body } = compileEnvelope({ preset: 'google' }).render(LIMITED, {}, { name: 'L' })
    assert.deepEqual(body, {
      error: {
        code: 429,
        message: 'Slow down',
        status: 'RESOURCE_EXHAUSTED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'TOO_MANY_REQUESTS',
            domain: 'L',
            metadata: {},
          },
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2.5s' },
        ],
      },
    })
    const internal = render('google', INTERNAL).body as { error: { status: string } }
    assert.equal(internal.error.status, 'INTERNAL')
  })
})

describe('preset azure', () => {
  test('error.code, details per violation, innererror, and the x-ms-error-code header', () => {
    assert.deepEqual(render('azure', { ...INVALID, params: { target: 'book' } }), {
      status: 400,
      headers: { 'x-ms-error-code': 'invalid_book' },
      contentType: 'application/json',
      body: {
        error: {
          code: 'invalid_book',
          message: 'The book has 2 invalid fields',
          target: 'book',
          details: [
            { code: 'required', message: 'Required', target: 'title' },
            { code: 'invalid_book', message: 'Too long', target: 'authors[1].name' },
          ],
          innererror: { code: 'INVALID_BOOK' },
        },
      },
    })
  })

  test('an error without a key uses its symbol as the code', () => {
    const { headers, body } = render('azure', LIMITED)
    assert.deepEqual(headers, { 'x-ms-error-code': 'TOO_MANY_REQUESTS' })
    assert.deepEqual(body, {
      error: {
        code: 'TOO_MANY_REQUESTS',
        message: 'Slow down',
        innererror: { code: 'TOO_MANY_REQUESTS' },
      },
    })
  })
})

describe('preset jsonapi', () => {
  test('the error first, then one error object per violation with source.pointer', () => {
    const { body, contentType } = render('jsonapi', INVALID)
    assert.equal(contentType, 'application/vnd.api+json')
    assert.deepEqual(body, {
      errors: [
        {
          id: 'req-42',
          links: { about: INVALID.docsUrl, type: INVALID.type },
          status: '400',
          code: 'invalid_book',
          title: 'Invalid book',
          detail: 'The book has 2 invalid fields',
          meta: { params: { count: 2, strict: true } },
        },
        {
          status: '400',
          code: 'invalid_book',
          title: 'Invalid book',
          detail: 'Required',
          source: { pointer: '/title' },
          meta: { reason: 'required' },
        },
        {
          status: '400',
          code: 'invalid_book',
          title: 'Invalid book',
          detail: 'Too long',
          source: { pointer: '/authors/1/name' },
        },
      ],
    })
  })

  test('status and numeric codes are strings; meta only when there is something to say', () => {
    assert.deepEqual(render('jsonapi', LIMITED).body, {
      errors: [
        {
          id: 'req-42',
          links: { type: LIMITED.type },
          status: '429',
          code: '4290',
          title: 'Too many requests',
          detail: 'Slow down',
          meta: { retryAfter: 2.5 },
        },
      ],
    })
    const internal = render('jsonapi', INTERNAL).body as { errors: object[] }
    assert.equal('meta' in internal.errors[0]!, false)
  })
})
