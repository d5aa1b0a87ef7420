import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { inspect } from 'node:util'
import { compileMessage } from '../../../src/emit/message-ast.ts'
import {
  CatalogError,
  createWithoutStack,
  isAnyCatalogError,
  isCatalogErrorOf,
} from './catalog-error.ts'
import { defineError } from './define-error.ts'
import type { CatalogScope, ErrorDefinition } from './definition.ts'

const scope: CatalogScope = { id: 'Shop API', locale: 'en' }

function definition(overrides: Partial<ErrorDefinition>): ErrorDefinition {
  return {
    catalog: scope,
    symbol: 'BAD_TOKEN',
    code: 1001,
    key: 'bad_token',
    status: 401,
    title: 'Bad token',
    message: compileMessage('Token {hint} is not valid'),
    messages: { fr: compileMessage('Le jeton {hint} n’est pas valide') },
    params: ['hint'],
    expose: true,
    stack: false,
    retry: 'never',
    type: 'https://docs.example/errors#bad_token',
    ...overrides,
  }
}

type BadToken = CatalogError<{
  symbol: 'BAD_TOKEN'
  code: 1001
  key: 'bad_token'
  status: 401
  params: { hint: string }
}>
const BAD_TOKEN = defineError<BadToken>(definition({}))
// biome-ignore lint/complexity/noBannedTypes: `{}` is how generated modules spell "no params"
type NoParams = {}
const UPSTREAM_DOWN = defineError<
  CatalogError<{
    symbol: 'UPSTREAM_DOWN'
    code: 9001
    key: undefined
    status: 502
    params: NoParams
  }>
>(
  definition({
    symbol: 'UPSTREAM_DOWN',
    code: 9001,
    key: undefined,
    status: 502,
    title: 'Upstream down',
    message: 'The upstream service failed',
    messages: undefined,
    params: undefined,
    expose: false,
    stack: true,
    retry: 'safe',
  }),
)

describe('CatalogError', () => {
  it('is an Error carrying the catalog identity and params', () => {
    const error = BAD_TOKEN({ hint: 'ab12' })
    assert.ok(error instanceof Error)
    assert.ok(error instanceof CatalogError)
    assert.equal(error.name, 'CatalogError')
    assert.equal(error.symbol, 'BAD_TOKEN')
    assert.equal(error.code, 1001)
    assert.equal(error.key, 'bad_token')
    assert.equal(error.status, 401)
    assert.equal(error.statusCode, 401)
    assert.equal(error.expose, true)
    assert.equal(error.title, 'Bad token')
    assert.deepEqual(error.params, { hint: 'ab12' })
    assert.equal(error.message, 'Token ab12 is not valid')
    assert.equal(String(error), 'CatalogError: Token ab12 is not valid')
  })

  it('renders the message lazily, once, and lets it be overwritten', () => {
    let renders = 0
    const hint = {
      toString() {
        renders++
        return 'ab12'
      },
    }
    const error = BAD_TOKEN({ hint: hint as unknown as string })
    assert.equal(renders, 0) // not rendered yet: the message is rendered on first access
    assert.equal(error.message, 'Token ab12 is not valid')
    assert.equal(error.message, 'Token ab12 is not valid')
    assert.equal(renders, 1)
    error.message = 'rewritten by a logger'
    assert.equal(error.message, 'rewritten by a logger')
  })

  it('keeps only the declared params of the object it is given', () => {
    let getterRan = false
    // TypeScript accepts any object that has the declared params (it is not a literal).
    const user = JSON.parse('{"hint": "ab12", "password": "hunter2", "__proto__": {"admin": true}}')
    Object.defineProperty(user, 'session', {
      enumerable: true,
      get() {
        getterRan = true
        return 'sess_secret'
      },
    })
    const error = BAD_TOKEN(user)
    assert.deepEqual(error.params, { hint: 'ab12' })
    assert.deepEqual(Object.keys(error.params), ['hint'])
    assert.equal(Object.getPrototypeOf(error.params), Object.prototype)
    assert.equal(getterRan, false)
    assert.equal(error.message, 'Token ab12 is not valid')
    const json = JSON.stringify(error)
    assert.doesNotMatch(json, /hunter2|admin|sess_secret|password|__proto__/)
    assert.match(inspect(error), /hint: 'ab12'/)
    assert.doesNotMatch(inspect(error), /hunter2|admin/)
    // Later changes to the caller's object do not reach the error.
    user.hint = 'zzzz'
    assert.deepEqual(error.params, { hint: 'ab12' })
  })

  it('leaves out params not given, and inherited members of the same name', () => {
    const optional = defineError<
      CatalogError<{ symbol: 'X'; status: 400; params: { constructor?: unknown; hint?: string } }>
    >(definition({ params: ['constructor', 'hint'] }))
    assert.deepEqual(optional({}).params, {})
    assert.deepEqual(optional().params, {})
    assert.deepEqual(optional(Object.create({ hint: 'inherited' })).params, {})
    // An error without declared params keeps none, whatever it is given.
    const none = new CatalogError(UPSTREAM_DOWN.definition, { password: 'hunter2' })
    assert.deepEqual(none.params, {})
  })

  it('keeps a declared param named __proto__ as a member, not as the prototype', () => {
    const odd = defineError<CatalogError<{ symbol: 'X'; status: 400; params: object }>>(
      definition({ params: ['__proto__'] }),
    )
    const error = odd(JSON.parse('{"__proto__": {"admin": true}}'))
    assert.equal(Object.getPrototypeOf(error.params), Object.prototype)
    assert.deepEqual(Object.keys(error.params), ['__proto__'])
    assert.equal((error.params as { admin?: boolean }).admin, undefined)
  })

  it('does not capture a stack for expected errors, and does for server errors', () => {
    const limit = Error.stackTraceLimit
    const expected = BAD_TOKEN({ hint: 'x' })
    assert.doesNotMatch(expected.stack ?? '', /\n\s+at /)
    const server = UPSTREAM_DOWN()
    assert.match(server.stack ?? '', /\n\s+at .*catalog-error\.test\.ts/)
    // The global limit is restored after each creation.
    assert.equal(Error.stackTraceLimit, limit)
  })

  it('captures a stack for an expected error when the catalog asks for one', () => {
    const withStack = defineError<BadToken>(definition({ stack: true }))
    assert.match(withStack({ hint: 'x' }).stack ?? '', /\n\s+at /)
  })

  it('lets the handler create an error without a stack whatever the catalog says', () => {
    const error = createWithoutStack(UPSTREAM_DOWN.definition)
    assert.doesNotMatch(error.stack ?? '', /\n\s+at /)
    assert.match(UPSTREAM_DOWN().stack ?? '', /\n\s+at /)
  })

  it('keeps the cause, violations and upstream fields it was given', () => {
    const cause = new Error('db down')
    const error = UPSTREAM_DOWN({
      cause,
      violations: [{ field: '/a', message: 'bad' }],
      upstream: { code: 7 },
    })
    assert.equal(error.cause, cause)
    assert.deepEqual(error.violations, [{ field: '/a', message: 'bad' }])
    assert.deepEqual(error.upstream, { code: 7 })
    assert.equal(Object.hasOwn(BAD_TOKEN({ hint: 'x' }), 'cause'), false)
  })

  it('serializes to JSON without the cause, stack or unexposed data', () => {
    const exposed = JSON.parse(JSON.stringify(BAD_TOKEN({ hint: 'x' })))
    assert.deepEqual(exposed, {
      name: 'CatalogError',
      symbol: 'BAD_TOKEN',
      code: 1001,
      key: 'bad_token',
      status: 401,
      message: 'Token x is not valid',
      params: { hint: 'x' },
    })
    const secret = UPSTREAM_DOWN({ cause: new Error('password=hunter2') })
    const json = JSON.stringify(secret)
    assert.deepEqual(JSON.parse(json), {
      name: 'CatalogError',
      symbol: 'UPSTREAM_DOWN',
      code: 9001,
      status: 502,
      message: 'Upstream down',
    })
    assert.doesNotMatch(json, /hunter2|stack|at /)
  })

  it('shows symbol, code, status and params when inspected, not the definition', () => {
    const text = inspect(BAD_TOKEN({ hint: 'x' }))
    assert.match(text, /symbol: 'BAD_TOKEN'/)
    assert.match(text, /status: 401/)
    assert.doesNotMatch(text, /definition|messages/)
  })

  it('computes retryAfter from a fixed delay, a param, or the options', () => {
    const fixed = defineError(definition({ params: undefined, retry: { after: 2.5 } }))
    assert.equal(fixed().retryAfter, 2.5)
    const fromParam = defineError<
      CatalogError<{ symbol: 'X'; status: 503; params: { delay: number } }>
    >(definition({ params: ['delay'], retry: { afterParam: 'delay' } }))
    assert.equal(fromParam({ delay: 30 }).retryAfter, 30)
    assert.equal(fromParam({ delay: -1 }).retryAfter, undefined)
    assert.equal(fromParam({ delay: Number.NaN }).retryAfter, undefined)
    assert.equal(BAD_TOKEN({ hint: 'x' }).retryAfter, undefined)
    assert.equal(BAD_TOKEN({ hint: 'x' }, { retryAfter: 4 }).retryAfter, 4)
  })

  it('renders the message in another locale, falling back by language then to the default', () => {
    const error = BAD_TOKEN({ hint: 'x' })
    assert.equal(error.messageIn('fr'), 'Le jeton x n’est pas valide')
    assert.equal(error.messageIn('fr-CA'), 'Le jeton x n’est pas valide')
    assert.equal(error.messageIn('de'), 'Token x is not valid')
  })
})

describe('factories', () => {
  it('take options as the only argument when the error has no params', () => {
    const cause = new Error('x')
    assert.equal(UPSTREAM_DOWN({ cause }).cause, cause)
    assert.deepEqual(UPSTREAM_DOWN().params, {})
  })

  it('carry the definition and the identity for lookups', () => {
    assert.equal(BAD_TOKEN.symbol, 'BAD_TOKEN')
    assert.equal(BAD_TOKEN.code, 1001)
    assert.equal(BAD_TOKEN.status, 401)
    assert.equal(BAD_TOKEN.definition.title, 'Bad token')
  })
})

describe('type guards', () => {
  it('recognise errors of one catalog, optionally of one symbol', () => {
    const error = BAD_TOKEN({ hint: 'x' })
    assert.equal(isCatalogErrorOf(error, 'Shop API'), true)
    assert.equal(isCatalogErrorOf(error, 'Shop API', 'BAD_TOKEN'), true)
    assert.equal(isCatalogErrorOf(error, 'Shop API', 'UPSTREAM_DOWN'), false)
    assert.equal(isCatalogErrorOf(error, 'Other API'), false)
    assert.equal(isCatalogErrorOf(new Error('x'), 'Shop API'), false)
    assert.equal(isCatalogErrorOf({ symbol: 'BAD_TOKEN' }, 'Shop API'), false)
  })

  it('recognise a CatalogError made by another copy of the runtime', () => {
    const foreign = Object.assign(Object.create(Error.prototype), {
      [Symbol.for('errcat.CatalogError')]: true,
      symbol: 'BAD_TOKEN',
      definition: definition({}),
    })
    assert.equal(isAnyCatalogError(foreign), true)
    assert.equal(isAnyCatalogError({ [Symbol.for('errcat.CatalogError')]: true }), false)
  })
})
