import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { codeKind, isProseCode, numericValue, parseEntry } from './code-token.ts'

describe('codeKind', () => {
  it('tells numbers, hex and identifiers apart', () => {
    assert.equal(codeKind('2001'), 'number')
    assert.equal(codeKind('-1'), 'number')
    assert.equal(codeKind('0x1F'), 'hex')
    assert.equal(codeKind('invalid_request'), 'identifier')
    assert.equal(codeKind('22P02'), 'identifier')
    assert.equal(codeKind('two words'), undefined)
    assert.equal(codeKind(''), undefined)
  })
  it('reads hex codes as numbers', () => {
    assert.equal(numericValue('0x1F'), 31)
    assert.equal(numericValue('007'), 7)
    assert.equal(numericValue('abc'), undefined)
  })
})

describe('isProseCode', () => {
  it('accepts what cannot be an ordinary word', () => {
    for (const code of ['404', 'ERROR_BAD_TOKEN', 'rate_limit_day', 'CANCELLED', 'E1001', '0x1F']) {
      assert.ok(isProseCode(code), code)
    }
  })
  it('rejects words that start prose lines', () => {
    for (const word of ['Note', 'Example', 'unauthorized', 'Verify', '2nd'])
      assert.ok(!isProseCode(word), word)
  })
})

describe('parseEntry', () => {
  it('reads code and text separated by a colon or a dash', () => {
    assert.deepEqual(parseEntry('0: success'), { code: '0', text: 'success' })
    assert.deepEqual(parseEntry('3002 — Other thing'), { code: '3002', text: 'Other thing' })
    assert.deepEqual(parseEntry('`E42` - Broken'), { code: 'E42', text: 'Broken' })
  })
  it('reads a symbol with its code in parentheses', () => {
    assert.deepEqual(parseEntry('CURLE_OK (0)'), { code: '0', symbol: 'CURLE_OK' })
    assert.deepEqual(parseEntry('CURLM_CALL_MULTI_PERFORM (-1)'), {
      code: '-1',
      symbol: 'CURLM_CALL_MULTI_PERFORM',
    })
  })
  it('reads HTTP-style names after a number', () => {
    assert.deepEqual(parseEntry('404 Not Found'), { code: '404', title: 'Not Found' })
    assert.deepEqual(parseEntry('200 (OK)'), { code: '200', title: 'OK' })
    assert.deepEqual(parseEntry('`305 Use Proxy`'), { code: '305', title: 'Use Proxy' })
  })
  it('keeps a parenthesised note after an HTTP-style name out of the name', () => {
    assert.deepEqual(parseEntry('102 Processing (WebDAV)'), {
      code: '102',
      title: 'Processing',
      note: 'WebDAV',
    })
    assert.deepEqual(parseEntry('226 IM Used (HTTP Delta encoding)'), {
      code: '226',
      title: 'IM Used',
      note: 'HTTP Delta encoding',
    })
    // Parentheses inside a word, or nested ones, stay in the name.
    assert.deepEqual(parseEntry('4014 Disallowed intent(s)'), {
      code: '4014',
      title: 'Disallowed intent(s)',
    })
    assert.deepEqual(parseEntry('499 Closed (by (client))'), {
      code: '499',
      title: 'Closed (by (client))',
    })
  })
  it('reads a number with its hex spelling (Win32)', () => {
    assert.deepEqual(parseEntry('193 (0xC1)'), { code: '193' })
  })
  it('leaves prose alone', () => {
    assert.equal(parseEntry('Ensure you are using the correct key.'), undefined)
    assert.equal(parseEntry('Note: this is prose'), undefined)
    assert.equal(parseEntry(''), undefined)
  })
})
