// Reading a response body without trusting its size: at most `limit` bytes
// are taken from the stream, the rest is cancelled, so a 10 GB answer (or one
// that never ends) costs the client `limit` bytes.
import { decodeChunks } from '../decode-chunks.ts'

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
    return { text: decodeChunks(chunks, size), truncated: false }
  }
  if (truncated) reader.cancel().catch(() => {})
  return { text: decodeChunks(chunks, size), truncated }
}
