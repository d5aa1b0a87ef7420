import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { firstLines, lineStarts, normalizeSpace, splitLines } from './text.ts'

describe('firstLines', () => {
  it('yields lines without \\n or \\r\\n, and no empty line after a final break', () => {
    assert.deepEqual([...firstLines('a\r\nb\n\nc\n')], ['a', 'b', '', 'c'])
    assert.deepEqual([...firstLines('')], [])
  })

  it('stops after the limit without reading further', () => {
    assert.deepEqual([...firstLines('1\n2\n3\n4', 2)], ['1', '2'])
  })
})

describe('normalizeSpace', () => {
  it('collapses and trims like a replace of \\s+ then trim, also when it returns the text as it is', () => {
    const reference = (t: string) => t.replace(/\s+/g, ' ').trim()
    const samples = [
      '',
      ' ',
      'a',
      'a b c',
      ' a',
      'a ',
      'a  b',
      'a\tb',
      'a\nb',
      'a\u00a0b',
      '\u3000a',
      'a\r\n',
      'one two  three',
    ]
    for (const s of samples) assert.equal(normalizeSpace(s), reference(s), JSON.stringify(s))
    fc.assert(
      fc.property(
        fc.stringMatching(/^[ab \t\n\u00a0\u2028]{0,12}$/),
        (s) => normalizeSpace(s) === reference(s),
      ),
    )
  })
})

describe('lineStarts and splitLines', () => {
  it('break lines at \\n, \\r\\n and a lone \\r alike, with or without a \\r on the page', () => {
    assert.deepEqual(lineStarts('a\r\nb\rc\nd'), [0, 3, 5, 7])
    assert.deepEqual(lineStarts('a\nbb\n'), [0, 2, 5])
    assert.deepEqual(splitLines('a\r\nb\rc\nd'), ['a', 'b', 'c', 'd'])
    assert.deepEqual(splitLines('a\nbb\n'), ['a', 'bb', ''])
  })
})
