import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { compileMessage } from '../../../src/emit/message-ast.ts'
import { formatMessage } from './format-message.ts'

// Messages go through the real build step (ICU → AST), as in a generated module.
const format = (template: string, params: Record<string, unknown>, locale = 'en') =>
  formatMessage(compileMessage(template), params, locale)

describe('formatMessage', () => {
  it('returns a literal message as is, and interpolates arguments', () => {
    assert.equal(compileMessage('Token is not valid'), 'Token is not valid')
    assert.equal(format('Token {hint} is not valid', { hint: 'ab12' }), 'Token ab12 is not valid')
    assert.equal(format("It''s '{'literal'}'", {}), "It's {literal}")
  })

  it('prints a missing argument as its placeholder instead of throwing', () => {
    assert.equal(format('Token {hint} is not valid', {}), 'Token {hint} is not valid')
    assert.equal(format('{n, number} items', {}), '{n} items')
    assert.equal(format('{n, plural, one {# item} other {# items}}', {}), '{n}')
  })

  it('never reads inherited members as params or cases', () => {
    assert.equal(format('{constructor}', {}), '{constructor}')
    assert.equal(
      format('{kind, select, book {a book} other {something}}', { kind: 'constructor' }),
      'something',
    )
  })

  it('formats numbers per locale, with ICU styles and skeletons', () => {
    assert.equal(format('{n, number}', { n: 1234.5 }), '1,234.5')
    assert.equal(format('{n, number}', { n: 1234.5 }, 'de'), '1.234,5')
    assert.equal(format('{n, number, integer}', { n: 3.7 }), '4')
    assert.equal(format('{n, number, percent}', { n: 0.25 }), '25%')
    assert.equal(format('{n, number, ::currency/EUR}', { n: 5 }, 'en'), '€5.00')
    assert.equal(format('{n, number}', { n: '12' }), '12')
  })

  it('chooses plural cases: exact `=N` first, then the locale category, with `#`', () => {
    const message = '{n, plural, =0 {no items} one {# item} other {# items}}'
    assert.equal(format(message, { n: 0 }), 'no items')
    assert.equal(format(message, { n: 1 }), '1 item')
    assert.equal(format(message, { n: 1000 }), '1,000 items')
    // French puts 0 and 1 in `one`.
    const fr = '{n, plural, one {# article} other {# articles}}'
    assert.equal(format(fr, { n: 0 }, 'fr'), '0 article')
    assert.equal(format(fr, { n: 2 }, 'fr'), '2 articles')
  })

  it('applies a plural offset to categories and `#`, not to `=N`', () => {
    const message =
      '{count, plural, offset:1 =0 {nobody} =1 {{host}} one {{host} and # other} other {{host} and # others}}'
    assert.equal(format(message, { count: 0, host: 'Ana' }), 'nobody')
    assert.equal(format(message, { count: 1, host: 'Ana' }), 'Ana')
    assert.equal(format(message, { count: 2, host: 'Ana' }), 'Ana and 1 other')
    assert.equal(format(message, { count: 5, host: 'Ana' }), 'Ana and 4 others')
  })

  it('formats selectordinal with the ordinal rules of the locale', () => {
    const message = '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}'
    assert.deepEqual(
      [1, 2, 3, 4, 11, 21, 112].map((n) => format(message, { n })),
      ['1st', '2nd', '3rd', '4th', '11th', '21st', '112th'],
    )
  })

  it('selects by value, with `other` as the fallback, also for booleans and nesting', () => {
    const message =
      '{kind, select, book {{n, plural, one {# book} other {# books}}} other {{n, plural, one {# item} other {# items}}}}'
    assert.equal(format(message, { kind: 'book', n: 2 }), '2 books')
    assert.equal(format(message, { kind: 'pen', n: 1 }), '1 item')
    assert.equal(format('{on, select, true {on} other {off}}', { on: true }), 'on')
    assert.equal(format('{on, select, true {on} other {off}}', { on: false }), 'off')
  })

  it('replaces `#` directly inside plural cases only, as the ICU parser decides', () => {
    assert.equal(format('Issue #{id}', { id: 7 }), 'Issue #7')
    assert.equal(format('{n, plural, other {# (#{id})}}', { n: 2, id: 7 }), '2 (27)')
    const nested = '{n, plural, other {{g, select, f {# femmes} other {# hommes}}}}'
    assert.equal(format(nested, { n: 3, g: 'f' }, 'fr'), '# femmes')
  })

  it('formats dates and times from epoch milliseconds or ISO strings', () => {
    const date = Date.UTC(2025, 0, 15, 12, 0, 0)
    const utc = { timeZone: 'UTC' }
    // The AST carries Intl options; a build-time skeleton can pin the zone, a style cannot.
    assert.equal(
      formatMessage(
        [{ type: 'date', name: 'd', options: { dateStyle: 'long', ...utc } }],
        { d: date },
        'en',
      ),
      'January 15, 2025',
    )
    assert.equal(
      formatMessage(
        [{ type: 'date', name: 'd', options: { dateStyle: 'short', ...utc } }],
        { d: '2025-01-15T12:00:00Z' },
        'fr',
      ),
      '15/01/2025',
    )
    assert.match(format('{d, date, short}', { d: date }), /1\/15\/25/)
    assert.match(format('at {t, time, short}', { t: date }), /^at \d{1,2}:\d{2}/)
    assert.equal(format('{d, date}', { d: 'not a date' }), 'not a date')
  })

  it('prints a value it cannot read or turn into text as its placeholder', () => {
    const throwing = {
      toString() {
        throw new Error('toString')
      },
    }
    const { proxy: revoked, revoke } = Proxy.revocable({}, {})
    revoke()
    // A null-prototype object is what query-string parsers give: it has no toString.
    for (const value of [Object.create(null), throwing, revoked]) {
      assert.equal(format('Value {v}.', { v: value }), 'Value {v}.')
      assert.equal(format('{v, number}', { v: value }), '{v}')
      assert.equal(format('{v, date}', { v: value }), '{v}')
      assert.equal(format('{v, select, a {A} other {O}}', { v: value }), 'O')
    }
    const getter = Object.defineProperty({}, 'v', {
      enumerable: true,
      get() {
        throw new Error('getter')
      },
    })
    assert.equal(format('Value {v}.', getter), 'Value {v}.')
    assert.equal(formatMessage(compileMessage('Value {v}.'), revoked, 'en'), 'Value {v}.')
  })

  it('formats with the default options when Intl rejects those of the module', () => {
    // The build refuses such skeletons (load/icu-syntax); a hand-edited module may still hold them.
    const number = (options: Intl.NumberFormatOptions) =>
      formatMessage([{ type: 'number', name: 'n', options }], { n: 1234 }, 'en')
    assert.equal(number({ style: 'currency', currency: 'ABCDE' }), '1,234')
    assert.equal(number({ style: 'unit', unit: 'furlong' }), '1,234')
    assert.equal(number({ minimumFractionDigits: 150, maximumFractionDigits: 150 }), '1,234')
    assert.equal(
      formatMessage(
        [{ type: 'date', name: 'd', options: { timeZone: 'Mars/Olympus' } }],
        { d: 0 },
        'en',
      ),
      new Intl.DateTimeFormat('en').format(0),
    )
  })

  it('falls back to the default locale when Intl rejects a locale tag', () => {
    assert.equal(format('{n, number}', { n: 1000 }, 'not a locale!'), (1000).toLocaleString())
  })
})
