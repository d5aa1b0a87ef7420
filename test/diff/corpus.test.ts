// The diff corpus: one folder per change, each a new.yaml against the shared
// base.yaml (or its own old.yaml), with the changes it must produce, their
// classification and the semver bump (expected.json). Every change must point
// inside the entry of its error in new.yaml.
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import type { Change } from '../../src/diff/change.ts'
import { diffCatalogs } from '../../src/diff/compare.ts'
import { DIFF_RULES } from '../../src/diff/rules.ts'
import { loadSide } from '../../src/diff/source.ts'

const CORPUS = new URL('./corpus/', import.meta.url).pathname

interface Expected {
  breaking: string[]
  accepted: string[]
  compatible: string[]
  semver: string
  exitCode: number
}

const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)

const name = (c: Change) => (c.error ? `${c.rule} ${c.error}` : c.rule)

async function diffCase(dir: string) {
  const old = existsSync(join(dir, 'old.yaml')) ? join(dir, 'old.yaml') : join(CORPUS, 'base.yaml')
  const [before, after] = await Promise.all([
    loadSide(old, dir),
    loadSide(join(dir, 'new.yaml'), dir),
  ])
  assert.ok(before.ok && after.ok, 'both sides load')
  return diffCatalogs(before.side, after.side)
}

describe('diff corpus', () => {
  it('has at least 30 cases and covers every breaking rule', () => {
    assert.ok(cases.length >= 30, `${cases.length} cases`)
    const seen = new Set(
      cases.flatMap((c) => {
        const e: Expected = JSON.parse(readFileSync(join(CORPUS, c, 'expected.json'), 'utf8'))
        return [...e.breaking, ...e.accepted, ...e.compatible].map((n) => n.split(' ')[0])
      }),
    )
    const missing = DIFF_RULES.filter((r) => r.kind === 'breaking' && !seen.has(r.id))
    assert.deepEqual(
      missing.map((r) => r.id),
      [],
    )
  })

  for (const c of cases) {
    it(c, async () => {
      const dir = join(CORPUS, c)
      const expected: Expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'))
      const result = await diffCase(dir)
      const open = result.breaking.filter((x) => x.accepted === undefined)
      const accepted = result.breaking.filter((x) => x.accepted !== undefined)
      assert.deepEqual(open.map(name).sort(), [...expected.breaking].sort(), 'breaking')
      assert.deepEqual(accepted.map(name).sort(), [...expected.accepted].sort(), 'accepted')
      assert.deepEqual(result.compatible.map(name).sort(), [...expected.compatible].sort())
      assert.equal(result.semver, expected.semver)
      const lines = readFileSync(join(dir, 'new.yaml'), 'utf8').split('\n')
      for (const change of [...result.breaking, ...result.compatible]) {
        assert.equal(change.file, 'new.yaml', `${name(change)} points into the new catalog`)
        assert.ok(change.line >= 1 && change.line <= lines.length)
        assert.ok(change.hint.length > 0)
        assertInsideEntry(lines, change)
      }
    })
  }
})

/** The change's line lies in the entry of its error: after `  SYMBOL:` and before the next entry. */
function assertInsideEntry(lines: string[], change: Change): void {
  const start = lines.indexOf(`  ${change.error}:`)
  if (!change.error || start < 0) return
  let end = start + 1
  while (end < lines.length && !/^ {0,2}\S/.test(lines[end]!)) end++
  assert.ok(
    change.line - 1 >= start && change.line - 1 < end,
    `${name(change)} at line ${change.line} is inside lines ${start + 1}-${end} of ${change.error}`,
  )
}
