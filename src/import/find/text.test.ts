import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { firstLines } from './text.ts'

describe('firstLines', () => {
  it('yields lines without \\n or \\r\\n, and no empty line after a final break', () => {
    assert.deepEqual([...firstLines('a\r\nb\n\nc\n')], ['a', 'b', '', 'c'])
    assert.deepEqual([...firstLines('')], [])
  })

  it('stops after the limit without reading further', () => {
    assert.deepEqual([...firstLines('1\n2\n3\n4', 2)], ['1', '2'])
  })
})
