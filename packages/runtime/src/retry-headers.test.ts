import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CatalogError, MAX_RETRY_AFTER } from './catalog-error.ts'
import type { ErrorDefinition } from './definition.ts'
import { addRetryHeaders } from './retry-headers.ts'

function error(overrides: Partial<ErrorDefinition>, params?: object, retryAfter?: number) {
  const definition: ErrorDefinition = {
    catalog: { id: 'T', locale: 'en' },
    symbol: 'X',
    status: 429,
    title: 'X',
    message: 'x',
    expose: true,
    stack: false,
    retry: 'never',
    type: 'about:blank',
    ...overrides,
  }
  return new CatalogError(definition, params, retryAfter === undefined ? {} : { retryAfter })
}

function headersOf(e: CatalogError): Record<string, string> {
  const headers: Record<string, string> = {}
  addRetryHeaders(e, headers)
  return headers
}

describe('retry headers', () => {
  it('sends nothing for errors that cannot or need not wait', () => {
    assert.deepEqual(headersOf(error({ retry: 'never' })), {})
    assert.deepEqual(headersOf(error({ retry: 'safe' })), {})
  })

  it('sends Retry-After in whole seconds, rounded up, from a fixed delay', () => {
    assert.deepEqual(headersOf(error({ retry: { after: 30 } })), { 'retry-after': '30' })
    assert.deepEqual(headersOf(error({ retry: { after: 2.5 } })), { 'retry-after': '3' })
    assert.deepEqual(headersOf(error({ retry: { after: 0 } })), { 'retry-after': '0' })
  })

  it('reads the delay from the param named by afterParam, ignoring unusable values', () => {
    const busy = { retry: { afterParam: 'delay' }, params: ['delay'] } as const
    assert.deepEqual(headersOf(error(busy, { delay: 12 })), { 'retry-after': '12' })
    assert.deepEqual(headersOf(error(busy, { delay: '7' })), { 'retry-after': '7' })
    assert.deepEqual(headersOf(error(busy, {})), {})
    assert.deepEqual(headersOf(error(busy, { delay: -5 })), {})
    assert.deepEqual(headersOf(error(busy, { delay: 'soon' })), {})
  })

  it('lets the thrower override the delay', () => {
    assert.deepEqual(headersOf(error({ retry: { after: 30 } }, undefined, 5)), {
      'retry-after': '5',
    })
  })

  it('clamps delays to one day and writes them as whole seconds, never in exponent notation', () => {
    const busy = { retry: { afterParam: 'delay' }, params: ['delay'] } as const
    for (const delay of [1e308, '1e308', 1e23, '100000000000000000000000', 86_401, 2 ** 53]) {
      const headers = headersOf(error(busy, { delay }))
      assert.deepEqual(headers, { 'retry-after': '86400' }, String(delay))
    }
    assert.deepEqual(headersOf(error({ retry: 'never' }, undefined, 1e308)), {
      'retry-after': '86400',
    })
    assert.deepEqual(headersOf(error({ retry: { after: 1e9 } })), { 'retry-after': '86400' })
    assert.deepEqual(headersOf(error(busy, { delay: 1e-9 })), { 'retry-after': '1' })
    assert.deepEqual(headersOf(error(busy, { delay: -0 })), { 'retry-after': '0' })
    assert.equal(MAX_RETRY_AFTER, 86_400)
  })

  it('ignores unusable delays: the catalog policy applies, or no header is sent', () => {
    const busy = { retry: { afterParam: 'delay' }, params: ['delay'] } as const
    for (const delay of [Number.NaN, Number.POSITIVE_INFINITY, -1, '-5', 'Infinity', '', null])
      assert.deepEqual(headersOf(error(busy, { delay })), {}, String(delay))
    for (const retryAfter of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -3]) {
      assert.deepEqual(
        headersOf(error({ retry: { after: 30 } }, undefined, retryAfter)),
        { 'retry-after': '30' },
        String(retryAfter),
      )
      assert.deepEqual(headersOf(error({ retry: 'safe' }, undefined, retryAfter)), {})
    }
  })

  it('clamps the RateLimit reset time (t) the same way', () => {
    const rateLimit = { policy: 'day', quota: 1000, window: 86_400 }
    assert.equal(
      headersOf(error({ retry: 'never', rateLimit }, undefined, 1e308)).ratelimit,
      '"day";r=0;t=86400',
    )
    const weekly = { policy: 'week', quota: 1000, window: 604_800 }
    const headers = headersOf(error({ retry: 'safe', rateLimit: weekly }))
    assert.equal(headers.ratelimit, '"week";r=0;t=86400')
    assert.equal(headers['ratelimit-policy'], '"week";q=1000;w=604800')
  })

  it('sends the IETF RateLimit fields when the error declares a policy', () => {
    const rateLimit = { policy: 'minute', quota: 60, window: 60 }
    assert.deepEqual(headersOf(error({ retry: { after: 60 }, rateLimit })), {
      'retry-after': '60',
      'ratelimit-policy': '"minute";q=60;w=60',
      ratelimit: '"minute";r=0;t=60',
    })
    // Without a retry delay, the window is when the quota resets at the latest.
    assert.equal(headersOf(error({ retry: 'safe', rateLimit })).ratelimit, '"minute";r=0;t=60')
    assert.equal(
      headersOf(error({ retry: 'never', rateLimit }, undefined, 12)).ratelimit,
      '"minute";r=0;t=12',
    )
    // The last value written is reused only for the same delay.
    const delays = [12, 12, 5, 60, 5]
    assert.deepEqual(
      delays.map((d) => headersOf(error({ retry: 'never', rateLimit }, undefined, d)).ratelimit),
      delays.map((d) => `"minute";r=0;t=${d}`),
    )
  })

  it('quotes and escapes the policy name as a Structured Field string', () => {
    const rateLimit = { policy: 'per "user"\\day\r\n', quota: 5, window: 86400 }
    assert.equal(
      headersOf(error({ rateLimit }))['ratelimit-policy'],
      '"per \\"user\\"\\\\day";q=5;w=86400',
    )
  })
})
