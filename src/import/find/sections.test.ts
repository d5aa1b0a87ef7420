import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PageBuilder } from './page-builder.ts'
import { headingEntry, methodHeading, Sections } from './sections.ts'

const method = (text: string) => methodHeading(text, headingEntry(text)!)

describe('methodHeading', () => {
  it('tells a method heading from an error heading', () => {
    assert.equal(method('engine_exchangeCapabilities'), true)
    assert.equal(method('eth_getBalanceV2'), true)
    assert.equal(method('eth_call(tx, block)'), true)
    assert.equal(method('ERR_INVALID_ARG'), false)
    assert.equal(method('rate_limit_day'), false)
    assert.equal(method('CURLE_OK (0)'), false)
    assert.equal(method('404 Not Found'), false)
  })
})

describe('Sections.finish', () => {
  it('takes back method headings on a page of numeric codes, and their empty group', () => {
    const builder = new PageBuilder('markdown')
    const sections = new Sections(builder)
    sections.heading(2, 'Errors', 1)
    builder.addRow({ code: '-32700', message: 'Parse error', line: 3 })
    builder.addRow({ code: '-38001', message: 'Unknown payload', line: 4 })
    sections.heading(2, 'Methods', 6)
    sections.heading(3, 'engine_getPayloadV1', 7)
    sections.text('Returns the payload.', 'Returns the payload.')
    sections.finish()
    assert.deepEqual(
      builder.page.rows.map((r) => [r.code, r.group]),
      [
        ['-32700', 0],
        ['-38001', 0],
      ],
    )
    assert.deepEqual(
      builder.page.groups.map((g) => g.title),
      ['Errors'],
    )
    assert.match(builder.page.notes.at(-1)!.message, /engine_getPayloadV1 names a method/)
  })

  it('keeps method-like headings where the page has no numeric codes beside them', () => {
    const builder = new PageBuilder('markdown')
    const sections = new Sections(builder)
    sections.heading(2, 'ERR_badInput', 1)
    sections.text('The input is bad.', 'The input is bad.')
    sections.heading(2, 'ERR_lateReply', 3)
    sections.text('The reply came late.', 'The reply came late.')
    sections.finish()
    assert.deepEqual(
      builder.page.rows.map((r) => r.code),
      ['ERR_badInput', 'ERR_lateReply'],
    )
  })
})
