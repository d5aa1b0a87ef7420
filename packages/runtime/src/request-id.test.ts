import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isWellFormedRequestId, randomRequestId, resolveRequestId } from './request-id.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('request ids', () => {
  it('keeps a well-formed incoming id', () => {
    for (const id of [
      'abc',
      'req_01HZY3',
      'a'.repeat(128),
      'trace:00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '01HZY3F6Q9V0M2N8K7J5H4G3D2',
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
      'a'.repeat(129),
      '<script>alert(1)</script>',
      '"quoted"',
      "it's",
      'a/b',
      'a+b=c',
      'a;b',
      '!~',
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

  it("applies an app's rule above a floor it cannot widen", () => {
    const awsStyle = (id: string) => /^[\w=;.-]+$/.test(id)
    const aws = 'Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8'
    assert.match(resolveRequestId(aws), UUID)
    assert.equal(resolveRequestId(aws, awsStyle), aws)
    const anything = () => true
    for (const id of [
      '<b>',
      'a"b',
      "a'b",
      'sp ace',
      'x'.repeat(257),
      'é',
      'a\r\nb',
      'a\tb',
      'ctl\x01',
      'del\x7f',
      '',
    ])
      assert.match(resolveRequestId(id, anything), UUID, JSON.stringify(id))
    assert.equal(resolveRequestId('x'.repeat(256), anything), 'x'.repeat(256))
    const throwing = () => {
      throw new Error('rule failed')
    }
    assert.match(resolveRequestId('abc', throwing), UUID)
    // Only `true` keeps an id: a rule returning a truthy non-boolean does not.
    assert.match(resolveRequestId('abc', (() => 'yes') as never), UUID)
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
