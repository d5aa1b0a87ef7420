import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { planColumns } from './columns.ts'

describe('planColumns', () => {
  it('reads 300,000 rows without overflowing the stack', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [String(i), 'a'])
    assert.equal(planColumns(['Code', 'Message'], rows)?.code, 0)
  })
  it('trusts contents over mislabelled headers (Qencode)', () => {
    assert.deepEqual(
      planColumns(
        ['ERROR CODE', 'VALUE', 'DESCRIPTION'],
        [
          ['ERROR_OK', '0', 'Operation completed successfully'],
          ['ERROR_BAD_TOKEN', '4', 'Token does not pass validation.'],
        ],
      ),
      { code: 1, codeType: 'number', symbol: 0, message: 2 },
    )
  })
  it('finds status, symbol, message and fix columns (Cloudflare)', () => {
    assert.deepEqual(
      planColumns(
        ['Error Code', 'S3 Code', 'HTTP Status', 'Details', 'Recommended Fix'],
        [
          ['10002', 'Unauthorized', '401', 'Missing credentials.', 'Verify your token.'],
          ['10003', 'AccessDenied', '403', 'Insufficient permissions.', 'Check permissions.'],
        ],
      ),
      { code: 0, codeType: 'number', status: 2, symbol: 1, troubleshooting: 4, message: 3 },
    )
  })
  it('splits message and description between two text columns (Discord)', () => {
    assert.deepEqual(
      planColumns(
        ['Code', 'Description', 'Explanation'],
        [['4000', 'Unknown error', 'We are not sure what went wrong.']],
      ),
      { code: 0, codeType: 'number', message: 1, description: 2 },
    )
  })
  it('reads string and SQLSTATE codes as keys', () => {
    assert.equal(
      planColumns(
        ['Code', 'Meaning'],
        [
          ['unauthorized', 'Missing key'],
          ['not_found', 'Gone'],
        ],
      )?.codeType,
      'key',
    )
    assert.equal(
      planColumns(
        ['Error Code', 'Condition Name'],
        [
          ['00000', 'successful_completion'],
          ['01000', 'warning'],
        ],
      )?.codeType,
      'key',
    )
  })
  it('finds no code column in tables that list something else', () => {
    assert.equal(
      planColumns(
        ['Field', 'Description'],
        [
          ['ok', 'Always false'],
          ['request_id', 'Unique ID'],
        ],
      ),
      undefined,
    )
    assert.equal(planColumns(['Error Codes'], [['Prev', 'Up', 'Home']]), undefined)
  })
})
