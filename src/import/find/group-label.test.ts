import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isRangeOnly, parseGroupLabel } from './group-label.ts'

describe('parseGroupLabel', () => {
  it('reads thousand-ranges written with x', () => {
    assert.deepEqual(parseGroupLabel('**2xxx:**'), { title: '2xxx', range: [2000, 2999] })
    assert.deepEqual(parseGroupLabel('9xxxx'), { title: '9xxxx', range: [90000, 99999] })
    assert.deepEqual(parseGroupLabel('0xxx'), { title: '0xxx', range: [0, 999] })
    assert.deepEqual(parseGroupLabel('5xx (SERVER ERROR)').range, [500, 599])
  })
  it('reads explicit ranges and keeps the words of the title', () => {
    assert.deepEqual(parseGroupLabel('Module error codes (100300 ~ 100329):'), {
      title: 'Module error codes (100300 ~ 100329)',
      range: [100300, 100329],
    })
    assert.deepEqual(parseGroupLabel('12000 - 12175').range, [12000, 12175])
    assert.deepEqual(parseGroupLabel('System Error Codes (0-499)').range, [0, 499])
  })
  it('reads SQLSTATE classes as prefixes', () => {
    assert.deepEqual(parseGroupLabel('Class 22 — Data Exception'), {
      title: 'Class 22 — Data Exception',
      prefix: '22',
    })
    assert.equal(parseGroupLabel('Class 0A — Feature Not Supported').prefix, '0A')
  })
  it('does not take codes, hex or dates for ranges', () => {
    assert.equal(parseGroupLabel('2201X').range, undefined)
    assert.equal(parseGroupLabel('0x1F').range, undefined)
    assert.equal(parseGroupLabel('Released 2025-11-14').range, undefined)
    assert.deepEqual(parseGroupLabel('User errors'), { title: 'User errors' })
  })
})

describe('isRangeOnly', () => {
  it('is true for cells that hold only a range', () => {
    assert.ok(isRangeOnly('**6xxx**'))
    assert.ok(isRangeOnly('100300 ~ 100329'))
    assert.ok(!isRangeOnly('6009'))
    assert.ok(!isRangeOnly('2201X'))
    assert.ok(!isRangeOnly('User errors 2xxx'))
  })
})
