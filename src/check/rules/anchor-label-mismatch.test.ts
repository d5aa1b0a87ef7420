import assert from 'node:assert/strict'
import { it } from 'node:test'
import { anchorDisagrees } from './anchor-label-mismatch.ts'

it('numeric labels must be among the numbers of the anchor', () => {
  assert.equal(anchorDisagrees('9023', '9032'), true) // Seven Bridges
  assert.equal(anchorDisagrees('9042', '9024'), true)
  assert.equal(anchorDisagrees('9023', '9023'), false)
  assert.equal(anchorDisagrees('error-9023', ' 9023 '), false)
})

it('other labels compare as slugs, one containing the other', () => {
  assert.equal(anchorDisagrees('invalid-request', 'invalid_request'), false)
  assert.equal(anchorDisagrees('error-invalid-request', 'Invalid request'), false)
  assert.equal(anchorDisagrees('rate-limited', 'not_found'), true)
})
