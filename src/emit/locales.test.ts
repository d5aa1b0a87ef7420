import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { formatMessage } from '@errcat/runtime/internal/format-message'
import { createErrorHandler } from '@errcat/runtime/internal/handle'
import type { LoadedCatalog } from '../catalog/model.ts'
import { PRESETS } from '../envelope/presets.ts'
import { loadCatalog } from '../load/load.ts'
import { exampleParams, exampleRenderer } from './example-response.ts'
import { generateLocaleBundles, type LocaleBundle, type LocaleIndex } from './locales.ts'
import { runtimeOf } from './runtime-catalog.ts'

const REPO = fileURLToPath(new URL('../../', import.meta.url))
const CONTEXT = { catalogPath: '../errors.yaml', version: '9.9.9' }

async function load(path: string): Promise<LoadedCatalog> {
  const { catalog, findings } = await loadCatalog(path, { cwd: REPO })
  assert.ok(catalog, JSON.stringify(findings))
  assert.deepEqual(
    findings.filter((f) => f.rule.startsWith('load/')),
    [],
  )
  return catalog
}

interface Bundles {
  index: LocaleIndex
  bundles: Record<string, LocaleBundle>
}

function build(catalog: LoadedCatalog): Bundles {
  const files = generateLocaleBundles(catalog, CONTEXT)
  const byPath = new Map(files.map((f) => [f.path, JSON.parse(String(f.content))]))
  const index = byPath.get('index.json') as LocaleIndex
  const bundles: Record<string, LocaleBundle> = {}
  for (const [locale, entry] of Object.entries(index.locales))
    bundles[locale] = byPath.get(entry.file) as LocaleBundle
  assert.equal(files.length, Object.keys(index.locales).length + 1, 'one file per locale + index')
  return { index, bundles }
}

/** What a client does: the first bundle of the chain that has the error, formatted in its locale. */
function clientRender(built: Bundles, locale: string, symbol: string, params: object) {
  const first = built.bundles[locale]
  assert.ok(first, `no bundle for ${locale}`)
  for (const l of [locale, ...first.fallback]) {
    const message = built.bundles[l]!.messages[symbol]
    if (message !== undefined) return { locale: l, text: formatMessage(message, params, l) }
  }
  return undefined
}

/** Where the envelope puts `error.message`: the path of the template string that is only that. */
function messagePath(catalog: LoadedCatalog): (string | number)[] | undefined {
  const template = catalog.envelope.body ?? PRESETS[catalog.envelope.preset ?? 'problem'].body
  const visit = (node: unknown, path: (string | number)[]): (string | number)[] | undefined => {
    if (typeof node === 'string')
      return /^\{\{\s*error\.message\s*\}\}$/.test(node) ? path : undefined
    if (!node || typeof node !== 'object') return undefined
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('$')) continue
      const found = visit(value, [...path, Array.isArray(node) ? Number(key) : key])
      if (found) return found
    }
    return undefined
  }
  return visit(template, [])
}

function at(body: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], body)
}

async function assertMatchesServer(file: string, minimumLocales: number) {
  const catalog = await load(join(REPO, file))
  const built = build(catalog)
  const path = messagePath(catalog)
  assert.ok(path, 'the envelope carries the message')
  const render = exampleRenderer(catalog)
  const locales = Object.keys(built.index.locales)
  assert.ok(locales.length >= minimumLocales, `${locales.length} locales`)
  let compared = 0
  for (const error of catalog.errors) {
    for (const locale of locales) {
      const response = render(error, locale)
      if (!response) continue
      const client = clientRender(built, locale, error.symbol, exampleParams(error))
      assert.ok(client, `${error.symbol} has no message for ${locale}`)
      const sent = at(JSON.parse(response.body), path)
      assert.equal(client.text, sent, `${error.symbol} in ${locale}`)
      assert.equal(client.locale, response.headers['content-language'], `${error.symbol} ${locale}`)
      compared++
    }
  }
  return { catalog, built, compared }
}

describe('locale bundles', () => {
  it('render exactly what the server sends, for every error of the Gengo example in en and ja', async () => {
    const { catalog, built, compared } = await assertMatchesServer('examples/gengo/errors.yaml', 2)
    assert.deepEqual(Object.keys(built.index.locales), ['en', 'ja'])
    const throwable = catalog.errors.filter((e) => !e.success && !e.obsolete).length
    assert.equal(compared, throwable * 2)
    // Gengo's clients localize by code: every error has a Japanese message of its own.
    const japanese = built.bundles.ja!.messages
    assert.equal(Object.keys(japanese).length, catalog.errors.filter((e) => e.expose).length)
    assert.notEqual(
      formatMessage(japanese.AUTHENTICATION_FAILED!, {}, 'ja'),
      formatMessage(built.bundles.en!.messages.AUTHENTICATION_FAILED!, {}, 'en'),
    )
  })

  it('render exactly what the server sends, for every error of the MySQL example in all 23 locales', async () => {
    const { catalog, built, compared } = await assertMatchesServer('examples/mysql/errors.yaml', 23)
    assert.equal(Object.keys(built.index.locales).length, 23)
    assert.ok(compared >= 23 * catalog.errors.filter((e) => !e.obsolete).length)
    // Obsolete numbers are reserved, never sent: no bundle carries them.
    const obsolete = catalog.errors.filter((e) => e.obsolete).map((e) => e.symbol)
    assert.ok(obsolete.length > 0)
    for (const bundle of Object.values(built.bundles))
      for (const symbol of obsolete) assert.equal(bundle.messages[symbol], undefined)
  })

  describe('plurals, selects, numbers and a fallback chain', () => {
    let dir: string
    let catalog: LoadedCatalog
    let built: Bundles

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'errcat-locales-'))
      await writeFile(join(dir, 'errors.yaml'), QUOTA_CATALOG)
      catalog = await load(join(dir, 'errors.yaml'))
      built = build(catalog)
    })
    after(() => rm(dir, { recursive: true, force: true }))

    it('lists every locale with its file and the chain the server walks, pt-BR → pt → en', () => {
      assert.deepEqual(built.index, {
        $comment:
          'Generated by errcat 9.9.9 from ../errors.yaml. Do not edit: change the catalog, then run `errcat build --target locales` again.',
        format: 1,
        default: 'en',
        locales: {
          en: { file: 'en.json', fallback: [] },
          'fr-CA': { file: 'fr-CA.json', fallback: ['en'] },
          pt: { file: 'pt.json', fallback: ['en'] },
          'pt-BR': { file: 'pt-BR.json', fallback: ['pt', 'en'] },
        },
      })
      assert.equal(built.bundles['pt-BR']!.locale, 'pt-BR')
      assert.deepEqual(built.bundles['pt-BR']!.fallback, ['pt', 'en'])
      // A locale only named in `fallback` gets a bundle too, empty: clients need not special-case it.
      assert.deepEqual(built.bundles['fr-CA']!.messages, {})
    })

    it('holds compiled ASTs: a plain string without placeholders, parts with them', () => {
      const en = built.bundles.en!.messages
      assert.equal(en.NO_PARAMS, 'Nothing to see')
      assert.deepEqual(en.PLAN, [
        {
          type: 'select',
          name: 'plan',
          cases: { free: 'Upgrade to send more', other: 'Quota reached' },
        },
      ])
      // Translated only where the catalog translates; the chain supplies the rest.
      assert.deepEqual(Object.keys(built.bundles['pt-BR']!.messages), ['FILES_LEFT'])
      assert.deepEqual(Object.keys(built.bundles.pt!.messages), ['FILES_LEFT', 'PLAN', 'PRICE'])
    })

    it('leaves out obsolete errors, keeps success codes, and gives unexposed errors their title', () => {
      const en = built.bundles.en!.messages
      assert.equal(en.RETIRED, undefined)
      assert.equal(en.OK, 'All good')
      assert.equal(en.CRASHED, 'Internal error')
      assert.equal(built.bundles.pt!.messages.CRASHED, undefined)
    })

    it('renders what the server sends for each value, locale and fallback', () => {
      const runtime = runtimeOf(catalog)
      const handle = createErrorHandler(runtime.catalog, { telemetry: false })
      const path = messagePath(catalog)!
      const cases: [string, object][] = [
        ...[0, 1, 2, 5, 1000, 1234567].map((count): [string, object] => ['FILES_LEFT', { count }]),
        ['PLAN', { plan: 'free' }],
        ['PLAN', { plan: 'pro' }],
        ['PRICE', { amount: 1234.5 }],
        ['NO_PARAMS', {}],
        ['CRASHED', { component: 'db' }],
      ]
      let compared = 0
      for (const locale of ['en', 'pt', 'pt-BR', 'fr-CA']) {
        for (const [symbol, params] of cases) {
          const factory = runtime.errors[symbol]!
          const thrown = factory.definition.params
            ? (factory as (p: object) => Error)(params)
            : (factory as () => Error)()
          const response = handle(thrown, {
            method: 'GET',
            path: '/',
            headers: { 'accept-language': locale },
          })
          const client = clientRender(built, locale, symbol, params)!
          const sent = at(JSON.parse(response.body), path)
          assert.equal(client.text, sent, `${symbol} ${JSON.stringify(params)} in ${locale}`)
          assert.equal(client.locale, response.headers['content-language'])
          compared++
        }
      }
      assert.equal(compared, 44)
      // The cases are not vacuous: plurals, number formats and the fallback differ by locale.
      assert.equal(
        clientRender(built, 'pt-BR', 'FILES_LEFT', { count: 1 })!.text,
        'Resta 1 arquivo',
      )
      assert.equal(clientRender(built, 'pt', 'FILES_LEFT', { count: 1 })!.text, 'Falta 1 arquivo')
      assert.equal(clientRender(built, 'en', 'FILES_LEFT', { count: 0 })!.text, 'You have no files')
      assert.equal(
        clientRender(built, 'pt-BR', 'FILES_LEFT', { count: 1234567 })!.text,
        'Restam 1.234.567 arquivos',
      )
      assert.equal(clientRender(built, 'pt-BR', 'PLAN', { plan: 'free' })!.locale, 'pt')
      assert.equal(clientRender(built, 'pt-BR', 'NO_PARAMS', {})!.locale, 'en')
    })

    it('is deterministic and says it is generated, and from what', () => {
      const first = generateLocaleBundles(catalog, CONTEXT)
      assert.deepEqual(generateLocaleBundles(catalog, CONTEXT), first)
      for (const file of first) {
        const json = JSON.parse(String(file.content))
        assert.match(
          json.$comment,
          /^Generated by errcat 9\.9\.9 from \.\.\/errors\.yaml\. Do not edit/,
        )
        assert.equal(json.format, 1)
      }
      // One message per line, so that a catalog edit is a one-line diff.
      const pt = first.find((f) => f.path === 'pt.json')!
      assert.match(String(pt.content), /\n {4}"PLAN": \[\{"type":"select".*\}\],?\n/)
    })
  })
})

const QUOTA_CATALOG = `
errcat: 1
api: { name: Quota API }
locales:
  default: en
  fallback:
    pt-BR: [pt, en]
    fr-CA: [fr]
errors:
  OK: { code: 0, status: 200, title: Success, message: All good, success: true }
  FILES_LEFT:
    code: 1
    status: 403
    title: Files left
    message: "You have {count, plural, =0 {no files} one {# file} other {# files}}"
    params: { count: { type: integer } }
    messages:
      pt: "{count, plural, =0 {Não falta nenhum arquivo} one {Falta # arquivo} other {Faltam # arquivos}}"
      pt-BR: "{count, plural, =0 {Não resta nenhum arquivo} one {Resta # arquivo} other {Restam # arquivos}}"
  PLAN:
    code: 2
    status: 402
    title: Plan limit
    message: "{plan, select, free {Upgrade to send more} other {Quota reached}}"
    params: { plan: { type: enum, values: [free, pro] } }
    messages:
      pt: "{plan, select, free {Assine para enviar mais} other {Cota atingida}}"
  PRICE:
    code: 3
    status: 402
    title: Price
    message: "This costs {amount, number, ::currency/EUR}"
    params: { amount: { type: number } }
    messages:
      pt: "Isto custa {amount, number, ::currency/EUR}"
  NO_PARAMS: { code: 4, status: 404, title: Nothing, message: Nothing to see }
  CRASHED:
    code: 5
    status: 500
    title: Internal error
    message: "Failure in {component}"
    params: { component: { type: string } }
    internal: true
    messages:
      pt: "Falha em {component}"
  RETIRED: { code: 6, status: 410, title: Retired, message: Gone, obsolete: true }
`
