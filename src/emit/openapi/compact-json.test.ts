import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { compactJson } from './compact-json.ts'

describe('compactJson', () => {
  it('puts small collections on one line, and leaves the rest as JSON.stringify indents it', () => {
    const value = {
      allOf: [{ $ref: '#/$defs/ErrorBody' }],
      properties: { status: { const: 401 }, long: { description: 'x'.repeat(80) } },
      required: ['type', 'status'],
      empty: {},
    }
    assert.equal(
      compactJson(value),
      `{
  "allOf": [{ "$ref": "#/$defs/ErrorBody" }],
  "properties": {
    "status": { "const": 401 },
    "long": {
      "description": "${'x'.repeat(80)}"
    }
  },
  "required": ["type", "status"],
  "empty": {}
}
`,
    )
  })

  it('reads back the same, whatever brackets, quotes and line breaks the strings hold', () => {
    const strings = ['{', '}', '[', ']', '{\n}', '"{"', '\\', '\\"', '}\n  ]', '', ' ', '\u2028']
    const value = {
      ...Object.fromEntries(strings.map((s) => [s, s])),
      list: strings,
      nested: strings.map((s) => ({ [s]: [s, { [s]: s }] })),
      deep: [[[[{ a: [{}] }]]]],
    }
    assert.deepEqual(JSON.parse(compactJson(value)), value)
  })
})
