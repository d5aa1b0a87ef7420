// `errcat check` reads catalogs from pull requests: whatever the text (random
// characters, YAML and JSON syntax soup, anchors and aliases, deep nesting,
// odd Unicode, huge strings, real catalogs mutated line by line), loading and
// linting return findings that point at file:line:column and never throw,
// which the CLI would report as an internal error.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { fuzz } from '../../test/fuzz-settings.ts'
import { mutate, mutation } from '../../test/text-mutations.ts'
import { checkFile } from '../check/check.ts'

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname
const ROOTS = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(EXAMPLES, d.name, 'errors.yaml'))
  .filter((p) => {
    try {
      readFileSync(p)
      return true
    } catch {
      return false
    }
  })
const TEXTS = new Map(ROOTS.map((r) => [r, readFileSync(r, 'utf8')]))

const SEVERITIES = new Set(['error', 'warning', 'info'])

const YAML_TOKENS = [
  '\n',
  '\r\n',
  '  ',
  '- ',
  ': ',
  '? ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '#',
  '&a ',
  '*a',
  '<<: *a',
  '!!binary ',
  '!!str ',
  '!custom ',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  '|\n',
  '>-\n',
  '\t',
  '\\u0000',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '\uD800',
  '😀',
  'é',
  'errcat: 1\n',
  'api:\n  name: Demo\n',
  'errors:\n',
  '  NOT_FOUND:\n',
  '    code: 404\n',
  '    status: 404\n',
  '    title: Not found\n',
  '    message: "Item {id} not found"\n',
  '    message: "{n, plural, one {# item} other {# items}}"\n',
  '    params: { id: { type: string } }\n',
  'groups:\n  g: { title: G, range: [1, 9] }\n',
  'include: [other.yaml]\n',
  'include: [../../package.json]\n',
  'locales: { default: en, available: [en, fr] }\n',
  'envelope: { preset: problem }\n',
  "envelope: { body: { c: '{{ error.code | upper }}' } }\n",
  'rules: { duplicate-code: off }\n',
  'null',
  '~',
  '1e999',
  '0x1F',
  '-.inf',
  '.nan',
  'true',
  '2025-01-01',
]

const soup = fc
  .array(fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.string({ maxLength: 6 })), {
    maxLength: 120,
  })
  .map((parts) => parts.join(''))

/** Structures: deep nesting, wide aliases, a huge scalar. */
const extreme = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{a: ', '- ', '  a:\n'))
    .map(([depth, open]) =>
      open.endsWith('\n')
        ? `errors:\n${Array.from({ length: Math.min(depth, 2_000) }, (_, i) => `${' '.repeat(i + 1)}a:\n`).join('')}`
        : `errors: ${open.repeat(depth)}`,
    ),
  fc.integer({ min: 1, max: 12 }).map((levels) => {
    const lines = ['a0: &a0 [x, x, x, x]']
    for (let i = 1; i < levels; i++)
      lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}]`)
    return `${lines.join('\n')}\nerrors: *a${levels - 1}\n`
  }),
  fc.constantFrom(
    'envelope: { body: &a { x: *a } }\n',
    'envelope: { body: [&a [1, *a]] }\n',
    'api: &a { name: *a }\n',
    'errors: &a { A: { code: 1, status: 400, title: A, examples: [*a] } }\n',
  ),
  fc
    .constantFrom('x', 'é', '😀', '{', "'")
    .map(
      (c) =>
        `api: { name: Demo }\nerrors:\n  A: { code: 1, status: 400, title: "${c.repeat(200_000)}" }\n`,
    ),
)

/** Catalogs as data: random entries of the right and wrong types, written as YAML or JSON. */
const anyValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
)
const message = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    'Item {id} not found',
    '{n, plural, one {# item} other {# items}}',
    '{n, number, ::currency/ABCDE}',
    '{kind, select, a {A} other {{id}}}',
    '{unclosed',
    "it''s '{'",
  ),
)
const entry = fc.record(
  {
    code: fc.oneof(fc.integer({ min: -5, max: 100_000 }), anyValue),
    key: fc.oneof(fc.constantFrom('not_found', 'a.b:c', 'A'), anyValue),
    status: fc.oneof(fc.constantFrom(200, 400, 404, 429, 500, 599, 600), anyValue),
    title: fc.oneof(fc.string({ maxLength: 20 }), anyValue),
    message,
    params: fc.dictionary(
      fc.constantFrom('id', 'n', 'kind', '__proto__', 'constructor', '1x'),
      fc.oneof(
        fc.record(
          {
            type: fc.constantFrom('string', 'integer', 'enum', 'date'),
            values: fc.array(fc.string({ maxLength: 3 })),
          },
          { requiredKeys: ['type'] },
        ),
        anyValue,
      ),
    ),
    group: fc.constantFrom('g', 'missing', ''),
    retry: fc.oneof(
      fc.constantFrom('never', 'safe', 'always'),
      fc.record({ after: anyValue }),
      fc.record({ afterParam: fc.constantFrom('n', 'missing') }),
    ),
    messages: fc.dictionary(fc.constantFrom('fr', 'pt-BR', 'x', 'en'), message),
    deprecated: fc.oneof(fc.boolean(), fc.string({ maxLength: 8 })),
    replacedBy: fc.constantFrom('A', 'B', 'MISSING'),
  },
  { requiredKeys: [] },
)
const catalogData = fc.record(
  {
    errcat: fc.oneof(fc.constant(1), anyValue),
    api: fc.record(
      {
        name: fc.oneof(fc.string({ maxLength: 10 }), anyValue),
        docs: fc.constantFrom('https://d.example/errors', 'javascript:alert(1)', '/rel'),
      },
      { requiredKeys: [] },
    ),
    groups: fc.dictionary(
      fc.constantFrom('g', 'h'),
      fc.record(
        {
          title: fc.string({ maxLength: 5 }),
          range: fc.tuple(fc.integer({ min: -1, max: 50 }), fc.integer({ min: -1, max: 50 })),
          prefix: fc.constantFrom('a_', ''),
          status: fc.constantFrom(400, 'x'),
        },
        { requiredKeys: [] },
      ),
    ),
    locales: fc.record(
      {
        default: fc.constantFrom('en', 'fr', 'x'),
        available: fc.array(fc.constantFrom('en', 'fr', 'pt-BR', '1')),
      },
      { requiredKeys: [] },
    ),
    envelope: fc.oneof(
      fc.constantFrom(
        { preset: 'problem' },
        { preset: 'nope' },
        { body: { c: '{{ error.code | nope }}' } },
        { body: { c: '{{ error.' } },
      ),
      anyValue,
    ),
    errors: fc.oneof(
      fc.dictionary(fc.constantFrom('A', 'B', 'NOT_FOUND', 'bad name', '__proto__'), entry, {
        maxKeys: 4,
      }),
      anyValue,
    ),
    rules: fc.dictionary(
      fc.constantFrom('duplicate-code', 'no-such-rule'),
      fc.constantFrom('off', 'error', 'loud'),
    ),
  },
  { requiredKeys: [] },
)
const written = fc
  .tuple(catalogData, fc.boolean())
  .map(([data, json]) => (json ? JSON.stringify(data, null, 2) : stringify(data)))

/** Loads and checks `text` as the catalog at `root` (its includes and locale files stay on disk). */
async function check(root: string, text: string): Promise<void> {
  const result = await checkFile(root, {
    cwd: EXAMPLES,
    readText: (p) => (p === root ? Promise.resolve(text) : readFile(p, 'utf8')),
  })
  assert.ok([0, 1, 2].includes(result.exitCode))
  assert.equal(result.loadFailed, result.exitCode === 2)
  if (result.loadFailed) assert.ok(result.findings.length > 0, 'a failed load says why')
  const rootName = root.slice(EXAMPLES.length)
  const lines = text.split(/\r\n|\r|\n/).length
  for (const f of result.findings) {
    assert.equal(typeof f.rule, 'string')
    assert.ok(SEVERITIES.has(f.severity), f.severity)
    assert.ok(typeof f.message === 'string' && f.message !== '', `${f.rule} without a message`)
    assert.ok(Number.isInteger(f.line) && f.line >= 1, `${f.rule}: line ${f.line}`)
    assert.ok(Number.isInteger(f.column) && f.column >= 1, `${f.rule}: column ${f.column}`)
    if (f.file === rootName) assert.ok(f.line <= lines + 1, `${f.rule}: line ${f.line} of ${lines}`)
    if (!text.includes('[object Object]'))
      assert.ok(!f.message.includes('[object Object]'), `${f.rule}: ${f.message}`)
  }
}

const root = fc.constantFrom(...ROOTS)

describe('loading and checking never throw, whatever the catalog text', () => {
  it(`${ROOTS.length} example catalogs load as they are`, async () => {
    assert.ok(ROOTS.length >= 7)
    for (const r of ROOTS) await check(r, TEXTS.get(r)!)
  })

  it('on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(
        root,
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
        ),
        check,
      ),
      fuzz(40),
    )
  })

  it('on YAML and catalog syntax soup', async () => {
    await fc.assert(fc.asyncProperty(root, soup, check), fuzz(200))
  })

  it('on deep nesting, alias expansion and huge strings', async () => {
    await fc.assert(fc.asyncProperty(root, extreme, check), fuzz(12))
  })

  it('on catalogs of random entries, as YAML and as JSON', async () => {
    await fc.assert(fc.asyncProperty(root, written, check), fuzz(120))
  })

  it('on the example catalogs mutated line by line', async () => {
    await fc.assert(
      fc.asyncProperty(
        root,
        fc.array(mutation(YAML_TOKENS), { minLength: 1, maxLength: 6 }),
        (r, ms) => check(r, mutate(TEXTS.get(r)!, ms)),
      ),
      fuzz(40),
    )
  })
})
