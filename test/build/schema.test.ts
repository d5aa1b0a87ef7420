// The published JSON Schema is generated from the TypeBox definitions and
// committed; this fails when someone changes src/catalog/schema.ts without
// running `npm run schema`. It also checks that the file works as editors use
// it: a real catalog validates, a broken one does not.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { schemaFiles } from '../../scripts/write-schema.ts'
import { REPO, SHOP_FIXTURE } from './project.ts'

describe('published JSON Schema', () => {
  it('is up to date with src/catalog/schema.ts', async () => {
    for (const { path, text } of schemaFiles()) {
      const committed = await readFile(join(REPO, path), 'utf8').catch(() => '')
      assert.ok(committed === text, `${path} is stale: run \`npm run schema\` and commit it`)
    }
  })

  it('can be checked by the script itself, as CI would', () => {
    const result = spawnSync(
      process.execPath,
      ['--conditions=errcat-source', '--import', 'tsx', 'scripts/write-schema.ts', '--check'],
      { cwd: REPO, encoding: 'utf8', timeout: 60_000 },
    )
    assert.equal(result.status, 0, result.stderr)
  })

  it('accepts a real catalog and its locale file, and rejects mistakes', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false })
    const catalogSchema = JSON.parse(
      await readFile(join(REPO, 'schema/errcat.schema.json'), 'utf8'),
    )
    const localeSchema = JSON.parse(
      await readFile(join(REPO, 'schema/errcat-locale.schema.json'), 'utf8'),
    )
    const validateCatalog = ajv.compile(catalogSchema)
    const validateLocale = ajv.compile(localeSchema)
    const shop = parse(await readFile(join(SHOP_FIXTURE, 'errors.yaml'), 'utf8'))
    assert.equal(validateCatalog(shop), true, JSON.stringify(validateCatalog.errors))
    const fr = parse(await readFile(join(SHOP_FIXTURE, 'locales/fr.yaml'), 'utf8'))
    assert.equal(validateLocale(fr), true, JSON.stringify(validateLocale.errors))

    const broken = {
      errors: {
        bad_symbol: { code: 1, title: 'x' },
        OK: { code: 'one', title: 'x', retry: 'sometimes', colour: 'red' },
      },
    }
    assert.equal(validateCatalog(broken), false)
    const complaints = (validateCatalog.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
    assert.ok(
      complaints.some((c) => c.startsWith('/errors ')),
      complaints.join('\n'),
    )
    assert.ok(
      complaints.some((c) => c.startsWith('/errors/OK/code ')),
      complaints.join('\n'),
    )
    assert.ok(
      complaints.some((c) => c.includes('additional properties')),
      complaints.join('\n'),
    )
  })
})
