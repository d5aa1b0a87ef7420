import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { applyExampleMessages, exampleMessages } from './example-messages.ts'
import type { PageImport } from './page.ts'

const TEXT = [
  '{',
  '"code": "unauthorized",',
  '"message": "Invalid or missing API key."',
  '}',
  '```json',
  '{ "code": "invalid_request", "message": "Missing field: a" }',
  '```',
  '{ "code": "invalid_request", "message": "Missing QR id." }',
  '{ "code": 42, "message": "Answer" }',
].join('\n')

describe('example responses', () => {
  it('collects the message shown for each code', () => {
    const found = exampleMessages(TEXT)
    assert.deepEqual(found.get('unauthorized'), [
      { message: 'Invalid or missing API key.', line: 3 },
    ])
    assert.equal(found.get('invalid_request')?.length, 2)
    assert.deepEqual(found.get('42'), [{ message: 'Answer', line: 9 }])
  })

  it('uses a code’s only example as its message, never an ambiguous one', () => {
    const page: PageImport = {
      format: 'text-columns',
      groups: [],
      notes: [],
      rows: [
        { code: 'unauthorized', message: 'Missing, invalid, or revoked API key', line: 20 },
        { code: 'invalid_request', message: 'Malformed parameters', line: 21 },
      ],
    }
    applyExampleMessages(page, TEXT)
    assert.deepEqual(page.rows[0], {
      code: 'unauthorized',
      message: 'Invalid or missing API key.',
      description: 'Missing, invalid, or revoked API key',
      line: 20,
    })
    assert.equal(page.rows[1]!.message, 'Malformed parameters')
    assert.deepEqual(
      page.notes.map((n) => [n.line, n.kind]),
      [[20, 'guessed']],
    )
  })
})
