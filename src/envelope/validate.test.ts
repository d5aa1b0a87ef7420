// biome-ignore-all lint/suspicious/noThenProperty: `then` is the branch of an `$if` template.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { EnvelopeTemplate } from '../catalog/schema.ts'
import { type EnvelopeProblem, PRESETS, validateEnvelope } from './index.ts'

function problems(template: unknown): EnvelopeProblem[] {
  return validateEnvelope(template as EnvelopeTemplate)
}

function one(template: unknown): EnvelopeProblem {
  const found = problems(template)
  assert.equal(found.length, 1, JSON.stringify(found, null, 2))
  return found[0]!
}

describe('validateEnvelope', () => {
  test('every preset, and no envelope at all, is valid', () => {
    assert.deepEqual(problems(undefined), [])
    for (const preset of Object.keys(PRESETS)) assert.deepEqual(problems({ preset }), [], preset)
  })

  test('the five seed envelopes are valid', () => {
    const seeds = [
      {
        status: 200,
        body: { error: '{{ error.code }}', message: '{{ error.message }}' },
        errorWhen: 'body.error != 0',
      },
      {
        status: 200,
        errorWhen: 'body.code != 0',
        body: {
          code: '{{ error.status }}',
          error_code: { $if: "error.group == 'module'", then: '{{ error.code }}' },
          message: '{{ error.message }}',
        },
      },
      {
        body: {
          status: '{{ error.status }}',
          code: '{{ error.code }}',
          message: '{{ error.message }}',
          more_info: '{{ error.docsUrl }}',
        },
      },
      {
        body: {
          ok: false,
          version: '{{ api.version }}',
          request_id: '{{ request.id }}',
          code: '{{ error.key }}',
          message: '{{ error.message }}',
        },
      },
      {
        status: 200,
        errorWhen: "body.opstat == 'error'",
        body: { opstat: 'error', err: { code: '{{ error.code }}', msg: '{{ error.message }}' } },
      },
    ]
    for (const seed of seeds) assert.deepEqual(problems(seed), [])
  })

  test('a bad expression is reported at its offset in the string', () => {
    assert.deepEqual(one({ body: { detail: 'Error {{ error.code = 1 }}' } }), {
      path: ['body', 'detail'],
      offset: 20,
      message: '`=` is not an operator here',
      hint: 'Compare with `==` (or `!=`); templates cannot assign.',
    })
    const unclosed = one({ body: { a: 'x {{ error.code' } })
    assert.equal(unclosed.offset, 2)
    assert.match(unclosed.message, /`\{\{` is not closed/)
  })

  test('an unknown root, member or filter names what exists', () => {
    const root = one({ body: { code: '{{ err.code }}' } })
    assert.deepEqual(
      [root.path, root.offset, root.message],
      [['body', 'code'], 3, 'unknown name `err`'],
    )
    assert.match(root.hint, /Did you mean `error`\?.*`request`.*`api`/)
    const member = one({ body: ['{{ request.ip }}'] })
    assert.deepEqual(member.path, ['body', 0])
    assert.match(member.message, /`request` has no member `ip`/)
    const filter = one({ headers: { 'x-code': '{{ error.code | hex }}' } })
    assert.deepEqual([filter.path, filter.offset], [['headers', 'x-code'], 16])
    assert.match(filter.hint, /Filters: `string`/)
  })

  test('errorWhen sees body and status, not the error', () => {
    assert.deepEqual(problems({ body: {}, errorWhen: 'status == 200 && body.ok == false' }), [])
    const wrong = one({ body: {}, errorWhen: 'error.code != 0' })
    assert.deepEqual([wrong.path, wrong.offset], [['errorWhen'], 0])
    assert.match(wrong.hint, /`body`.*`status`/)
  })

  test('unknown and malformed directives', () => {
    const unknown = one({ body: { a: { $iff: 'error.code', then: 1 } } })
    assert.deepEqual(unknown.path, ['body', 'a', '$iff'])
    assert.match(unknown.message, /unknown directive `\$iff`/)
    assert.match(unknown.hint, /`\$\$iff`/)
    assert.match(one({ body: { $if: 'error.code' } }).message, /`\$if` has no `then`/)
    assert.deepEqual(one({ body: { $if: 'error.code', then: 1, other: 2 } }).path, [
      'body',
      'other',
    ])
    assert.match(one({ body: { $if: true, then: 1 } }).message, /`\$if` must be an expression/)
    assert.match(one({ body: { $each: 'error.violations', do: 1 } }).message, /`\$each` needs `as`/)
    assert.match(
      one({ body: { $each: 'error.violations', as: 'error', do: 1 } }).message,
      /already a name/,
    )
    assert.match(one({ body: { $each: 'error.violations', as: 'v' } }).message, /has no `do`/)
    const item = one({ body: { $each: 'error.violations', as: 'v', do: '{{ v.feild }}' } })
    assert.deepEqual(item.path, ['body', 'do'])
    assert.match(item.hint, /Did you mean `field`\?/)
    const scope = one({
      body: { a: { $each: 'error.violations', as: 'v', do: 1 }, b: '{{ v.field }}' },
    })
    assert.match(scope.message, /unknown name `v`/)
  })

  test('settings: status, contentType, headers, preset, unknown keys', () => {
    assert.match(one({ status: 700 }).message, /700 is not an HTTP status/)
    assert.match(one({ status: '200' }).hint, /`status: 200`/)
    assert.match(one({ status: 'error {{ error.status }}' }).message, /one `\{\{ expression \}\}`/)
    assert.match(one({ contentType: 'json' }).message, /not a media type/)
    assert.deepEqual(one({ headers: { 'bad name': 'x' } }).path, ['headers', 'bad name'])
    assert.match(one({ headers: { 'Content-Type': 'x/y' } }).hint, /`contentType`/)
    assert.match(one({ headers: { 'x-a': 1 } }).message, /must be a string template/)
    assert.match(one({ preset: 'soap' }).hint, /`problem`, `google`, `azure`, `jsonapi`/)
    assert.deepEqual(one({ preset: 'google', body: {} }).path, ['body'])
    assert.deepEqual(one({ bodyy: {} }).path, ['bodyy'])
    assert.deepEqual(one([]).path, [])
    assert.match(
      one({ body: JSON.parse('{"__proto__": 1, "ok": 1}') }).message,
      /`__proto__` cannot be a member name/,
    )
  })

  test('every problem of a template is reported, not only the first', () => {
    const found = problems({
      status: 'x',
      body: { a: '{{ error.nope }}', b: '{{ 1 + 2 }}', c: { $x: 1 } },
      errorWhen: '(',
    })
    assert.deepEqual(
      found.map((p) => p.path.join('.')),
      ['status', 'body.a', 'body.b', 'body.c.$x', 'errorWhen'],
    )
  })
})
