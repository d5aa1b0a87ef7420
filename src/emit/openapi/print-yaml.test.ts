import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDocument } from 'yaml'
import { printYaml } from './print-yaml.ts'

// Strings a YAML writer gets wrong: indicators, what YAML 1.1 or 1.2 reads as
// another type, comments, line breaks and characters that need escapes.
const HOSTILE = [
  ...[
    '',
    ' ',
    'a ',
    ' a',
    '\t',
    'a\tb',
    'a: b',
    'a:',
    'a:b',
    'a #b',
    'a#b',
    '#a',
    '- a',
    '-',
    '? a',
  ],
  ...[': a', '[a]', '{a}', 'a, b', 'a]', '&a', '*a', '!a', '|', '>', "'", '"', '%a', '@a', '`a'],
  ...['<<', '=', '~', 'null', 'Null', 'true', 'False', 'yes', 'No', 'ON', 'off', 'y', 'N'],
  ...['1', '-1', '+1', '1.5', '1e3', '0x1F', '0o17', '012', '1_000', '1:20', '.inf', '.NaN'],
  ...['2001-12-14', '3.1.0', '---', '...', '--- a', 'http://x.example/a?b=1#c', '<hint>', 'é'],
  ...['a\nb', 'a\n', 'a\n\n', 'a\n\n\n', '\n', '\n\n', '\na', ' a\nb', 'a \nb', 'a\n b\n  c'],
  ...['a\n---\nb', 'a\n...\n', 'line\n# not a comment', 'a\r\nb', '\r', '\\', '\\n', "it's"],
  ...['\u0085', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\x7f', '\x00', '\x1b[31m'],
  ...['\ud800', '\udc00', 'a\ud800b', '😀', 'a\u00a0b', 'x'.repeat(200), 'a: b\nc: d'],
  ...['k'.repeat(1025), `"${'q'.repeat(1030)}`],
]

function roundTrip(value: unknown): string {
  const text = printYaml(value)
  for (const version of ['1.2', '1.1'] as const) {
    const doc = parseDocument(text, { version, uniqueKeys: true })
    assert.deepEqual(doc.errors, [], `YAML ${version}`)
    assert.deepEqual(doc.warnings, [], `YAML ${version}`)
    assert.deepEqual(doc.toJS(), value, `YAML ${version} reads back the same`)
  }
  return text
}

describe('printYaml', () => {
  it('writes strings that YAML 1.2 and 1.1 both read back as the same strings', () => {
    const value: Record<string, unknown> = {}
    HOSTILE.forEach((s, i) => {
      value[`v${i}`] = s
      value[s] = i
    })
    roundTrip({
      ...value,
      list: HOSTILE,
      nested: { items: HOSTILE.map((s) => ({ [s]: s, n: 1 })), pairs: HOSTILE.map((s) => [s]) },
    })
  })

  it('writes numbers, booleans, null and empty collections as JSON means them', () => {
    roundTrip({
      numbers: [0, 1, -1, 2.5, 1e21, 1e-7, Number.MAX_SAFE_INTEGER, 1.5e300],
      other: [true, false, null, {}, [], [[]], [{}], { a: {} }, [[1, [2, [3]]]]],
      empty: {},
    })
  })

  it('writes text readably: plain where safe, small collections on a line, literal blocks', () => {
    const text = roundTrip({
      openapi: '3.1.0',
      schema: { allOf: [{ $ref: '#/components/schemas/ErrcatError' }], type: 'object' },
      status: { const: 401 },
      required: ['type', 'status', 'code'],
      description: 'First line.\nSecond line.',
      long: { description: 'x'.repeat(70), type: 'string' },
      list: [{ name: 'a', value: 'x'.repeat(80) }],
    })
    assert.equal(
      text,
      `openapi: "3.1.0"
schema: { allOf: [{ $ref: "#/components/schemas/ErrcatError" }], type: object }
status: { const: 401 }
required: [type, status, code]
description: |-
  First line.
  Second line.
long:
  description: ${'x'.repeat(70)}
  type: string
list:
  - name: a
    value: ${'x'.repeat(80)}
`,
    )
  })

  it('is a function of the value alone', () => {
    const value = { b: [1, { c: 'd' }], a: 'x\ny' }
    assert.equal(printYaml(value), printYaml(structuredClone(value)))
  })
})
