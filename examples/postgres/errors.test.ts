// The PostgreSQL example is what `errcat import` makes of errcodes.txt: it
// must load without a finding and pass `errcat check`, run as users run it.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { loadCatalog } from '../../src/load/load.ts'

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
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--conditions=errcat-source',
        '--import',
        'tsx',
        'src/cli/main.ts',
        'check',
        '--format',
        'json',
        catalogPath,
      ],
      { cwd: root },
    )
    const findings = JSON.parse(stdout) as { severity: string }[]
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    )
  })
})
