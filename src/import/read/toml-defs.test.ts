import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectFormat } from './detect.ts'
import { PageLimitError } from './limits.ts'
import { tomlImporter } from './toml-defs.ts'

describe('TOML definitions importer', () => {
  it('reads tables keyed by code with multi-line error strings', () => {
    const text = `# Generated; edit the descriptions.

["Shop:Cart:ErrEmpty"]
error = '''
the cart is empty
'''
description = "Add an item first."

["Shop:Pay:ErrDeclined"]
error = '''
card declined
'''
`
    assert.equal(detectFormat(text)?.importer.format, 'toml')
    const page = tomlImporter.parse(text)
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.message, r.description, r.line]),
      [
        ['Shop:Cart:ErrEmpty', 'the cart is empty', 'Add an item first.', 3],
        ['Shop:Pay:ErrDeclined', 'card declined', undefined, 9],
      ],
    )
  })

  it('reads a name → code table (comments as messages) and arrays of tables', () => {
    const text = `[codes]
# The order is unknown.
order_missing = 4001
order_locked = 4002 # Someone else edits it.

[[errors]]
code = 9001
message = "Disk full"

[[errors]]
code = 9002
message = "Quota exceeded"
`
    const codes = tomlImporter.parse(text)
    assert.deepEqual(
      codes.rows.map((r) => [r.code, r.symbol, r.message, r.line]),
      [
        ['4001', 'order_missing', 'The order is unknown.', 3],
        ['4002', 'order_locked', 'Someone else edits it.', 4],
        ['9001', undefined, 'Disk full', 6],
        ['9002', undefined, 'Quota exceeded', 10],
      ],
    )
    const names = tomlImporter.parse(
      text.slice(0, text.indexOf('[[errors]]')).concat('other = 1\n'),
    )
    assert.deepEqual(
      names.rows.map((r) => [r.code, r.symbol, r.message, r.line]),
      [
        ['4001', 'order_missing', 'The order is unknown.', 3],
        ['4002', 'order_locked', 'Someone else edits it.', 4],
        ['1', 'other', undefined, 6],
      ],
    )
  })

  it('reports where broken TOML breaks', () => {
    const page = tomlImporter.parse('[a]\nx = 1\ny = = 2\nz = 3\n')
    assert.equal(page.rows.length, 0)
    assert.equal(page.notes[0]!.line, 3)
  })

  it('stops at a stated nesting limit', () => {
    const deep = `a = ${'['.repeat(5000)}${']'.repeat(5000)}\nb = 1\nc = 2\n`
    assert.throws(() => tomlImporter.parse(deep), PageLimitError)
  })
})
