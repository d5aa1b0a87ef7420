import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { loadCatalog } from './load.ts'

let dir: string

async function files(entries: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(dir, 'case-'))
  for (const [name, text] of Object.entries(entries)) await writeFile(join(folder, name), text)
  return folder
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-load-'))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('loadCatalog', () => {
  test('applies defaults: group status, expose, stack, retry, anchors and problem types', async () => {
    const folder = await files({
      'errors.yaml': `
api: { name: Demo API, docs: https://docs.example.com/errors }
groups:
  auth: { title: Auth, range: [1000, 1999], status: 401 }
  limits: { title: Limits, prefix: rate_limit_, status: 429 }
errors:
  BAD_TOKEN: { code: 1001, title: Bad token, links: [{ title: Guide, url: /guides/auth }] }
  RATE_LIMIT_MINUTE:
    key: rate_limit_minute
    title: Too many requests
    rateLimit: { policy: minute, quota: 60, window: 60 }
  CRASHED: { code: 1, status: 500, title: Internal error, internal: true }
`,
    })
    const { catalog, findings } = await loadCatalog(join(folder, 'errors.yaml'), { cwd: folder })
    assert.deepEqual(findings, [])
    const [token, limit, crash] = catalog!.errors
    assert.equal(token!.status, 401)
    assert.equal(token!.group, 'auth')
    assert.equal(token!.expose, true)
    assert.equal(token!.stack, false)
    assert.deepEqual(token!.retry, { kind: 'never' })
    assert.equal(token!.problemType, 'https://docs.example.com/errors#1001')
    assert.equal(token!.links[0]!.url, 'https://docs.example.com/guides/auth')
    assert.equal(limit!.group, 'limits')
    assert.equal(limit!.status, 429)
    assert.deepEqual(limit!.retry, { kind: 'after', seconds: 60 })
    assert.equal(limit!.anchor, 'rate_limit_minute')
    assert.equal(crash!.expose, false)
    assert.equal(crash!.stack, true)
    assert.deepEqual(crash!.retry, { kind: 'safe' })
  })

  test('merges included catalogs and locale files, keeping each file for findings', async () => {
    const folder = await files({
      'errors.yaml': `
include: [billing.yaml]
locales: { default: en, files: { fr: fr.yaml }, fallback: { fr-CA: [fr] } }
errors:
  NOT_FOUND: { code: 404, status: 404, title: Not found, message: "No {thing} here", params: { thing: { type: string } } }
`,
      'billing.yaml': `
groups:
  billing: { title: Billing, range: [4000, 4999], status: 402, owner: billing-team }
errors:
  PAYMENT_REQUIRED: { code: 4000, title: Payment required }
`,
      'fr.yaml': `NOT_FOUND: { message: "Pas de {thing} ici", source: "No {thing} here" }\n`,
    })
    const { catalog, findings } = await loadCatalog(join(folder, 'errors.yaml'), { cwd: folder })
    assert.deepEqual(findings, [])
    assert.equal(catalog!.files.length, 2)
    assert.deepEqual(
      catalog!.errors.map((e) => [e.symbol, e.file, e.status]),
      [
        ['NOT_FOUND', 'errors.yaml', 404],
        ['PAYMENT_REQUIRED', 'billing.yaml', 402],
      ],
    )
    assert.deepEqual(catalog!.locales.available, ['en', 'fr'])
    assert.deepEqual(catalog!.locales.fallback, { 'fr-CA': ['fr'] })
    const fr = catalog!.errors[0]!.translations.fr!
    assert.equal(fr.message, 'Pas de {thing} ici')
    assert.equal(fr.source, 'No {thing} here')
    assert.deepEqual([fr.at.file, fr.at.line, fr.at.column], ['fr.yaml', 1, 1])
    assert.equal(catalog!.groups[0]!.owner, 'billing-team')
  })

  test('reports every problem at once, each with file, line and column', async () => {
    const folder = await files({
      'errors.yaml': `errors:
  ONE:
    code: 1
    status: 400
    title: One
    message: "Broken {placeholder"
  TWO:
    code: two
    status: 400
    title: Two
  THREE:
    key: three
    title: Three
    group: nowhere
`,
    })
    const { findings } = await loadCatalog(join(folder, 'errors.yaml'), { cwd: folder })
    assert.deepEqual(
      findings.map((f) => [f.rule, f.line, f.column]),
      [
        ['load/icu-syntax', 6, 22],
        ['load/schema', 8, 11],
        ['load/missing-status', 12, 5],
        ['load/unknown-group', 14, 12],
      ],
    )
    for (const f of findings) assert.ok(f.hint && f.hint.length > 10, `${f.rule} has a hint`)
  })

  test('JSON catalogs are read with positions too', async () => {
    const folder = await files({
      'errors.json':
        '{\n  "errors": {\n    "BAD": { "code": 1, "status": 400, "title": 5 }\n  }\n}\n',
    })
    const { findings } = await loadCatalog(join(folder, 'errors.json'), { cwd: folder })
    assert.deepEqual(
      findings.map((f) => [f.rule, f.file, f.line, f.column]),
      [['load/schema', 'errors.json', 3, 49]],
    )
  })

  test('members of the wrong type are schema findings, not exceptions', async () => {
    // Each crashed the merge after the schema had reported it (found by src/load/fuzz.test.ts).
    const cases: [string, [number, number]][] = [
      ['api: { name: false }\nerrors:\n  A: { code: 1, status: 400, title: A }\n', [1, 14]],
      ['api: { name: D, docs: 5 }\nerrors:\n  A: { code: 1, status: 400, title: A }\n', [1, 23]],
      ['errors:\n  A: { code: 1, status: 400, title: A, retry: always }\n', [2, 47]],
      ['errors:\n  A: { code: 1, status: 400, title: A, links: { url: x } }\n', [2, 47]],
      [
        'groups:\n  g: { title: G, prefix: a_ }\nerrors:\n  A: { key: null, status: 400, title: A }\n',
        [4, 13],
      ],
    ]
    for (const [text, position] of cases) {
      const folder = await files({ 'errors.yaml': text })
      const { findings } = await loadCatalog(join(folder, 'errors.yaml'), { cwd: folder })
      assert.deepEqual(
        findings.map((f) => [f.rule, f.line, f.column]),
        [['load/schema', ...position]],
        text,
      )
    }
  })

  test('a missing root file is one finding, not an exception', async () => {
    const { catalog, findings } = await loadCatalog(join(dir, 'absent.yaml'), { cwd: dir })
    assert.equal(catalog, undefined)
    assert.deepEqual(
      findings.map((f) => [f.rule, f.file, f.line]),
      [['load/missing-file', 'absent.yaml', 1]],
    )
  })
})
