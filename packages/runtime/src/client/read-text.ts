// Reading a response body without trusting its size: at most `limit` bytes
// are taken from the stream, the rest is cancelled, so a 10 GB answer (or one
// that never ends) costs the client `limit` bytes.

export interface BoundedText {
  text: string
  /** Whether the body was longer than the limit (and `text` only its start). */
  truncated: boolean
}

export async function readText(response: Response, limit: number): Promise<BoundedText> {
  const body = response.body
  if (!body) return { text: '', truncated: false }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let truncated = false
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      const room = limit - size
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room))
        size = limit
        truncated = true
        break
      }
      chunks.push(value)
      size += value.byteLength
    }
  } catch {
    // A connection cut mid-body, or a body that does not decompress: what arrived is all
    // there is. Not `truncated`: that says the body was too long, which a cut one is not.
    reader.cancel().catch(() => {})
    return { text: decode(chunks, size), truncated: false }
  }
  if (truncated) reader.cancel().catch(() => {})
  return { text: decode(chunks, size), truncated }
}

function decode(chunks: Uint8Array[], size: number): string {
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  // Not fatal: a body cut inside a character still decodes (with U+FFFD).
  return new TextDecoder().decode(bytes)
}
