import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { defineError } from './define-error.ts'
import type { CatalogScope } from './definition.ts'
import { errorMetaOf } from './error-meta.ts'
import { errorFinder, errorWithParams } from './find-error.ts'

const scope: CatalogScope = { id: 'test', locale: 'en' }
const base = {
  catalog: scope,
  expose: true,
  stack: false,
  retry: 'never',
  type: 'about:blank',
} as const
const errors = {
  BAD_TOKEN: defineError({
    ...base,
    symbol: 'BAD_TOKEN',
    code: 1001,
    key: 'bad_token',
    status: 401,
    title: 'Bad token',
    message: ['Token ', { type: 'arg', name: 'hint' }, ' is bad'],
    params: ['hint'],
  }),
  // A key that spells another error's symbol, and a key that is all digits.
  ODD: defineError({
    ...base,
    symbol: 'ODD',
    code: 7,
    key: 'BAD_TOKEN',
    status: 400,
    title: 'Odd',
    message: 'Odd',
    group: 'misc',
  }),
  DIGITS: defineError({
    ...base,
    symbol: 'DIGITS',
    key: '1001',
    status: 400,
    title: 'Digits',
    message: 'Digits',
  }),
}

describe('finding errors by id', () => {
  const find = errorFinder(errors)

  it('finds errors by symbol, key and code, symbols first, then keys, then codes', () => {
    assert.equal(find('BAD_TOKEN'), errors.BAD_TOKEN)
    assert.equal(find('bad_token'), errors.BAD_TOKEN)
    assert.equal(find('7'), errors.ODD)
    assert.equal(find('1001'), errors.DIGITS)
    assert.equal(find('nope'), undefined)
    assert.equal(find('constructor'), undefined)
  })

  it('creates an error with the declared params only', () => {
    const error = errorWithParams(errors.BAD_TOKEN, new URLSearchParams('hint=abcd&other=x'))
    assert.deepEqual(error.params, { hint: 'abcd' })
    assert.equal(error.message, 'Token abcd is bad')
    assert.deepEqual(errorWithParams(errors.ODD, { hint: 'x' }).params, {})
    assert.deepEqual(errorWithParams(errors.BAD_TOKEN, { hint: 42, x: 1 }).params, { hint: 42 })
  })

  it('describes an error for clients: errorMetaOf', () => {
    assert.deepEqual(errorMetaOf(errors.ODD.definition), {
      symbol: 'ODD',
      code: 7,
      key: 'BAD_TOKEN',
      status: 400,
      type: 'about:blank',
      title: 'Odd',
      group: 'misc',
    })
  })
})
