// Request correlation. An incoming id is echoed in a response header and in
// the body, so it must be harmless there: visible ASCII only (no CR/LF, no
// spaces, no control or non-ASCII characters) and at most 200 characters.
// Anything else is replaced, never echoed, not even in part.

const MAX_LENGTH = 200

export function isWellFormedRequestId(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return false
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c < 0x21 || c > 0x7e) return false
  }
  return true
}

/** The incoming id when well-formed, else a new UUID. */
export function resolveRequestId(incoming: unknown): string {
  return isWellFormedRequestId(incoming) ? incoming : randomRequestId()
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
