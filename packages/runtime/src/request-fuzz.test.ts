// What the adapters read from a request before they answer with an error:
// `X-Request-Id` and `Accept-Language`. Whatever a client sends (any text,
// 100 KB values, near-misses of the rules), a request id is echoed only when
// it keeps the rule (1 to 128 of `A-Za-z0-9-_.:`, or an app's rule above the
// header-safe floor), else replaced by a fresh UUID; the negotiated locale is
// always one of the catalog's; and the handler answers without throwing.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { fuzz } from '../../../test/fuzz-settings.ts'
import { allErrors, catalog } from '../../../test/http/fixtures/errors.generated.ts'
import { createErrorHandler } from './handle.ts'
import { createLocaleNegotiator, parseAcceptLanguage } from './locale.ts'
import { resolveRequestId } from './request-id.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const DEFAULT_RULE = /^[A-Za-z0-9\-_.:]{1,128}$/
const FLOOR = /^[\x21\x23-\x26\x28-\x3b\x3d\x3f-\x7e]{1,256}$/

const ID_CHARS = 'aZ09-_.:'
/** Ids near the rule's edges: valid characters around one that is not, lengths 127 to 129. */
const requestId = fc.oneof(
  fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 140 }),
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...ID_CHARS), maxLength: 130 }),
      fc.oneof(
        fc.constantFrom(
          ' ',
          '\r\n',
          '\n',
          '\t',
          '\u0000',
          '"',
          "'",
          '<',
          '>',
          '/',
          '=',
          ';',
          '\u007f',
          'é',
          '😀',
        ),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }),
      ),
      fc.nat(),
    )
    .map(([id, bad, at]) => {
      const i = at % (id.length + 1)
      return id.slice(0, i) + bad + id.slice(i)
    }),
  fc.integer({ min: 125, max: 260 }).map((n) => 'a'.repeat(n)),
  fc.constantFrom('', 'x'.repeat(100_000), `${'a'.repeat(128)}\r\nSet-Cookie: x=1`),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
)

const LOCALES = ['en', 'fr', 'pt-PT', 'pt-BR', 'de', 'de-CH', 'zh-Hant-TW', 'x-private', 'ja']
const range = fc.oneof(
  fc.constantFrom(...LOCALES, '*', 'pt', 'zh', 'zh-Hant', 'EN', 'Fr-ca', 'i-klingon', 'x'),
  fc.stringMatching(/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,3}$/),
  fc.string({ maxLength: 12 }),
)
const weight = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    ';q=0',
    ';q=1',
    ';q=0.5',
    ';q=0.001',
    ';q=1.000',
    ' ; Q = 0.8 ',
    ';q=2',
    ';q=-1',
    ';q=abc',
    ';q=',
    ';x=1',
    ';q=0.0001',
    ';q=1e0',
  ),
)
/** Accept-Language values: lists of ranges with weights, junk between them, and very long ones. */
const acceptLanguage = fc.oneof(
  fc
    .array(fc.tuple(range, weight), { maxLength: 40 })
    .chain((entries) =>
      fc
        .constantFrom(',', ', ', ' ,', ',,', ';')
        .map((sep) => entries.map(([r, w]) => `${r}${w}`).join(sep)),
    ),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    `${'en-'.repeat(30_000)}en`,
    `${'fr;q=0.1,'.repeat(20_000)}de`,
    ','.repeat(100_000),
  ),
)

const catalogLocales = fc.record({
  defaultLocale: fc.constantFrom('en', 'fr', 'pt-PT'),
  available: fc.uniqueArray(fc.constantFrom(...LOCALES), { maxLength: 5 }),
  fallback: fc.dictionary(
    fc.constantFrom(...LOCALES),
    fc.uniqueArray(fc.constantFrom(...LOCALES), { maxLength: 3 }),
    { maxKeys: 3 },
  ),
})

describe('request ids', () => {
  it('are echoed exactly when the default rule holds, else replaced by a UUID', () => {
    fc.assert(
      fc.property(requestId, (id) => {
        const resolved = resolveRequestId(id)
        if (DEFAULT_RULE.test(id)) assert.equal(resolved, id)
        else {
          assert.match(resolved, UUID)
          assert.notEqual(resolved, id)
        }
      }),
      fuzz(2000),
    )
  })

  it("pass an app's rule only above the header-safe floor; a throwing rule rejects", () => {
    const rules = [
      () => true,
      (id: string) => id.length % 2 === 0,
      () => 'yes' as unknown as boolean,
      () => {
        throw new Error('rule')
      },
    ]
    fc.assert(
      fc.property(requestId, fc.nat(rules.length - 1), (id, r) => {
        const rule = rules[r]!
        let accepted = false
        try {
          accepted = rule(id) === true
        } catch {}
        const resolved = resolveRequestId(id, rule)
        if (accepted && FLOOR.test(id)) assert.equal(resolved, id)
        else assert.match(resolved, UUID)
      }),
      fuzz(1000),
    )
  })

  it('are never read from values that are not one string', () => {
    const values = fc.oneof(
      fc.array(fc.constantFrom('abc', 'def'), { maxLength: 3 }),
      fc.integer(),
      fc.constantFrom(null, undefined, true, { toString: () => 'abc' }),
    )
    fc.assert(
      fc.property(values, (value) => assert.match(resolveRequestId(value), UUID)),
      fuzz(200),
    )
  })
})

describe('Accept-Language', () => {
  it('parses at most 32 ranges, each a well-formed tag of at most 128 characters with a weight in (0, 1]', () => {
    fc.assert(
      fc.property(acceptLanguage, (header) => {
        const ranges = parseAcceptLanguage(header)
        assert.ok(ranges.length <= 32)
        for (const { tag, q } of ranges) {
          assert.match(tag, /^(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/)
          assert.ok(tag.length <= 128, `a range of ${tag.length} characters`)
          assert.ok(q > 0 && q <= 1, `q=${q}`)
        }
        for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i - 1]!.q >= ranges[i]!.q)
      }),
      fuzz(1000),
    )
  })

  it("always negotiates one of the catalog's locales, with the default in its chain", () => {
    fc.assert(
      fc.property(
        catalogLocales,
        fc.array(acceptLanguage, { minLength: 1, maxLength: 5 }),
        (c, headers) => {
          const negotiate = createLocaleNegotiator(
            { available: c.available, fallback: c.fallback },
            c.defaultLocale,
          )
          const known = new Set([c.defaultLocale, ...c.available, ...Object.keys(c.fallback)])
          for (const header of [...headers, null, undefined, '']) {
            const chain = negotiate(header)
            assert.ok(
              known.has(chain[0]!),
              `${chain[0]} for ${JSON.stringify(header?.slice(0, 80))}`,
            )
            assert.ok(chain.includes(c.defaultLocale))
            assert.equal(negotiate(header), chain)
          }
        },
      ),
      fuzz(500),
    )
  })
})

describe('the error handler on random request headers', () => {
  const handle = createErrorHandler(catalog, { telemetry: false })
  const available = new Set(['en', 'fr', 'pt-PT', 'de'])
  const errors = Object.values(allErrors)
  const thrown = fc.oneof(
    fc.constantFrom(...errors).map((factory) => ({ factory })),
    fc.constant({ factory: undefined }),
  )
  const headerSource = fc.constantFrom('record', 'array', 'Headers', 'function')

  it('answers with a catalog locale, and echoes only well-formed ids', () => {
    fc.assert(
      fc.property(
        thrown,
        requestId,
        acceptLanguage,
        headerSource,
        fc.string({ maxLength: 20 }),
        ({ factory }, id, language, source, hint) => {
          const error = factory
            ? (factory as (p: object) => unknown)({ hint, seconds: 3, until: 'noon' })
            : new Error('boom')
          const record: Record<string, string | string[]> = {
            'x-request-id': source === 'array' ? [id] : id,
            'accept-language': language,
          }
          let headers: Parameters<typeof handle>[1]['headers'] = record
          // The id as the framework hands it over: fetch trims the whitespace around a value.
          let sent: string | null = id
          if (source === 'function') headers = (name: string) => record[name]
          if (source === 'Headers') {
            const h = new Headers()
            for (const [name, value] of Object.entries(record)) {
              try {
                h.set(name, value as string)
              } catch {
                // fetch refuses values that are not header values: none can arrive.
              }
            }
            headers = h
            sent = h.get('x-request-id')
          }
          const response = handle(error, { method: 'GET', path: '/x', headers })
          assert.ok(available.has(response.headers['content-language']!))
          const echoed = response.headers['x-request-id']!
          if (echoed !== sent) assert.match(echoed, UUID)
          else assert.match(sent, DEFAULT_RULE)
          assert.equal(response.requestId, echoed)
          assert.ok(response.body.includes(JSON.stringify(echoed)))
          if (sent !== null && !DEFAULT_RULE.test(sent) && sent.length >= 8)
            assert.ok(!response.body.includes(sent), 'a rejected id reached the body')
        },
      ),
      fuzz(500),
    )
  })
})
