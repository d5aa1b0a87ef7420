// Request correlation. An incoming id is echoed in a response header and in
// the body, where a log viewer, a support page or a docs site may show it, so
// by default only a narrow alphabet is accepted: 1 to 128 letters, digits and
// `-_.:`, which covers UUIDs, ULIDs, KSUIDs, W3C trace ids and the ids of
// common load balancers (AWS `Root=1-…` excepted: its `=` and `;` need an app's
// own rule). Anything else is replaced by a fresh id, never echoed, not even
// in part.

const MAX_LENGTH = 128
/** What an app's own rule may never widen: header-safe, visible ASCII, bounded. */
const HARD_MAX_LENGTH = 256

/** Decides whether an incoming request id may be kept (the app's rule, see `acceptRequestId`). */
export type RequestIdRule = (id: string) => boolean

export function isWellFormedRequestId(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return false
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    const ok =
      (c >= 0x61 && c <= 0x7a) || // a-z
      (c >= 0x41 && c <= 0x5a) || // A-Z
      (c >= 0x30 && c <= 0x3a) || // 0-9 and :
      c === 0x2d || // -
      c === 0x5f || // _
      c === 0x2e // .
    if (!ok) return false
  }
  return true
}

/** Visible ASCII, no quotes or angle brackets, bounded: the floor under any app's rule. */
function isHeaderSafe(value: string): boolean {
  if (value.length === 0 || value.length > HARD_MAX_LENGTH) return false
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c < 0x21 || c > 0x7e || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e) return false
  }
  return true
}

/**
 * The incoming id when well-formed, else a new UUID. `rule` replaces the default alphabet; it
 * still cannot let through control characters, spaces, quotes, `<`, `>`, non-ASCII or more than
 * 256 characters, and a rule that throws rejects the id.
 */
export function resolveRequestId(incoming: unknown, rule?: RequestIdRule): string {
  if (rule === undefined) return isWellFormedRequestId(incoming) ? incoming : randomRequestId()
  if (typeof incoming !== 'string' || !isHeaderSafe(incoming)) return randomRequestId()
  try {
    return rule(incoming) === true ? incoming : randomRequestId()
  } catch {
    return randomRequestId()
  }
}

// A random (version 4) UUID, as `crypto.randomUUID()` makes, built as one flat string.
// randomUUID concatenates 20 pieces into a rope, which Node flattens again to validate
// and write the header: twice the cost of the id itself on an error response. The random
// bytes come from `crypto.getRandomValues` in batches, as randomUUID's own cache does.
const BATCH = 128
const pool = new Uint8Array(16 * BATCH)
let used = BATCH
const HEX = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0))
// Where each of the 16 bytes goes in `xxxxxxxx-xxxx-4xxx-Nxxx-xxxxxxxxxxxx`.
const OFFSETS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]
const chars: number[] = Array.from({ length: 36 }, () => 0x2d /* - */)

export function randomRequestId(): string {
  if (used === BATCH) {
    globalThis.crypto.getRandomValues(pool)
    used = 0
  }
  const start = 16 * used++
  for (let i = 0; i < 16; i++) {
    let byte = pool[start + i]!
    if (i === 6)
      byte = (byte & 0x0f) | 0x40 // version 4
    else if (i === 8) byte = (byte & 0x3f) | 0x80 // RFC 9562 variant
    const at = OFFSETS[i]!
    chars[at] = HEX[byte >> 4]!
    chars[at + 1] = HEX[byte & 0x0f]!
  }
  return String.fromCharCode.apply(null, chars)
}
