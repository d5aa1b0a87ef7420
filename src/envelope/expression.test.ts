import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { RENDER_ROOTS } from '@errcat/runtime/internal/envelope/context'
import { compileExpression, type ScopeNames } from '@errcat/runtime/internal/envelope/evaluate'
import { checkExpression } from './check-expression.ts'
import { type Expr, parseExpression, printExpression } from './expression.ts'

const NAMES: ScopeNames = new Map([
  ['error', { index: 0, trusted: true }],
  ['request', { index: 1, trusted: true }],
  ['api', { index: 2, trusted: true }],
  ['body', { index: 3, trusted: false }],
])

const ERROR = {
  symbol: 'BAD_TOKEN',
  code: 1002,
  key: 'bad_token',
  status: 400,
  title: 'Bad token',
  message: 'Token abc is not valid',
  params: { hint: 'abc', 'max-size': 10, zero: 0, nested: { deep: true } },
  type: 'https://docs.example.com/errors#bad_token',
  retryAfter: 3.5,
  violations: [{ field: '/items/0/name', message: 'Required' }],
}

function parse(source: string): Expr {
  const parsed = parseExpression(source)
  if (!parsed.ok) assert.fail(`${source}: ${parsed.message} at ${parsed.offset}`)
  return parsed.expr
}

function run(source: string, body: unknown = undefined, error: object = ERROR): unknown {
  return compileExpression(parse(source), NAMES)([error, { id: 'r1' }, { name: 'Demo' }, body])
}

function syntaxError(source: string): { message: string; offset: number } {
  const parsed = parseExpression(source)
  if (parsed.ok) assert.fail(`${source} parsed as ${printExpression(parsed.expr)}`)
  return { message: parsed.message, offset: parsed.offset }
}

describe('expression parsing', () => {
  test('precedence: filter < ?? < || < && < equality < comparison < !', () => {
    const cases: [string, string][] = [
      ['a ?? b | string', '(a ?? b) | string'],
      ['a || b ?? c', '(a || b) ?? c'],
      ['a && b || c && d', '(a && b) || (c && d)'],
      ['a == b && c != d', '(a == b) && (c != d)'],
      ['a < b == c >= d', '(a < b) == (c >= d)'],
      ['!a == b', '!a == b'],
      ['!(a == b)', '!(a == b)'],
      ['(a | upper) == "X"', "(a | upper) == 'X'"],
      ['a | string | upper', 'a | string | upper'],
    ]
    for (const [source, expected] of cases) {
      assert.equal(printExpression(parse(source)), expected, source)
    }
  })

  test('paths with dots, indexes and quoted names', () => {
    const expr = parse("error.params['max-size']")
    assert.deepEqual(expr.kind === 'path' && expr.members, ['params', 'max-size'])
    const indexed = parse('error.violations[0].field')
    assert.deepEqual(indexed.kind === 'path' && indexed.members, ['violations', 0, 'field'])
  })

  test('literals: numbers, both quote styles with escapes, true, false, null', () => {
    assert.equal(run('42'), 42)
    assert.equal(run('-1.5'), -1.5)
    assert.equal(run('2e3'), 2000)
    assert.equal(run("'it\\'s'"), "it's")
    assert.equal(run('"say \\"hi\\"\\n"'), 'say "hi"\n')
    assert.equal(run("'\\u00e9'"), 'é')
    assert.equal(run('true'), true)
    assert.equal(run('false'), false)
    assert.equal(run('null'), null)
  })

  test('syntax errors say what and where', () => {
    assert.deepEqual(syntaxError('error.code =='), {
      message: 'the expression is incomplete',
      offset: 13,
    })
    assert.equal(syntaxError('error.code = 1').offset, 11)
    assert.match(syntaxError('error.code = 1').message, /`=` is not an operator/)
    assert.deepEqual(syntaxError("'open"), { message: 'string is not closed', offset: 0 })
    assert.equal(syntaxError('(error.code').message, '`(` is not closed')
    assert.equal(syntaxError('error.code)').message, '`)` has no matching opening bracket')
    assert.deepEqual(syntaxError('error.'), {
      message: 'a member name is missing after `.`',
      offset: 6,
    })
    assert.equal(syntaxError('error.code |').message, 'a filter name is missing after `|`')
    assert.equal(syntaxError('error.code | string == "1"').offset, 20)
    assert.equal(syntaxError('error.code & 1').message, '`&` is not an operator')
    assert.equal(syntaxError('1abc').message, '`1a` is not a number nor a name')
    assert.equal(syntaxError("'a'.length").message, 'only names have members')
    assert.equal(
      syntaxError('error[code]').message,
      'a bracket holds an array index or a quoted name',
    )
    assert.equal(syntaxError('   ').message, 'the expression is empty')
    assert.equal(syntaxError('error.code # 1').offset, 11)
    assert.equal(syntaxError("'\\q'").message, 'unknown escape `\\q` in a string')
  })
})

describe('expression evaluation', () => {
  test('paths read members and stay undefined past a missing one', () => {
    assert.equal(run('error.code'), 1002)
    assert.equal(run('error.params.hint'), 'abc')
    assert.equal(run("error.params['max-size']"), 10)
    assert.equal(run('error.violations[0].field'), '/items/0/name')
    assert.equal(run('error.violations[3].field'), undefined)
    assert.equal(run('error.docsUrl.host'), undefined)
    assert.equal(run('body.a.b.c', { a: null }), undefined)
    assert.equal(run('body.a', 'text'), undefined)
  })

  test('data is read through own members only', () => {
    assert.equal(run('body.constructor', {}), undefined)
    assert.equal(run('body.toString', {}), undefined)
    assert.equal(run('body.__proto__', {}), undefined)
    assert.equal(run('error.params.constructor'), undefined)
    assert.equal(run('body.constructor', JSON.parse('{"constructor": 1}')), 1)
  })

  test('the error view may be a class instance with getters', () => {
    class View {
      get code() {
        return 7
      }
    }
    assert.equal(run('error.code', undefined, new View()), 7)
  })

  test('?? keeps 0 and empty strings, replaces undefined and null', () => {
    assert.equal(run('error.params.zero ?? 5'), 0)
    assert.equal(run('error.docsUrl ?? error.type'), ERROR.type)
    assert.equal(run('body.x ?? "d"', { x: null }), 'd')
    assert.equal(run('error.key ?? error.code'), 'bad_token')
  })

  test('|| and && return operands; empty arrays and objects are false', () => {
    assert.equal(run("error.docsUrl || 'none'"), 'none')
    assert.equal(run("error.params.zero || 'none'"), 'none')
    assert.equal(run("body.list || 'empty'", { list: [] }), 'empty')
    assert.equal(run("body.map || 'empty'", { map: {} }), 'empty')
    assert.deepEqual(run("body.map || 'empty'", { map: { a: 1 } }), { a: 1 })
    assert.equal(run('error.code && error.key'), 'bad_token')
    assert.equal(run('error.params.zero && error.key'), 0)
    assert.equal(run('!body.list', { list: [] }), true)
    assert.equal(run('!error.params'), false)
    assert.equal(run('!!error.violations'), true)
  })

  test('== is strict except that null equals a missing member', () => {
    assert.equal(run('error.status == 400'), true)
    assert.equal(run("error.status == '400'"), false)
    assert.equal(run('error.status != 400'), false)
    assert.equal(run('error.docsUrl == null'), true)
    assert.equal(run('body.error != 0', { error: 0 }), false)
    assert.equal(run('body.error != 0', { error: 3 }), true)
    assert.equal(run("body.opstat == 'error'", { opstat: 'error' }), true)
  })

  test('ordering compares numbers with numbers and strings with strings only', () => {
    assert.equal(run('error.status >= 400'), true)
    assert.equal(run('error.status > 400'), false)
    assert.equal(run('error.status < 500'), true)
    assert.equal(run('error.status <= 399'), false)
    assert.equal(run("'a' < 'b'"), true)
    assert.equal(run("error.status < '500'"), false)
    assert.equal(run('error.docsUrl < 1'), false)
    assert.equal(run('error.docsUrl >= 1'), false)
  })

  test('filters', () => {
    assert.equal(run('error.status | string'), '400')
    assert.equal(run('error.docsUrl | string'), undefined)
    assert.equal(run('error.params.nested | string'), '{"deep":true}')
    assert.equal(run("'42' | number"), 42)
    assert.equal(run("'4x' | number"), undefined)
    assert.equal(run('error.key | upper'), 'BAD_TOKEN')
    assert.equal(run('error.symbol | lower'), 'bad_token')
    assert.equal(run('error.retryAfter | seconds'), '3.5s')
    assert.equal(run('60 | seconds'), '60s')
    assert.equal(run('0.000000001 | seconds'), '0.000000001s')
    assert.equal(run('error.status | grpcStatus'), 'INVALID_ARGUMENT')
    assert.equal(run('503 | grpcStatus'), 'UNAVAILABLE')
    assert.equal(run('418 | grpcStatus'), 'FAILED_PRECONDITION')
    assert.deepEqual(run('error.params | stringMap'), {
      hint: 'abc',
      'max-size': '10',
      zero: '0',
      nested: '{"deep":true}',
    })
    assert.equal(run("'/items/0/name' | fieldPath"), 'items[0].name')
    assert.equal(run("'/a~1b/c' | fieldPath"), 'a/b.c')
  })

  test('HTTP statuses map to the canonical gRPC codes', () => {
    const expected: Record<number, string> = {
      200: 'OK',
      400: 'INVALID_ARGUMENT',
      401: 'UNAUTHENTICATED',
      403: 'PERMISSION_DENIED',
      404: 'NOT_FOUND',
      409: 'ABORTED',
      429: 'RESOURCE_EXHAUSTED',
      499: 'CANCELLED',
      500: 'INTERNAL',
      501: 'UNIMPLEMENTED',
      503: 'UNAVAILABLE',
      504: 'DEADLINE_EXCEEDED',
    }
    for (const [status, name] of Object.entries(expected)) {
      assert.equal(run(`${status} | grpcStatus`), name, status)
    }
  })
})

describe('expression names', () => {
  const roots = new Map(Object.entries(RENDER_ROOTS))
  const problems = (source: string) =>
    checkExpression(parse(source), roots).map((p) => `${p.offset}: ${p.message} | ${p.hint}`)

  test('known roots and members pass', () => {
    assert.deepEqual(problems('error.params.anything ?? request.id ?? api.domain'), [])
    assert.deepEqual(problems('error.violations[0].reason'), [])
    assert.deepEqual(problems('error.upstream.code | string'), [])
  })

  test('unknown roots, members and filters are reported with what exists', () => {
    const [root] = problems('1 == eror.code')
    assert.match(root!, /^5: unknown name `eror` \| Did you mean `error`\?/)
    const [member] = problems('error.mesage')
    assert.match(member!, /^0: `error` has no member `mesage` \| Did you mean `message`\?/)
    const [filter] = problems('error.code | strng')
    assert.match(filter!, /^13: unknown filter `strng` \| Did you mean `string`\?/)
    const [scalar] = problems('error.code.value')
    assert.match(scalar!, /`error.code` is an integer and has no members/)
    const [array] = problems('error.violations.field')
    assert.match(array!, /`error.violations` is an array/)
    const [item] = problems('error.violations[0].path')
    assert.match(item!, /`error.violations\[0\]` has no member `path`/)
  })
})
