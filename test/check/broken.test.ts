// Every broken catalog reports exactly its one defect, at the exact place, and
// every clean catalog reports nothing. Runs `checkFile`, the function behind
// `errcat check`, in-process; test/cli/check.test.ts runs the CLI itself.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkFile } from '../../src/check/check.ts'
import { allRules, loadRules, rules } from '../../src/check/rules/index.ts'
import { sourceRules } from '../../src/check/source/rules.ts'
import { observed, readCases } from './cases.ts'

const broken = readCases('broken')
const clean = readCases('clean')

describe('broken catalogs', () => {
  it('are at least 40 and cover every rule and every load error', () => {
    assert.ok(broken.length >= 40, `${broken.length} cases`)
    const covered = new Set(broken.flatMap((c) => c.expected.map((e) => e.rule)))
    // Source rules need sources: test/cli/check-source.test.ts covers them on a sample project.
    const needSources = new Set(sourceRules.map((r) => r.id))
    const missing = allRules()
      .map((r) => r.id)
      .filter((id) => !covered.has(id) && !needSources.has(id))
    assert.deepEqual(missing, [], `rules without a broken catalog: ${missing.join(', ')}`)
    assert.ok(loadRules.length >= 11 && rules.length >= 25)
  })

  for (const c of broken) {
    it(`${c.name}: ${c.description}`, async () => {
      const result = await checkFile('errors.yaml', { cwd: c.dir })
      assert.deepEqual(observed(result.findings), c.expected)
      assert.equal(result.exitCode, c.exitCode)
      for (const finding of result.findings) {
        assert.ok(finding.message.length > 10, `a message that says what: ${finding.message}`)
        assert.ok(finding.hint && finding.hint.length > 10, `a hint that says how to fix it`)
      }
    })
  }
})

describe('clean catalogs', () => {
  for (const c of clean) {
    it(`${c.name}: ${c.description}`, async () => {
      const result = await checkFile('errors.yaml', { cwd: c.dir })
      assert.deepEqual(observed(result.findings), [])
      assert.equal(result.exitCode, 0)
    })
  }
})
