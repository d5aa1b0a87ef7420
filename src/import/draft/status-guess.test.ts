import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { codesAreStatuses, guessStatus, looksLikeSuccess } from './status-guess.ts'

describe('guessStatus', () => {
  it('reads the status from the wording and says why', () => {
    const cases: [string, number, string][] = [
      ['Requested user does not exist.', 404, 'does not exist'],
      ['Rate limit exceeded! Check response headers.', 429, 'rate limit'],
      ['User service is currently unavailable.', 503, 'unavailable'],
      ['Requested project/member already exists', 409, 'already exists'],
      ['Insufficient privileges to access the requested file.', 403, 'privilege'],
      ['Missing, invalid, or revoked API key', 401, 'api key'],
      ['Unauthorized job access', 401, 'unauthorized'],
      ['Unsupported Media Type.', 415, 'unsupported media type'],
      ['Internal server error occurred.', 500, 'internal'],
      ['Project id must not be null or an empty string.', 400, 'must'],
    ]
    for (const [text, status, because] of cases)
      assert.deepEqual(guessStatus(text), { status, because }, text)
  })
  it('lets the name of the error speak first', () => {
    assert.equal(guessStatus("ERROR_TOKEN_NOT_FOUND We can't find such token").status, 401)
    assert.equal(
      guessStatus('project_not_found Project does not belong to the API key owner').status,
      404,
    )
  })
  it('falls back to 400 without a reason', () => {
    assert.deepEqual(guessStatus('Dispatch'), { status: 400 })
  })
})

describe('looksLikeSuccess and codesAreStatuses', () => {
  it('recognises success entries', () => {
    assert.ok(looksLikeSuccess('success'))
    assert.ok(looksLikeSuccess('Operation completed successfully'))
    assert.ok(looksLikeSuccess('anything', 'ERROR_OK'))
    assert.ok(!looksLikeSuccess('Unsuccessful login'))
  })
  it('recognises codes that are HTTP statuses', () => {
    assert.ok(codesAreStatuses([0, 400, 401, 403, 404, 429, 502]))
    assert.ok(!codesAreStatuses([100, 105, 110]))
    assert.ok(!codesAreStatuses([404]))
  })
})
