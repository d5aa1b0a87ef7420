// docs/rules.md documents every rule under its id, with the default severity
// that the code uses, so the two cannot drift apart.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { it } from 'node:test'
import { loaderRules, loadRules, rules } from '../../src/check/rules/index.ts'

const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')

it('docs/rules.md has a section per rule, with its default severity', () => {
  for (const rule of [...rules, ...loaderRules]) {
    const section = doc.split(`\n### ${rule.id}\n`)[1]
    assert.ok(section, `a "### ${rule.id}" section`)
    assert.match(
      section.trimStart(),
      new RegExp(`^Default severity: \\*\\*${rule.severity}\\*\\*`),
      `${rule.id} is documented as ${rule.severity}`,
    )
  }
})

it('docs/rules.md lists every load error', () => {
  for (const rule of loadRules) assert.ok(doc.includes(`| \`${rule.id}\` |`), rule.id)
})
