// Localized messages from the locale bundles: the same text the server sends
// in that language (checked against the Gengo demo's Japanese answers), the
// catalog's fallback chain, ICU plurals and selects, and bundles loaded only
// when a message needs them.
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createErrorParser, createLocalizer } from '@errcat/runtime/client'
import * as gengoClient from '../../examples/gengo/errors.client.generated.ts'
import { start as startGengo } from '../../examples/gengo/server.ts'
import { generateClientModule } from '../../src/emit/client.ts'
import { generateLocaleBundles } from '../../src/emit/locales.ts'
import { loadCatalog } from '../../src/load/load.ts'

const REPO = fileURLToPath(new URL('../../', import.meta.url))

/** Writes the locale bundles of a catalog into a fresh folder; returns a loader that counts loads. */
async function bundlesOf(catalogFile: string, dir: string) {
  const { catalog } = await loadCatalog(join(REPO, catalogFile))
  assert.ok(catalog)
  const files = generateLocaleBundles(catalog, { catalogPath: catalogFile, version: 'test' })
  for (const file of files) await writeFile(join(dir, file.path), file.content)
  const loaded: string[] = []
  const load = async (file: string) => {
    loaded.push(file)
    return JSON.parse(await readFile(join(dir, file), 'utf8'))
  }
  return { catalog, load, loaded }
}

describe('localized messages', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-locales-'))
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('render what the Gengo demo sends in Japanese and in English, for every error', async () => {
    const { load } = await bundlesOf('examples/gengo/errors.yaml', dir)
    const localizer = createLocalizer({ load })
    const parser = createErrorParser({
      reader: gengoClient.envelopeReader,
      errors: gengoClient.allErrors,
    })
    const server = await startGengo()
    try {
      let translated = 0
      for (const symbol of Object.keys(gengoClient.allErrors)) {
        const [ja, en] = await Promise.all(
          ['ja', 'en'].map(async (language) => {
            const response = await fetch(`${server.url}/errors/${symbol}`, {
              headers: { 'accept-language': language },
            })
            const err = await parser.parse(response)
            assert.ok(err?.known, symbol)
            return err
          }),
        )
        assert.equal(await localizer.message(en!, 'ja'), ja!.message, symbol)
        assert.equal(await localizer.message(ja!, ['en-GB', 'en']), en!.message, symbol)
        if (ja!.message !== en!.message) translated++
      }
      assert.ok(translated > 10, `${translated} translated`)
    } finally {
      await server.close()
    }
  })

  it('walk the fallback chain, format plurals and selects, and load bundles on demand', async () => {
    const shopDir = await mkdtemp(join(dir, 'shop-'))
    const { catalog, load, loaded } = await bundlesOf(
      'test/build/fixtures/shop/errors.yaml',
      shopDir,
    )
    // The shop's client module, generated and imported for this test.
    const modulePath = join(shopDir, 'errors.client.generated.ts')
    await writeFile(
      modulePath,
      generateClientModule(catalog, {
        catalogPath: 'x',
        version: 'test',
        // Outside the repo the package name does not resolve: import the client's source.
        clientImport: pathToFileURL(join(REPO, 'packages/runtime/src/client/index.ts')).href,
      }),
    )
    const shop = (await import(pathToFileURL(modulePath).href)) as typeof gengoClient
    const parser = createErrorParser({ reader: shop.envelopeReader, errors: shop.allErrors })
    const localizer = createLocalizer({ load })
    const parse = (code: string, status: number, params: Record<string, unknown>) => {
      const err = parser.parseAnswer({ status, body: { status, code, detail: 'wire', params } })
      assert.ok(err?.known, code)
      return err
    }

    const token = parse('bad_token', 401, { hint: 'ab12' })
    assert.equal(await localizer.message(token, 'fr-CA'), 'Le jeton ab12 n’est pas valide')
    assert.deepEqual(loaded, ['index.json', 'fr.json'])
    // pt-BR falls back to pt, then en.
    assert.deepEqual(await localizer.chain('pt-BR'), ['pt-BR', 'pt', 'en'])
    assert.equal(await localizer.message(token, 'pt-BR'), 'O token ab12 não é válido')
    assert.equal(await localizer.message(token, ['xx', 'de']), 'Token ab12 is not valid')

    const expired = (minutes: number) => parse('token_expired', 401, { minutes })
    assert.equal(await localizer.message(expired(0), 'fr'), 'Le jeton a expiré à l’instant')
    assert.equal(await localizer.message(expired(1), 'fr'), 'Le jeton a expiré il y a 1 minute')
    assert.equal(await localizer.message(expired(5), 'fr'), 'Le jeton a expiré il y a 5 minutes')

    const limit = parse('order_limit', 409, { max: 3, count: 5, kind: 'book' })
    assert.equal(
      await localizer.message(limit, 'en'),
      'You can order at most 3 books; this order has 4 more items than allowed.',
    )
    // A message whose params did not come over the wire: the server's own text stands.
    const bare = parse('order_limit', 409, {})
    assert.equal(await localizer.message(bare, 'fr'), 'wire')
  })

  it('fall back to the message received when no bundle can be loaded', async () => {
    const parser = createErrorParser({
      reader: gengoClient.envelopeReader,
      errors: gengoClient.allErrors,
    })
    const err = parser.parseAnswer({
      status: 200,
      body: { opstat: 'error', err: { code: 1000, msg: 'as sent' } },
    })
    assert.ok(err)
    const offline = createLocalizer({ load: () => Promise.reject(new Error('offline')) })
    assert.equal(await offline.message(err, 'ja'), 'as sent')
    const unknown = parser.parseAnswer({ status: 500, body: '<html>' })
    const localizer = createLocalizer({
      load: (file) => bundlesOf('examples/gengo/errors.yaml', dir).then((b) => b.load(file)),
    })
    assert.equal(await localizer.message(unknown!, 'ja'), 'HTTP 500')
  })
})
