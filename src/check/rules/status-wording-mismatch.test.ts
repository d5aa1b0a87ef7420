import assert from 'node:assert/strict'
import { it } from 'node:test'
import { wordingMismatch } from './status-wording-mismatch.ts'

it('reports wordings that name another status', () => {
  const mismatches: [string, number][] = [
    ['Record {id} not found', 400],
    ['The project does not exist', 422],
    ['Unauthorized', 404],
    ['Authentication failed', 400],
    ['Permission denied', 401],
    ['You do not have permission to edit this form', 400],
    ['Rate limit exceeded', 400],
    ['Too many requests', 503 + 1],
    ['The user already exists', 500],
    ['Service temporarily unavailable', 500],
  ]
  for (const [text, status] of mismatches) {
    assert.ok(wordingMismatch(text, status), `${JSON.stringify(text)} on ${status}`)
  }
})

it('accepts wordings that fit, and phrases that only look alike', () => {
  const fine: [string, number][] = [
    ['Record {id} not found', 404],
    ['Unauthorized job access', 403],
    ['Resource not found or no permission', 404], // seed 001: one phrase fits
    ['upstream service unavailable', 502], // seed 001
    ['api_key is a required field', 400], // Gengo 1150
    ['permission is a required field', 400],
    ['Unsupported HTTP method', 405],
    ['The request is authenticated, but access is not allowed', 403], // QRForge
    ['Quote file size exceeds limit', 400],
    ['Feature unavailable on your plan', 403],
    ['Two-factor authentication is already enabled', 409],
    ['Rate limited', 429],
    ['Email already exists', 422],
  ]
  for (const [text, status] of fine) {
    assert.equal(wordingMismatch(text, status), undefined, `${JSON.stringify(text)} on ${status}`)
  }
})

it('quotes the words the text uses', () => {
  assert.deepEqual(wordingMismatch('Reading SQL data not permitted', 500), [
    '"not permitted" (403)',
  ])
})
