// Retry signalling in headers: `Retry-After` (whole seconds, RFC 9110
// §10.2.3) from the error's retry policy, and the IETF RateLimit fields
// (draft-ietf-httpapi-ratelimit-headers) when the error declares the policy
// it enforces. Rejected by a rate limit means nothing remains (`r=0`) until
// the retry delay has passed (`t`).
import { type CatalogError, validDelay } from './catalog-error.ts'
import type { RateLimitSpec } from './definition.ts'

/** Adds the retry headers of `error` to `headers` (lower-case names). */
export function addRetryHeaders(
  error: Pick<CatalogError, 'retryAfter' | 'definition'>,
  headers: Record<string, string>,
): void {
  // Checked again here: the error may come from another copy of errcat, which did not clamp.
  const retryAfter = validDelay(error.retryAfter)
  if (retryAfter !== undefined) headers['retry-after'] = String(Math.ceil(retryAfter))
  const rateLimit = error.definition.rateLimit
  if (rateLimit) {
    const fields = fieldsOf(rateLimit)
    headers['ratelimit-policy'] = fields.policy
    const reset = Math.ceil(retryAfter ?? validDelay(rateLimit.window) ?? 0)
    // The same delay as last time (a fixed `retry.after`) reuses its value: a concatenation is
    // a rope, which Node flattens again to validate and write the header.
    if (reset !== fields.lastReset) {
      fields.lastReset = reset
      fields.lastValue = fields.remaining + reset
    }
    headers.ratelimit = fields.lastValue
  }
}

interface RateLimitFields {
  /** The whole `RateLimit-Policy` value. */
  policy: string
  /** `RateLimit` up to its reset delay. */
  remaining: string
  /** The last reset delay written, and the whole `RateLimit` value with it. */
  lastReset: number
  lastValue: string
}

// Per policy: what does not change from one response to the next is written once.
const written = new WeakMap<RateLimitSpec, RateLimitFields>()

function fieldsOf(rateLimit: RateLimitSpec): RateLimitFields {
  let cached = written.get(rateLimit)
  if (cached === undefined) {
    // The policy name as a Structured Field string: quoted, `\` and `"` escaped, visible ASCII only.
    const safe = rateLimit.policy.replace(/[^\x20-\x7e]/g, '').replace(/[\\"]/g, '\\$&')
    const name = `"${safe}"`
    cached = {
      policy: `${name};q=${rateLimit.quota};w=${rateLimit.window}`,
      remaining: `${name};r=0;t=`,
      lastReset: -1,
      lastValue: '',
    }
    written.set(rateLimit, cached)
  }
  return cached
}
