import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fieldListEntry, parseField } from './field-list.ts'

describe('parseField', () => {
  it('reads `Name: value` with a short name before the first colon', () => {
    assert.deepEqual(parseField('Message: `Row {n} is empty`'), {
      name: 'Message',
      value: '`Row {n} is empty`',
    })
    assert.deepEqual(parseField('User Guidance: None'), { name: 'User Guidance', value: 'None' })
    assert.deepEqual(parseField('Details:'), { name: 'Details', value: '' })
  })

  it('takes no colon inside a word, no long name and no sentence for a field', () => {
    assert.equal(parseField('Starts at 12:30 sharp'), undefined)
    assert.equal(parseField('See http://example.com'), undefined)
    assert.equal(parseField('When the file is larger than the limit: split it'), undefined)
    assert.equal(parseField('no colon at all'), undefined)
  })
})

describe('fieldListEntry', () => {
  it('names the message, description, troubleshooting and status by the fields', () => {
    assert.deepEqual(
      fieldListEntry([
        { name: 'Severity', value: 'Fatal' },
        { name: 'Message', value: '`Row {n} is empty`' },
        { name: 'Description', value: 'The row holds nothing.' },
        { name: 'Solution', value: 'Remove the row.' },
        { name: 'HTTP Status', value: '422' },
        { name: 'Causes', value: '', more: '- a blank line\n- a stray delimiter' },
      ]),
      {
        message: 'Row {n} is empty',
        status: 422,
        description: 'The row holds nothing.\n\n**Severity:** Fatal',
        troubleshooting: 'Remove the row.\n\n- a blank line\n- a stray delimiter',
      },
    )
  })

  it('takes the description for the message when no field names one', () => {
    assert.deepEqual(
      fieldListEntry([
        { name: 'Level', value: 'warning' },
        { name: 'Description', value: 'The row holds nothing.' },
      ]),
      { message: 'The row holds nothing.', description: '**Level:** warning' },
    )
  })

  it('reads no entry from fields that describe no error', () => {
    assert.equal(
      fieldListEntry([
        { name: 'Author', value: 'Ann' },
        { name: 'Date', value: '2024-01-02' },
      ]),
      undefined,
    )
    assert.equal(fieldListEntry([{ name: 'Message', value: 'Alone' }]), undefined)
  })
})
