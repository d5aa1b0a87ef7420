import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { splitRunTogether } from './split-run-together.ts'

describe('splitRunTogether', () => {
  it('splits where the description starts repeating the message', () => {
    assert.deepEqual(
      splitRunTogether(
        'Invalid request parametersInvalid request parameters (missing required fields, wrong type, or illegal values).',
      ),
      {
        message: 'Invalid request parameters',
        description:
          'Invalid request parameters (missing required fields, wrong type, or illegal values).',
        how: 'repeat',
      },
    )
  })
  it('finds a partial repeat, case-insensitively, after an acronym', () => {
    const split = splitRunTogether(
      'API key org mismatchAPI key organization does not match request.',
    )
    assert.equal(split.message, 'API key org mismatch')
    assert.equal(split.how, 'repeat')
    const dup = splitRunTogether(
      'Duplicate submission not allowed for this fieldDuplicate submission not allowed (uniqueness check failed).',
    )
    assert.equal(dup.message, 'Duplicate submission not allowed for this field')
  })
  it('falls back to the lowercase→capital boundary', () => {
    assert.deepEqual(
      splitRunTogether(
        'Form not assigned to this codeThe QR code is not associated with this form.',
      ),
      {
        message: 'Form not assigned to this code',
        description: 'The QR code is not associated with this form.',
        how: 'capital',
      },
    )
    assert.equal(
      splitRunTogether('Submitted resource has expiredDependent resource has expired.').message,
      'Submitted resource has expired',
    )
  })
  it('leaves text without a boundary whole', () => {
    assert.deepEqual(splitRunTogether('all lower case text'), {
      message: 'all lower case text',
      how: 'none',
    })
  })
  it('stays linear on long input', () => {
    const long = 'Ab'.repeat(50_000)
    const started = performance.now()
    splitRunTogether(long)
    assert.ok(performance.now() - started < 1000)
  })
})
