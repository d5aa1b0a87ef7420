// The answer the hook benchmarks send: Seven Bridges' 1000 (RATE_LIMIT_EXCEEDED,
// HTTP 429), built by hand, byte for byte what errcat sends for
// `RATE_LIMIT_EXCEEDED()`, for the ceilings; and the check that a variant sent
// it. Not a benchmark itself: it exports no `run`.
import assert from 'node:assert/strict'

export const STATUS = 429
export const BODY = JSON.stringify({
  status: 429,
  code: 1000,
  message: 'Rate limit exceeded! Check response headers.',
  more_info: 'https://docs.sevenbridges.com/docs/api-status-codes#1000',
})
/** errcat's headers, in its order; the request id has a UUID's length, but is the same every time. */
export const HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json',
  'content-language': 'en',
  'x-request-id': '6f1c3a52-8d0e-4b7a-9c21-3e5f7a9b1d04',
  'retry-after': '300',
  'ratelimit-policy': '"default";q=1000;w=300',
  ratelimit: '"default";r=0;t=300',
}

/** Throws unless the response is that 429: same status, body and headers (any request id). */
export function assertSame429(response: Response, body: string): void {
  assert.equal(response.status, STATUS)
  assert.equal(body, BODY)
  for (const [name, value] of Object.entries(HEADERS)) {
    if (name === 'x-request-id') assert.equal(response.headers.get(name)?.length, value.length)
    else assert.equal(response.headers.get(name), value, name)
  }
}
