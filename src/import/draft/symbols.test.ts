import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { assignSymbols, symbolFromText, toUpperSnake } from './symbols.ts'

describe('toUpperSnake', () => {
  it('converts the names pages use', () => {
    assert.equal(toUpperSnake('NoSuchKey'), 'NO_SUCH_KEY')
    assert.equal(toUpperSnake('successful_completion'), 'SUCCESSFUL_COMPLETION')
    assert.equal(toUpperSnake('HTTPError'), 'HTTP_ERROR')
    assert.equal(toUpperSnake('ERROR_BAD_TOKEN'), 'ERROR_BAD_TOKEN')
    assert.equal(toUpperSnake('invalid-request.v2'), 'INVALID_REQUEST_V2')
    assert.equal(toUpperSnake('22012'), 'ERR_22012')
    assert.equal(toUpperSnake('参数'), undefined)
  })
})

describe('symbolFromText', () => {
  it('keeps a few meaningful words of the first sentence', () => {
    assert.equal(
      symbolFromText('Requested billing group/invoice does not exist.'),
      'REQUESTED_BILLING_GROUP_INVOICE_NOT_FOUND',
    )
    assert.equal(
      symbolFromText("Owner's username must not be null or empty string."),
      'OWNERS_USERNAME_REQUIRED',
    )
    assert.equal(
      symbolFromText('User service is currently unavailable.'),
      'USER_SERVICE_UNAVAILABLE',
    )
    assert.equal(symbolFromText('invalid API key (auth failed)'), 'INVALID_API_KEY')
    assert.equal(
      symbolFromText('Insufficient privileges to access the requested file.'),
      'NO_ACCESS_TO_REQUESTED_FILE',
    )
  })
  it('never ends on a word that announces more, and stays short', () => {
    const symbol = symbolFromText('An error occurred during the decoding of the request content.')!
    assert.match(symbol, /^[A-Z][A-Z0-9_]*$/)
    assert.doesNotMatch(symbol, /_(OF|TO|DURING|THE)$/)
    assert.ok(symbol.length <= 48)
  })
  it('gives nothing for text without Latin words', () => {
    assert.equal(symbolFromText('参数缺失'), undefined)
  })
})

describe('assignSymbols', () => {
  it('keeps page symbols, and appends the code to every colliding derived one', () => {
    assert.deepEqual(
      assignSymbols([
        { derived: 'REQUESTED_FILE_NOT_FOUND', code: '5002' },
        { given: 'ERROR_OK', code: '0' },
        { derived: 'REQUESTED_FILE_NOT_FOUND', code: '8005' },
        { code: '77' },
      ]),
      ['REQUESTED_FILE_NOT_FOUND_5002', 'ERROR_OK', 'REQUESTED_FILE_NOT_FOUND_8005', 'ERR_77'],
    )
  })
  it('numbers repeats of the same key and of the same code', () => {
    assert.deepEqual(
      assignSymbols([
        { given: 'INTERNAL', code: 'INTERNAL' },
        { given: 'INTERNAL', code: 'INTERNAL' },
        { derived: 'SAME', code: '1' },
        { derived: 'SAME', code: '1' },
      ]),
      ['INTERNAL', 'INTERNAL_2', 'SAME_1', 'SAME_1_2'],
    )
  })
  it('stays fast with thousands of identical names', () => {
    const started = performance.now()
    const symbols = assignSymbols(
      Array.from({ length: 10_000 }, () => ({ derived: 'X', code: '1' })),
    )
    assert.equal(new Set(symbols).size, 10_000)
    assert.ok(performance.now() - started < 1000)
  })
})
