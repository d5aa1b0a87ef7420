import assert from 'node:assert/strict'
import { it } from 'node:test'
import type { Finding } from '../../catalog/diagnostic.ts'
import { colorWanted, createStyle } from './style.ts'
import { formatText, summary } from './text.ts'

const finding = (
  line: number,
  severity: Finding['severity'],
  rule = 'translation-missing',
): Finding => ({
  rule,
  severity,
  message: `finding on line ${line}`,
  hint: 'do something',
  file: 'errors.yaml',
  line,
  column: 3,
})

it('prints file:line:column, severity, rule, message and hint', () => {
  assert.equal(
    formatText([finding(4, 'error', 'duplicate-code')]),
    'errors.yaml:4:3: error [duplicate-code] finding on line 4\n  hint: do something\n',
  )
})

it('counts notes past the limit per rule, never errors or warnings', () => {
  const findings = [
    ...Array.from({ length: 5 }, (_, i) => finding(i + 1, 'info')),
    ...Array.from({ length: 5 }, (_, i) => finding(i + 10, 'warning', 'identical-messages')),
  ]
  const lines = formatText(findings, { notesPerRule: 2 }).trimEnd().split('\n')
  assert.equal(lines.filter((l) => l.includes('note [translation-missing]')).length, 2)
  assert.equal(lines.filter((l) => l.includes('warning [identical-messages]')).length, 5)
  assert.equal(
    lines.at(-1),
    '… and 3 more notes [translation-missing] (`--format json` lists them all)',
  )
})

it('summarises by severity', () => {
  assert.equal(
    summary([finding(1, 'error'), finding(2, 'info'), finding(3, 'info')]),
    '1 error, 0 warnings, 2 notes',
  )
  assert.equal(summary([]), '0 errors, 0 warnings')
})

it('colours only a TTY without NO_COLOR', () => {
  assert.equal(colorWanted({ isTTY: true }, {}), true)
  assert.equal(colorWanted({ isTTY: true }, { NO_COLOR: '1' }), false)
  assert.equal(colorWanted({ isTTY: false }, {}), false)
  assert.ok(formatText([finding(1, 'error')], { style: createStyle(true) }).includes('\x1b[31m'))
  assert.ok(!formatText([finding(1, 'error')]).includes('\x1b'))
})
