import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isWellFormedRequestId, randomRequestId, resolveRequestId } from './request-id.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('request ids', () => {
  it('keeps a well-formed incoming id', () => {
    for (const id of [
      'abc',
      'req_01HZY3',
      'a'.repeat(200),
      '!~',
      '5e7c1cfa-e2c2-4b4f-b2b4-8aa25531c9ef',
    ])
      assert.equal(resolveRequestId(id), id)
  })

  it('never echoes a malformed id, and replaces it with a new UUID', () => {
    const hostile = [
      '',
      'abc\r\nSet-Cookie: x=1',
      'abc\n',
      'with space',
      'tab\there',
      'a'.repeat(201),
      'x'.repeat(10_000),
      'héllo',
      'id\u0000',
      '日本',
      'emoji😀',
      '\u007f',
    ]
    for (const id of hostile) {
      assert.equal(isWellFormedRequestId(id), false, JSON.stringify(id))
      const resolved = resolveRequestId(id)
      assert.match(resolved, UUID)
      assert.ok(!resolved.includes(id) || id === '')
    }
  })

  it('generates an id when there is none, or when it is not a string', () => {
    for (const value of [undefined, null, 42, ['a', 'b'], {}])
      assert.match(resolveRequestId(value), UUID)
    assert.notEqual(resolveRequestId(undefined), resolveRequestId(undefined))
  })

  it('generates random version 4 UUIDs, across batches of random bytes', () => {
    const ids = new Set<string>()
    const nibbles = new Set<string>()
    for (let i = 0; i < 1000; i++) {
      const id = randomRequestId()
      assert.match(id, UUID)
      ids.add(id)
      nibbles.add(id[0]!)
    }
    assert.equal(ids.size, 1000)
    assert.equal(nibbles.size, 16)
  })
})
