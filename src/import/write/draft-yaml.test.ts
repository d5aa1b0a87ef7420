// The direct writer against the yaml Document it replaces: the same text,
// byte for byte, on drafts with awkward strings everywhere a draft holds one
// (keys, block values, flow maps and sequences, the header), awkward numbers,
// and values the draft's types do not foresee. The real pages are compared in
// test/import/draft-yaml-corpus.test.ts.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import type { Draft } from '../draft/build-draft.ts'
import { draftDocument } from './draft-document.ts'
import { draftYaml } from './draft-yaml.ts'
import { writeDraft } from './write-draft.ts'
import { NotPlainData } from './yaml-text.ts'

// Pieces that change how YAML writes a scalar: indicators, line breaks, quotes,
// escapes, document markers, words and numbers of other types, non-BMP text.
const PIECES = [
  'a',
  'Z',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '\r',
  ':',
  ': ',
  '#',
  ' #',
  '-',
  '- ',
  '?',
  '? ',
  ',',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '\\',
  '|',
  '>',
  '!',
  '&',
  '*',
  '%',
  '@',
  '`',
  '.',
  '0',
  '12',
  '1e3',
  '0x1F',
  '0o7',
  '~',
  'null',
  'true',
  'False',
  '.inf',
  '.nan',
  '---',
  '...',
  '\u0000',
  '\u0007',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ud83d\ude00',
  '\ud800',
  'é',
  '错误',
  '\ufeff',
  '=',
]
const pieced = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join(''))
const text = fc.oneof(
  { weight: 3, arbitrary: pieced },
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', 'ERROR_OK', 'Request 1 failed: the item is not valid'),
)
// A key this long is written as `? key`, which the direct writer leaves to the Document.
const long = fc.oneof({ weight: 20, arbitrary: text }, fc.constant('x'.repeat(1030)))
const number = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1e21, 1.5, -1e-7, Number.NaN, Number.POSITIVE_INFINITY),
)
const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null))
const plain = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(text, fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 3 }),
  ),
})).value
const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })

const error = fc.record(
  {
    code: fc.oneof(fc.integer(), number),
    key: text,
    status: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 100, max: 599 }) }, plain),
    title: long,
    message: long,
    params: fc.dictionary(text, fc.record({ type: fc.constantFrom('string', 'number') })),
    description: text,
    messages: fc.dictionary(text, text, { maxKeys: 2 }),
    source: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          { file: text, line: fc.nat(), anchor: text, label: text },
          { requiredKeys: ['line'] },
        ),
      },
      plain,
    ),
    extra: plain,
  },
  { requiredKeys: ['status', 'title', 'source'] },
)

const draft = fc
  .record({
    groups: sometimes(
      fc.dictionary(
        text,
        fc.record(
          {
            title: text,
            description: text,
            range: fc.oneof({ weight: 4, arbitrary: fc.tuple(number, number) }, plain),
            prefix: text,
          },
          { requiredKeys: ['title'] },
        ),
        { maxKeys: 3 },
      ),
    ),
    errors: fc.dictionary(long, error, { maxKeys: 5 }),
    skipped: sometimes(
      fc.array(
        fc.oneof(
          {
            weight: 4,
            arbitrary: fc.record({
              line: fc.nat(),
              reason: fc.constantFrom('empty-row', 'unparsed'),
              raw: sometimes(text),
            }),
          },
          plain,
        ),
        { maxLength: 3 },
      ),
    ),
    files: fc.array(fc.record({ file: text, format: text }), { minLength: 1, maxLength: 2 }),
    guessed: fc.array(fc.boolean(), { maxLength: 5 }),
  })
  .map(({ groups, errors, skipped, files, guessed }): Draft => {
    const symbols = Object.keys(errors)
    return {
      catalog: {
        $schema: './node_modules/errcat/schema/errcat.schema.json',
        errcat: 1,
        ...(groups ? { groups } : {}),
        errors,
        imported: { from: files.map((f) => f.file).join(', '), ...(skipped ? { skipped } : {}) },
      } as unknown as Draft['catalog'],
      report: [],
      guessedStatus: new Map(
        symbols.filter((_, i) => guessed[i]).map((s) => [s, 'status 400 from "invalid"']),
      ),
      inputs: files.map((f) => ({ ...f, errors: 0 })),
    }
  })

describe('draftYaml', () => {
  it('writes what the yaml Document writes, or leaves the draft to it', () => {
    let direct = 0
    let runs = 0
    fc.assert(
      fc.property(draft, (d) => {
        runs++
        let text: string
        try {
          text = draftYaml(d)
        } catch (error) {
          if (!(error instanceof NotPlainData)) throw error
          return
        }
        direct++
        assert.equal(text, draftDocument(d))
      }),
      { numRuns: 1500 },
    )
    // Most drafts, awkward as they are, take the direct way.
    assert.ok(direct > runs / 2, `${direct} of ${runs} written directly`)
  })

  it('leaves an object written twice to the Document, which writes an alias', () => {
    const shared = { type: 'string' }
    const d: Draft = {
      catalog: {
        $schema: 'x',
        errcat: 1,
        errors: {
          A: { status: 400, title: 'A', params: { p: shared }, source: { line: 1 } },
          B: { status: 400, title: 'B', params: { p: shared }, source: { line: 2 } },
        },
        imported: { from: 'page' },
      } as unknown as Draft['catalog'],
      report: [],
      guessedStatus: new Map(),
      inputs: [{ file: 'page', format: 'markdown', errors: 2 }],
    }
    assert.throws(() => draftYaml(d), NotPlainData)
    assert.match(writeDraft(d), /p: &a1\n/)
  })
})
