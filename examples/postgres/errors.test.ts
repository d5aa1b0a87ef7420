// The PostgreSQL example is what `errcat import` makes of errcodes.txt: it
// must load without a finding and pass `errcat check`, run as users run it.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { loadCatalog } from '../../src/load/load.ts'
import { errcat } from '../../test/cli/cli.ts'

const catalogPath = fileURLToPath(new URL('./errors.yaml', import.meta.url))
const root = fileURLToPath(new URL('../../', import.meta.url))

describe('examples/postgres', () => {
  it('loads without findings, one error per SQLSTATE in its class', async () => {
    const { catalog, findings } = await loadCatalog(catalogPath)
    assert.deepEqual(findings, [])
    assert.ok(catalog)
    assert.equal(catalog.errors.length, 260)
    assert.equal(catalog.groups.length, 43)
    const divisionByZero = catalog.errors.find((e) => e.key === '22012')
    assert.equal(divisionByZero?.symbol, 'DIVISION_BY_ZERO')
    assert.equal(divisionByZero?.group, 'class-22-data-exception')
    // Every SQLSTATE lands in its class by prefix.
    for (const error of catalog.errors) {
      const group = catalog.groups.find((g) => g.id === error.group)
      assert.ok(group?.prefix && error.key?.startsWith(group.prefix), error.symbol)
    }
    assert.equal(catalog.errors.find((e) => e.key === '00000')?.success, true)
  })

  it('passes errcat check', async () => {
    const run = await errcat(['check', '--format', 'json', catalogPath], { cwd: root })
    assert.equal(run.code, 0, run.stdout + run.stderr)
    const findings = JSON.parse(run.stdout) as { severity: string }[]
    assert.deepEqual(findings, [])
  })
})
