import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { TYPE } from '@formatjs/icu-messageformat-parser'
import fc from 'fast-check'
import { fuzz } from '../../../test/fuzz-settings.ts'
import { parseMessage } from '../../catalog/message.ts'
import { escapeIcu, type MessagePart, splitBracePlaceholders, toIcu } from './icu-text.ts'

/** What the template says, read back through the ICU parser: literals, and `{name}` for placeholders. */
function readBack(template: string): MessagePart[] {
  const parsed = parseMessage(template)
  assert.ok(parsed.ok, `not valid ICU: ${template}`)
  const parts: MessagePart[] = []
  for (const element of parsed.ast) {
    if (element.type === TYPE.literal) {
      const last = parts[parts.length - 1]
      if (typeof last === 'string') parts[parts.length - 1] = last + element.value
      else parts.push(element.value)
    } else if (element.type === TYPE.argument) parts.push({ param: element.value })
    else assert.fail(`unexpected element type ${element.type} in ${template}`)
  }
  return parts
}

function merged(parts: readonly MessagePart[]): MessagePart[] {
  const out: MessagePart[] = []
  for (const part of parts) {
    if (typeof part === 'string' && part === '') continue
    const last = out[out.length - 1]
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part
    else out.push(part)
  }
  return out
}

describe('toIcu', () => {
  it('keeps apostrophes readable where ICU reads them literally', () => {
    assert.equal(toIcu(["Can't create file '", { param: 'p1' }, "'"]), "Can't create file ''{p1}'")
    assert.equal(escapeIcu("don't"), "don't")
  })

  it('escapes braces and the apostrophes that would start quoting', () => {
    assert.equal(escapeIcu('a {b} c'), "a '{'b'}' c")
    assert.equal(escapeIcu("it's '{x}'"), "it's '''{'x'}'''")
    assert.equal(escapeIcu('{}'), "'{}'")
    assert.equal(escapeIcu("''"), "'''")
    assert.deepEqual(readBack(escapeIcu("it's '{x}'")), ["it's '{x}'"])
  })

  it('formats back to exactly the page text, whatever the text holds', () => {
    const literal = fc.string({
      unit: fc.constantFrom('a', ' ', "'", '{', '}', '#', '|', '%', 'x'),
      maxLength: 12,
    })
    const part = fc.oneof(literal, fc.constantFrom({ param: 'p1' }, { param: 'name' }))
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        assert.deepEqual(readBack(toIcu(parts)), merged(parts))
      }),
      fuzz(500),
    )
  })
})

describe('splitBracePlaceholders', () => {
  it('reads `{name}` as placeholders and leaves other braces literal', () => {
    const { parts, params } = splitBracePlaceholders("File '{file}' in {dir} {not valid} {0}")
    assert.deepEqual(params, ['file', 'dir', 'arg0'])
    assert.deepEqual(parts, [
      "File '",
      { param: 'file' },
      "' in ",
      { param: 'dir' },
      ' {not valid} ',
      { param: 'arg0' },
    ])
    assert.equal(toIcu(parts), "File ''{file}' in {dir} '{'not valid'}' {arg0}")
  })
})
