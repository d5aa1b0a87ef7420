// biome-ignore-all lint/suspicious/noThenProperty: `then` is the branch of an `$if` template.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { compileEnvelope, type ErrorView } from './index.ts'

const ERROR: ErrorView = {
  symbol: 'INVALID_FIELDS',
  code: 1300,
  key: 'invalid_fields',
  status: 422,
  title: 'Invalid fields',
  message: 'The request has 2 invalid fields',
  params: { count: 2 },
  type: 'https://docs.example.com/errors#invalid_fields',
  group: 'validation',
  violations: [
    { field: '/name', message: 'Required', reason: 'required' },
    { field: '/age', message: 'Must be positive' },
  ],
}
const REQUEST = { id: 'req-7', path: '/v1/users', method: 'POST' }
const API = { name: 'Demo', version: '2025-01-01', domain: 'demo.example.com' }

function render(body: unknown, error: ErrorView = ERROR): unknown {
  return compileEnvelope({ body }).render(error, REQUEST, API).body
}

describe('template rendering', () => {
  test('a string that is one expression keeps the value type', () => {
    assert.deepEqual(
      render({
        code: '{{ error.code }}',
        spaced: '  {{ error.status }}  ',
        params: '{{ error.params }}',
        list: '{{ error.violations }}',
        flag: '{{ error.code > 1000 }}',
        nothing: '{{ null }}',
      }),
      {
        code: 1300,
        spaced: 422,
        params: { count: 2 },
        list: ERROR.violations,
        flag: true,
        nothing: null,
      },
    )
  })

  test('undefined leaves out the member or the array item; null stays', () => {
    assert.deepEqual(
      render({
        docs: '{{ error.docsUrl }}',
        retry: '{{ error.retryAfter }}',
        items: ['{{ error.docsUrl }}', '{{ error.code }}', '{{ null }}'],
      }),
      { items: [1300, null] },
    )
  })

  test('text interpolates; undefined and null read as nothing, objects as JSON', () => {
    assert.equal(
      render('{{ error.code }}: {{ error.message }}{{ error.docsUrl }} ({{ error.params }})'),
      '1300: The request has 2 invalid fields ({"count":2})',
    )
    assert.equal(render("{{ '{{' }} literal braces }}"), '{{ literal braces }}')
    assert.equal(render('plain text, no braces'), 'plain text, no braces')
  })

  test('constants of every JSON type pass through', () => {
    assert.deepEqual(render({ ok: false, n: 1.5, z: null, s: 'x', a: [1, [2]], o: {} }), {
      ok: false,
      n: 1.5,
      z: null,
      s: 'x',
      a: [1, [2]],
      o: {},
    })
  })

  test('each render builds new objects', () => {
    const compiled = compileEnvelope({ body: { a: { b: [1] } } })
    const first = compiled.render(ERROR, REQUEST, API).body as { a: { b: number[] } }
    first.a.b.push(2)
    assert.deepEqual(compiled.render(ERROR, REQUEST, API).body, { a: { b: [1] } })
  })

  test('$if chooses a branch; without else a false condition leaves the member out', () => {
    const body = {
      kind: { $if: "error.group == 'validation'", then: 'client', else: 'other' },
      retry: { $if: 'error.retryAfter', then: { seconds: '{{ error.retryAfter }}' } },
      wrapped: { $if: '{{ error.status >= 500 }}', then: 'server', else: 'client' },
      list: [{ $if: 'error.docsUrl', then: 'docs' }, 'always'],
    }
    assert.deepEqual(render(body), {
      kind: 'client',
      wrapped: 'client',
      list: ['always'],
    })
    assert.deepEqual(render(body, { ...ERROR, group: 'x', retryAfter: 2, docsUrl: 'u' }), {
      kind: 'other',
      retry: { seconds: 2 },
      wrapped: 'client',
      list: ['docs', 'always'],
    })
  })

  test('$each maps an array, and is spliced when it is an array item', () => {
    assert.deepEqual(
      render({
        fields: { $each: 'error.violations', as: 'v', do: '{{ v.field }}' },
        errors: [
          { code: '{{ error.key }}' },
          {
            $each: 'error.violations',
            as: 'v',
            do: { pointer: '{{ v.field }}', reason: '{{ v.reason }}' },
          },
          { last: true },
        ],
      }),
      {
        fields: ['/name', '/age'],
        errors: [
          { code: 'invalid_fields' },
          { pointer: '/name', reason: 'required' },
          { pointer: '/age' },
          { last: true },
        ],
      },
    )
  })

  test('$each over nothing or an empty array renders nothing', () => {
    const body = {
      fields: { $each: 'error.violations', as: 'v', do: '{{ v.field }}' },
      list: ['a', { $each: 'error.violations', as: 'v', do: '{{ v.field }}' }],
    }
    const { violations: _, ...without } = ERROR
    assert.deepEqual(render(body, without), { list: ['a'] })
    assert.deepEqual(render(body, { ...ERROR, violations: [] }), { list: ['a'] })
  })

  test('nested $each sees the outer item', () => {
    const error = { ...ERROR, params: { groups: [{ name: 'g', items: [1, 2] }] } }
    assert.deepEqual(
      render(
        {
          $each: 'error.params.groups',
          as: 'g',
          do: { $each: 'g.items', as: 'i', do: '{{ g.name }}-{{ i }}' },
        },
        error,
      ),
      [['g-1', 'g-2']],
    )
  })

  test('$$ writes a member whose name starts with $', () => {
    assert.deepEqual(render({ $$schema: 'https://example.com/s', $$if: 1 }), {
      $schema: 'https://example.com/s',
      $if: 1,
    })
  })

  test('status: the error status by default, a number, or an expression', () => {
    const req = REQUEST
    assert.equal(compileEnvelope({ body: {} }).render(ERROR, req, API).status, 422)
    assert.equal(compileEnvelope({ body: {}, status: 200 }).render(ERROR, req, API).status, 200)
    const byGroup = compileEnvelope({
      body: {},
      status: "{{ error.group == 'validation' && 400 || error.status }}",
    })
    assert.equal(byGroup.render(ERROR, req, API).status, 400)
    assert.equal(byGroup.render({ ...ERROR, group: 'x' }, req, API).status, 422)
    const broken = compileEnvelope({ body: {}, status: '{{ error.params.nope }}' })
    assert.equal(broken.render(ERROR, req, API).status, 422, 'falls back to the error status')
  })

  test('headers render as strings, are left out when undefined, and cannot be split', () => {
    const compiled = compileEnvelope({
      body: {},
      headers: {
        'x-error-code': '{{ error.code }}',
        'x-docs': '{{ error.docsUrl }}',
        'x-hint': 'hint: {{ error.params.hint }}',
        'x-lang': '{{ error.params.lang }}',
      },
    })
    const rendered = compiled.render(
      { ...ERROR, params: { hint: 'a\r\nSet-Cookie: x=1', lang: 'café\u0007' } },
      REQUEST,
      API,
    )
    assert.deepEqual(rendered.headers, {
      'x-error-code': '1300',
      'x-hint': 'hint: a Set-Cookie: x=1',
      'x-lang': 'caf%C3%A9',
    })
  })

  test('content type: problem+json for the problem preset, JSON for a custom body', () => {
    assert.equal(
      compileEnvelope(undefined).render(ERROR, REQUEST, API).contentType,
      'application/problem+json',
    )
    assert.equal(
      compileEnvelope({ body: {} }).render(ERROR, REQUEST, API).contentType,
      'application/json',
    )
    assert.equal(
      compileEnvelope({ body: {}, contentType: 'application/vnd.demo+json' }).render(
        ERROR,
        REQUEST,
        API,
      ).contentType,
      'application/vnd.demo+json',
    )
  })

  test('compileEnvelope refuses an invalid template with every problem', () => {
    assert.throws(
      () => compileEnvelope({ body: { a: '{{ eror.code }}', b: { $iff: 1 } } }),
      (e: Error & { problems?: unknown[] }) =>
        e.name === 'EnvelopeError' &&
        /envelope\.body\.a: unknown name `eror` \(and 1 more\)/.test(e.message) &&
        e.problems?.length === 2,
    )
  })
})
