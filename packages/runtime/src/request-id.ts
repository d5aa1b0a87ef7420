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
  return isWellFormedRequestId(incoming) ? incoming : globalThis.crypto.randomUUID()
}
