// docs/diff.md documents every diff rule under its id: SARIF's helpUri links
// to `docs/diff.md#<id>`, and the CLI hints name the rules.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { it } from 'node:test'
import { DIFF_RULES } from '../../src/diff/rules.ts'

it('docs/diff.md has a heading for every diff rule, and no other', () => {
  const text = readFileSync(new URL('../../docs/diff.md', import.meta.url), 'utf8')
  const headings = [...text.matchAll(/^#### (\S+)$/gm)].map((m) => m[1])
  assert.deepEqual(headings.sort(), DIFF_RULES.map((r) => r.id).sort())
})
