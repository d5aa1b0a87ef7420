// Rendering a message is on the error path of every request: whatever the
// catalog's ICU text (the build parses it; what parses must render) and
// whatever an application passes as params (null-prototype objects from a
// query parser, values with throwing getters or toString, Proxies, symbols,
// huge numbers and strings), formatMessage returns a string and never throws,
// and its output grows with the message and the values, never beyond.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { parseMessage } from '../../../src/catalog/message.ts'
import { compileMessage } from '../../../src/emit/message-ast.ts'
import { fuzz } from '../../../test/fuzz-settings.ts'
import { formatMessage } from './format-message.ts'

const NAMES = ['n', 'x', 'kind', 'constructor', '__proto__', 'toString', 'a-b', 'é']

// Pieces of ICU syntax, so random text reaches every branch of the parser.
const ICU_TOKENS = [
  '{',
  '}',
  ',',
  ' ',
  "'",
  "''",
  '#',
  '<b>',
  '</b>',
  ...NAMES,
  'number',
  'date',
  'time',
  'plural',
  'selectordinal',
  'select',
  'offset:1',
  'offset:-3',
  '=0',
  '=1',
  'zero',
  'one',
  'two',
  'few',
  'many',
  'other',
  'integer',
  'percent',
  'short',
  'full',
  '::currency/EUR',
  '::currency/ABCDE',
  '::percent scale/100',
  '::scale/1e400',
  '::compact-short',
  '::unit/furlong',
  '::measure-unit/length-meter',
  `::.${'0'.repeat(150)}`,
  '::@@@@@@@@@@@@@@@@@@@@@@@@@@',
  '::.00/@@@r',
  '::sign-always',
  '::yyyyMMMMdd',
  '::EEEEhmmssz',
  '::GGGGG',
]

const icuSoup = fc
  .array(fc.oneof(fc.constantFrom(...ICU_TOKENS), fc.string({ maxLength: 4 })), { maxLength: 40 })
  .map((parts) => parts.join(''))

/** Messages built by the grammar, so that most parse and reach the renderer. */
const { message: icuMessage } = fc.letrec<{ message: string; placeholder: string }>((tie) => ({
  message: fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.string({ maxLength: 6 }).map((s) => s.replace(/[{}'#]/g, '')) },
        { weight: 2, arbitrary: tie('placeholder') },
        { weight: 1, arbitrary: fc.constant('#') },
      ),
      { maxLength: 4 },
    )
    .map((parts) => parts.join('')),
  placeholder: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES).map((name) => `{${name}}`),
    fc
      .tuple(
        fc.constantFrom(...NAMES),
        fc.constantFrom(
          '',
          ', integer',
          ', percent',
          ', ::currency/EUR',
          ', ::currency/ABCDE',
          ', ::unit/furlong',
          ', ::scale/1e400',
          `, ::.${'0'.repeat(150)}`,
          ', ::compact-long sign-always',
        ),
      )
      .map(([name, style]) => `{${name}, number${style}}`),
    fc
      .tuple(
        fc.constantFrom(...NAMES),
        fc.constantFrom('date', 'time'),
        fc.constantFrom('', ', short', ', full', ', ::yyyyMMMMdd', ', ::EEEEhmmssz', ', ::GGGGG'),
      )
      .map(([name, type, style]) => `{${name}, ${type}${style}}`),
    fc
      .tuple(
        fc.constantFrom(...NAMES),
        fc.constantFrom('plural', 'selectordinal'),
        fc.constantFrom('', 'offset:1 ', 'offset:-2 '),
        fc.uniqueArray(fc.constantFrom('=0', '=1', '=-1', 'zero', 'one', 'two', 'few', 'many'), {
          maxLength: 3,
        }),
        fc.array(tie('message'), { minLength: 4, maxLength: 4 }),
      )
      .map(
        ([name, type, offset, keys, bodies]) =>
          `{${name}, ${type}, ${offset}${[...keys, 'other'].map((k, i) => `${k} {${bodies[i]}}`).join(' ')}}`,
      ),
    fc
      .tuple(
        fc.constantFrom(...NAMES),
        fc.uniqueArray(fc.constantFrom('a', 'true', 'constructor', '__proto__', 'toString'), {
          maxLength: 3,
        }),
        fc.array(tie('message'), { minLength: 4, maxLength: 4 }),
      )
      .map(
        ([name, keys, bodies]) =>
          `{${name}, select, ${[...keys, 'other'].map((k, i) => `${k} {${bodies[i]}}`).join(' ')}}`,
      ),
  ),
}))

const HUGE = 'x'.repeat(100_000)

// Hostile values are built inside the property from a name: fast-check
// itself reads and prints what its arbitraries produce.
const HOSTILE: Record<string, () => unknown> = {
  'null prototype': () => Object.create(null),
  'cyclic array': () => {
    const cyclic: unknown[] = [1]
    cyclic.push(cyclic)
    return cyclic
  },
  'throwing toString': () => ({
    toString() {
      throw new Error('toString')
    },
  }),
  'throwing toPrimitive': () => ({
    [Symbol.toPrimitive]() {
      throw new Error('toPrimitive')
    },
  }),
  'huge toString': () => ({ toString: () => HUGE }),
  'throwing proxy': () =>
    new Proxy(
      {},
      {
        get() {
          throw new Error('get')
        },
      },
    ),
  'revoked proxy': () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    return proxy
  },
  function: () => () => 'a function',
}

type ValueSpec = { plain: unknown } | { hostile: string }

/** Values an application may pass as a param. */
const valueSpec: fc.Arbitrary<ValueSpec> = fc.oneof(
  fc
    .oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('', ' ', '12', '1e400', '-0', '0x10', 'NaN', '2025-01-15T12:00:00Z', HUGE),
      fc.double(),
      fc.integer(),
      fc.constantFrom(
        0,
        -0,
        1e308,
        -1e308,
        Number.MAX_SAFE_INTEGER,
        Number.MIN_VALUE,
        8.64e15,
        8.64e15 + 1,
        Number.POSITIVE_INFINITY,
        Number.NaN,
      ),
      fc.bigInt(),
      fc.constantFrom(10n ** 400n, -(10n ** 400n)),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.string().map((s) => Symbol(s)),
      fc.date({ noInvalidDate: false }),
      fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 5 }),
    )
    .map((plain) => ({ plain })),
  fc.constantFrom(...Object.keys(HOSTILE)).map((hostile) => ({ hostile })),
)

const valueFrom = (spec: ValueSpec) => ('plain' in spec ? spec.plain : HOSTILE[spec.hostile]!())

const PARAMS_KINDS = ['plain', 'null prototype', 'getters', 'throwing getters', 'proxy', 'revoked']

/** Params objects: plain, null-prototype, with throwing getters, Proxies. */
const paramsSpec = fc.record({
  values: fc.dictionary(fc.constantFrom(...NAMES), valueSpec, { maxKeys: 6 }),
  kind: fc.constantFrom(...PARAMS_KINDS),
})

function paramsOf({
  values: specs,
  kind,
}: {
  values: Record<string, ValueSpec>
  kind: string
}): object {
  const values: Record<string, unknown> = {}
  // defineProperty: `__proto__` is a param name like any other.
  for (const [name, spec] of Object.entries(specs))
    Object.defineProperty(values, name, { value: valueFrom(spec), enumerable: true })
  if (kind === 'plain') return values
  if (kind === 'null prototype')
    return Object.defineProperties(Object.create(null), Object.getOwnPropertyDescriptors(values))
  if (kind === 'getters' || kind === 'throwing getters') {
    const params = {}
    for (const [name, value] of Object.entries(values))
      Object.defineProperty(params, name, {
        enumerable: true,
        get() {
          if (kind === 'throwing getters') throw new Error(`getter ${name}`)
          return value
        },
      })
    return params
  }
  if (kind === 'proxy')
    return new Proxy(values, {
      getOwnPropertyDescriptor() {
        throw new Error('getOwnPropertyDescriptor')
      },
      get() {
        throw new Error('get')
      },
    })
  const { proxy, revoke } = Proxy.revocable(values, {})
  revoke()
  return proxy
}

const locale = fc.oneof(
  fc.constantFrom('en', 'fr', 'ar', 'ja', 'de-CH', 'pt-BR', 'zh-Hant-TW', 'en-u-nu-arab'),
  fc.constantFrom('', 'x', 'not a locale!', 'i-klingon', `en-${'a'.repeat(300)}`),
  fc.string({ maxLength: 12 }),
)

/** A value's own text, as long as it gets (0 when it has none). */
function textLength(value: unknown): number {
  try {
    return String(value).length
  } catch {
    return 0
  }
}

/**
 * Each placeholder renders once per case it sits in, and a plural or select
 * renders one case: the output is at most the message's text plus, for every
 * `{` and `#`, the longest value, a placeholder name or a formatted number
 * (Intl writes at most a few hundred characters).
 */
function bound(template: string, params: object): number {
  let longest = 0
  try {
    for (const value of Object.values(params)) longest = Math.max(longest, textLength(value))
  } catch {
    // A params object that cannot be read shows none of its values.
  }
  const slots = (template.match(/[{#]/g) ?? []).length
  return template.length + slots * (longest + template.length + 1_000)
}

function render(template: string, params: object, tag: string): void {
  const parsed = parseMessage(template)
  if (!parsed.ok) {
    assert.ok(parsed.offset >= 0 && parsed.offset <= template.length, `offset ${parsed.offset}`)
    assert.equal(typeof parsed.reason, 'string')
    return
  }
  const message = compileMessage(template)
  const out = formatMessage(message, params, tag)
  assert.equal(typeof out, 'string')
  assert.ok(out.length <= bound(template, params), `${out.length} characters`)
}

describe('formatMessage never throws and stays bounded', () => {
  it('on arbitrary ICU text', () => {
    fc.assert(
      fc.property(icuSoup, paramsSpec, locale, (t, p, l) => render(t, paramsOf(p), l)),
      fuzz(400),
    )
  })

  it('on messages of every ICU construct, with hostile params', () => {
    fc.assert(
      fc.property(icuMessage, paramsSpec, locale, (t, p, l) => render(t, paramsOf(p), l)),
      fuzz(600),
    )
  })

  it('on number and date options Intl rejects, as a hand-edited module may hold', () => {
    const part = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.record({
        type: fc.constantFrom('arg', 'number', 'date', 'time'),
        name: fc.constantFrom(...NAMES),
      }),
      fc.record({
        type: fc.constant('number'),
        name: fc.constantFrom(...NAMES),
        options: fc.dictionary(fc.string({ maxLength: 24 }), fc.jsonValue({ maxDepth: 1 }), {
          maxKeys: 3,
        }),
        scale: fc.double(),
      }),
      fc.constant({ type: 'pound' }),
    )
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), paramsSpec, locale, (parts, params, tag) => {
        const message = parts as Parameters<typeof formatMessage>[0]
        const out = formatMessage(message, paramsOf(params), tag)
        assert.equal(typeof out, 'string')
      }),
      fuzz(400),
    )
  })
})
