// When a rate-limited server says its quota comes back, from the headers
// that say so besides Retry-After (which the parser reads): the IETF fields
// (draft-ietf-httpapi-ratelimit-headers: `RateLimit: "default";r=0;t=30`,
// `RateLimit-Policy: "default";q=100;w=60`, and the earlier drafts'
// `RateLimit-Reset` / `limit=…, remaining=…, reset=…`), and the de-facto
// `X-RateLimit-Reset` (a delay, or a Unix time in seconds or milliseconds).

/** Seconds until the quota is back, when the headers say it is spent; else undefined. */
export function rateLimitDelay(
  headers: Readonly<Record<string, string>>,
  now: number,
  status: number,
): number | undefined {
  return (
    fromRateLimit(headers.ratelimit) ??
    fromSeparateFields(headers['ratelimit-remaining'], headers['ratelimit-reset']) ??
    fromLegacy(headers['x-ratelimit-remaining'], headers['x-ratelimit-reset'], now) ??
    // A 429 that names only its policy: the quota is back within one window at most.
    (status === 429 ? policyWindow(headers['ratelimit-policy']) : undefined)
  )
}

/** Structured-field items `"name";r=0;t=30`, or the draft-03 form `limit=…, remaining=0, reset=30`. */
function fromRateLimit(value: string | undefined): number | undefined {
  if (!value) return undefined
  let delay: number | undefined
  const dictionary: Record<string, number> = {}
  for (const item of value.split(',')) {
    const params = parameters(item)
    if (params.r === 0 && params.t !== undefined) delay = Math.max(delay ?? 0, params.t)
    const [name, raw] = item.split('=')
    const n = seconds(raw)
    if (name && n !== undefined) dictionary[name.trim().toLowerCase()] = n
  }
  if (delay !== undefined) return delay
  return dictionary.remaining === 0 ? dictionary.reset : undefined
}

function fromSeparateFields(remaining: string | undefined, reset: string | undefined) {
  return seconds(remaining) === 0 ? seconds(reset) : undefined
}

function fromLegacy(remaining: string | undefined, reset: string | undefined, now: number) {
  const left = seconds(remaining)
  const value = seconds(reset)
  if (value === undefined || (left !== undefined && left > 0)) return undefined
  // Larger than any sensible delay: a Unix time, in milliseconds past 1e12.
  if (value > 1e12) return Math.max(0, (value - now) / 1000)
  if (value > 1e9) return Math.max(0, value - now / 1000)
  return value
}

function policyWindow(value: string | undefined): number | undefined {
  if (!value) return undefined
  let window: number | undefined
  for (const item of value.split(',')) {
    const w = parameters(item).w
    if (w !== undefined) window = Math.max(window ?? 0, w)
  }
  return window
}

/** The numeric `;key=value` parameters of one structured-field item. */
function parameters(item: string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const part of item.split(';').slice(1)) {
    const [key, raw] = part.split('=')
    const n = seconds(raw)
    if (key && n !== undefined) out[key.trim()] = n
  }
  return out
}

function seconds(raw: string | undefined): number | undefined {
  const text = raw?.trim()
  if (!text || !/^\d+(\.\d+)?$/.test(text)) return undefined
  return Number(text)
}
