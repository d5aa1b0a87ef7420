import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { envelopeWriter } from '../../../src/emit/envelope-writer.ts'
import { defineError } from './define-error.ts'
import type { CatalogScope, ErrorDefinition, RuntimeCatalog } from './definition.ts'
import { createAdapterHandler, pathOf, RequestBodyError } from './request-errors.ts'

const scope: CatalogScope = { id: 'test', locale: 'en' }
const base = {
  catalog: scope,
  expose: true,
  stack: false,
  retry: 'never',
  type: 'about:blank',
} as const
const INVALID: ErrorDefinition = {
  ...base,
  symbol: 'INVALID',
  key: 'invalid',
  status: 400,
  title: 'Invalid',
  message: 'Invalid',
}
const TOO_LARGE = defineError({
  ...base,
  symbol: 'TOO_LARGE',
  key: 'too_large',
  status: 413,
  title: 'Too large',
  message: 'Too large',
})
const TEAPOT = defineError({
  ...base,
  symbol: 'TEAPOT',
  key: 'teapot',
  status: 418,
  title: 'Teapot',
  message: 'Teapot',
})
const catalog: RuntimeCatalog = {
  scope,
  api: { name: 'test' },
  envelope: envelopeWriter({ body: { code: '{{ error.key }}', errors: '{{ error.violations }}' } }),
  locales: { available: ['en'] },
  validation: INVALID,
}
const request = { method: 'POST', path: '/', headers: {} }

describe('request errors', () => {
  it('strips the query and fragment from targets and URLs', () => {
    assert.equal(pathOf('/a/b?x=1#f'), '/a/b')
    assert.equal(pathOf('/a/b#f?x'), '/a/b')
    assert.equal(pathOf('/'), '/')
    assert.equal(pathOf('https://api.example/v1/items?x=1'), '/v1/items')
    assert.equal(pathOf('https://api.example?x=1'), '/')
    assert.equal(pathOf('https://api.example'), '/')
    assert.equal(pathOf('https://user@api.example:8443/a'), '/a')
  })

  it('answers request problems with the configured error, else the validation error', () => {
    const recognise = (thrown: unknown) =>
      thrown === 'big' ? 'payload-too-large' : thrown === 'junk' ? 'malformed-body' : undefined
    const handle = createAdapterHandler(
      catalog,
      { telemetry: false, payloadTooLarge: TOO_LARGE },
      recognise,
    )
    assert.equal(handle('big', request).status, 413)
    const junk = handle('junk', request)
    assert.equal(junk.status, 400)
    assert.deepEqual(JSON.parse(junk.body), {
      code: 'invalid',
      errors: [
        { field: '', message: 'The request body could not be parsed.', reason: 'malformed_body' },
      ],
    })
    assert.equal(handle('other', request).status, 500)
  })

  it("tries the application's mapError first, and recognises RequestBodyError everywhere", () => {
    const handle = createAdapterHandler(
      catalog,
      { telemetry: false, mapError: (thrown) => (thrown === 'big' ? TEAPOT() : undefined) },
      (thrown) => (thrown === 'big' ? 'payload-too-large' : undefined),
    )
    assert.equal(handle('big', request).status, 418)
    const body = handle(new RequestBodyError('unsupported-media-type', 'xml'), request)
    assert.equal(JSON.parse(body.body).errors[0].reason, 'unsupported_media_type')
  })
})
