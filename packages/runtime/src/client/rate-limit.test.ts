import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rateLimitDelay } from './rate-limit.ts'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const delay = (headers: Record<string, string>, status = 429) =>
  rateLimitDelay(headers, NOW, status)

describe('rateLimitDelay', () => {
  it('reads the IETF fields: the longest reset among spent policies', () => {
    assert.equal(delay({ ratelimit: '"minute";r=0;t=7, "day";r=0;t=3600' }), 3600)
    assert.equal(delay({ ratelimit: '"minute";r=5;t=7' }), undefined)
    assert.equal(delay({ ratelimit: 'limit=100, remaining=0, reset=12' }), 12)
    assert.equal(delay({ 'ratelimit-remaining': '0', 'ratelimit-reset': '8' }), 8)
    assert.equal(delay({ 'ratelimit-policy': '"default";q=100;w=60' }), 60)
    assert.equal(delay({ 'ratelimit-policy': '"default";q=100;w=60' }, 503), undefined)
  })

  it('reads X-RateLimit-Reset as a delay, Unix seconds or Unix milliseconds', () => {
    assert.equal(delay({ 'x-ratelimit-reset': '4' }), 4)
    assert.equal(delay({ 'x-ratelimit-reset': String(NOW / 1000 + 9) }), 9)
    assert.equal(delay({ 'x-ratelimit-reset': String(NOW + 2500) }), 2.5)
    assert.equal(delay({ 'x-ratelimit-reset': String(NOW / 1000 - 9) }), 0)
    assert.equal(delay({ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '4' }), undefined)
  })

  it('ignores what is not a number', () => {
    assert.equal(delay({ ratelimit: '"x";r=0;t=soon', 'x-ratelimit-reset': '-1' }), undefined)
    assert.equal(delay({}), undefined)
  })
})
