import assert from 'node:assert/strict'
import { it } from 'node:test'
import { looksLikeI18nKey } from './raw-i18n-key.ts'

it('recognises identifiers that stand in for text', () => {
  for (const key of [
    'services_api_error_codes_rating_restriction',
    'errors.auth.expired',
    'ERROR_OK',
    'api_key',
  ]) {
    assert.equal(looksLikeI18nKey(key), true, key)
  }
})

it('leaves text alone, even short or hyphenated', () => {
  for (const text of [
    'Unauthorized',
    'Invalid e-mail',
    'api_key is a required field',
    'Not found.',
    '{detail}',
    '',
  ]) {
    assert.equal(looksLikeI18nKey(text), false, text)
  }
})
