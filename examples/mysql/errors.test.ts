// The MySQL example is what `errcat import` makes of messages_to_clients.txt,
// translations moved to locale files: it must load without a finding, keep
// every language, and pass `errcat check`, run as users run it.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { parseMessage } from '../../src/catalog/message.ts'
import { loadCatalog } from '../../src/load/load.ts'
import { errcat } from '../../test/cli/cli.ts'

const catalogPath = fileURLToPath(new URL('./errors.yaml', import.meta.url))
const root = fileURLToPath(new URL('../../', import.meta.url))

describe('examples/mysql', () => {
  it('loads without findings, numbered as MySQL numbers them', async () => {
    const { catalog, findings } = await loadCatalog(catalogPath)
    assert.deepEqual(findings, [])
    assert.ok(catalog)
    assert.deepEqual(
      catalog.errors.map((e) => e.code),
      Array.from({ length: 20 }, (_, i) => 1000 + i),
    )
    assert.equal(catalog.errors.find((e) => e.symbol === 'ER_FILE_NOT_FOUND')?.code, 1017)
    assert.equal(catalog.errors.filter((e) => e.obsolete).length, 6)
  })

  it('reads every language from its locale file, with the source placeholders', async () => {
    const { catalog } = await loadCatalog(catalogPath)
    assert.ok(catalog)
    assert.equal(catalog.locales.default, 'en')
    assert.equal(catalog.locales.available.length, 23)
    // 410 messages in the page: 20 English ones, 390 translations.
    const translations = catalog.errors.reduce((n, e) => n + Object.keys(e.translations).length, 0)
    assert.equal(translations, 390)
    const file = catalog.errors.find((e) => e.symbol === 'ER_CANT_CREATE_FILE')!
    assert.equal(file.message, "Can't create file ''{p1}' (errno: {p2} - {p3})")
    assert.deepEqual(
      Object.fromEntries(Object.entries(file.params).map(([name, p]) => [name, p.type])),
      { p1: 'string', p2: 'integer', p3: 'string' },
    )
    for (const error of catalog.errors) {
      const source = parseMessage(error.message)
      assert.ok(source.ok)
      const names = source.placeholders.map((p) => p.name).sort()
      assert.deepEqual(names, Object.keys(error.params).sort(), error.symbol)
      for (const [locale, t] of Object.entries(error.translations)) {
        const translated = parseMessage(t.message)
        assert.ok(translated.ok, `${error.symbol} ${locale}`)
        assert.deepEqual(
          translated.placeholders.map((p) => p.name).sort(),
          names,
          `${error.symbol} ${locale}`,
        )
      }
    }
  })

  it('passes errcat check', async () => {
    const run = await errcat(['check', '--format', 'json', catalogPath], { cwd: root })
    assert.equal(run.code, 0, run.stdout + run.stderr)
    const findings = JSON.parse(run.stdout) as { severity: string }[]
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    )
  })
})
