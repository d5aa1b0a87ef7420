import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ErrorDefinition } from './definition.ts'
import {
  buildChain,
  createLocaleNegotiator,
  parseAcceptLanguage,
  pickTranslation,
} from './locale.ts'

describe('parseAcceptLanguage', () => {
  it('orders ranges by weight, keeping the client order on ties, and drops q=0', () => {
    assert.deepEqual(
      parseAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5, ja;q=0').map((r) => r.tag),
      ['fr-CH', 'fr', 'en', 'de', '*'],
    )
    assert.deepEqual(
      parseAcceptLanguage('de;q=0.5, en, fr;q=0.5').map((r) => r.tag),
      ['en', 'de', 'fr'],
    )
  })

  it('ignores malformed entries and weights instead of failing', () => {
    assert.deepEqual(
      parseAcceptLanguage('en;q=2, fr;q=abc, <script>, de-DE;Q=0.4, , es').map((r) => r.tag),
      ['es', 'de-DE'],
    )
    assert.deepEqual(parseAcceptLanguage(''), [])
  })

  it('drops a range longer than any language tag, which negotiation would truncate once per subtag', () => {
    // 16 KB fit in Node's default header limit; each of their 5,000 subtags would be one truncation.
    const long = `${'xx-'.repeat(5_400)}fr`
    assert.deepEqual(
      parseAcceptLanguage(`${long}, de;q=0.5`).map((r) => r.tag),
      ['de'],
    )
    const longest = `de-${'abcdefgh-'.repeat(13)}abcdefgh`
    assert.equal(longest.length, 128)
    assert.deepEqual(
      parseAcceptLanguage(longest).map((r) => r.tag),
      [longest],
    )
    assert.deepEqual(parseAcceptLanguage(`x${longest}`), [])
    assert.deepEqual(createLocaleNegotiator({ available: ['de'] }, 'en')(longest), ['de', 'en'])
  })
})

describe('createLocaleNegotiator', () => {
  const negotiate = createLocaleNegotiator(
    { available: ['en', 'pt', 'fr', 'es-419'], fallback: { 'pt-BR': ['pt', 'en'] } },
    'en',
  )

  it('answers the default chain without a header', () => {
    assert.deepEqual(negotiate(undefined), ['en'])
    assert.deepEqual(negotiate(''), ['en'])
  })

  it('matches exactly, case-insensitively, and returns the catalog spelling', () => {
    assert.deepEqual(negotiate('FR'), ['fr', 'en'])
    assert.deepEqual(negotiate('ES-419'), ['es-419', 'es', 'en'])
  })

  it('falls back by truncation: pt-PT → pt', () => {
    assert.deepEqual(negotiate('pt-PT'), ['pt', 'en'])
    assert.deepEqual(negotiate('fr-CA;q=1, en;q=0.5'), ['fr', 'en'])
  })

  it('uses the catalog fallback chain of a locale it knows only by its chain', () => {
    assert.deepEqual(negotiate('pt-BR'), ['pt-BR', 'pt', 'en'])
  })

  it('lets a language range pick a regional locale when that is all the catalog has', () => {
    assert.deepEqual(negotiate('es'), ['es-419', 'es', 'en'])
  })

  it('goes down the weighted list, and takes the default for `*` or no match', () => {
    assert.deepEqual(negotiate('ja, fr;q=0.3'), ['fr', 'en'])
    assert.deepEqual(negotiate('ja, *;q=0.5, fr;q=0.3'), ['en'])
    assert.deepEqual(negotiate('ja, ko'), ['en'])
  })

  it('caches per header value without growing without bound', () => {
    for (let i = 0; i < 2000; i++) negotiate(`x-${i}`)
    assert.deepEqual(negotiate('fr'), ['fr', 'en'])
  })
})

describe('buildChain and pickTranslation', () => {
  const definition = (messages: Record<string, string>): ErrorDefinition => ({
    catalog: { id: 'T', locale: 'en' },
    symbol: 'X',
    status: 400,
    title: 'X',
    message: 'x',
    messages,
    expose: true,
    stack: false,
    retry: 'never',
    type: 'about:blank',
  })

  it('puts explicit fallbacks before truncations and the default last', () => {
    assert.deepEqual(buildChain('zh-Hant-TW', { 'zh-Hant-TW': ['zh-TW'] }, 'en'), [
      'zh-Hant-TW',
      'zh-TW',
      'zh-Hant',
      'zh',
      'en',
    ])
    assert.deepEqual(buildChain('en', {}, 'en'), ['en'])
  })

  it('picks the first locale of the chain the error is translated into', () => {
    assert.equal(pickTranslation(definition({ pt: 'p' }), ['pt-BR', 'pt', 'en']), 'pt')
    assert.equal(pickTranslation(definition({ fr: 'f' }), ['pt-BR', 'pt', 'en']), 'en')
    assert.equal(
      pickTranslation(definition({ 'pt-BR': 'b', pt: 'p' }), ['pt-BR', 'pt', 'en']),
      'pt-BR',
    )
  })
})
