// The benchmark catalog must stay what BENCHMARKS.md says it is: it loads,
// and the only findings are the notes for the German translations it lacks.
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { it } from 'node:test'
import { checkCatalog } from '../src/check/check.ts'
import { loadCatalog } from '../src/load/load.ts'
import { run, writeLargeCatalog } from './catalog-load.ts'

it('writes a catalog whose only findings are the missing German notes', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'errcat-bench-test-'))
  try {
    for (const shape of ['typical', 'rich'] as const) {
      const { root } = await writeLargeCatalog(dir, { errors: 400, shape })
      const loaded = await loadCatalog(root, { cwd: dir })
      assert.ok(loaded.catalog)
      assert.deepEqual(loaded.findings, [])
      const findings = checkCatalog(loaded.catalog)
      assert.equal(loaded.catalog.errors.length, 402)
      assert.deepEqual(
        new Set(findings.map((f) => `${f.rule}:${f.severity}`)),
        new Set(['translation-missing:info']),
      )
      assert.equal(findings.length, 40)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})

it('run() measures load and check', async () => {
  const result = await run({ errors: 200, runs: 2 })
  assert.equal(result.errors, 200)
  assert.equal(result.findings, 20)
  assert.ok(result.medianMs > 0 && result.loadMedianMs > 0 && result.checkMedianMs > 0)
  assert.ok(result.bytes > 200 * 100)
})
