// The text of a body read chunk by chunk, for the readers that bound how much
// of a body they read (the gateway's upstream bodies, the client's responses).

/** The chunks, `size` bytes in all, decoded as UTF-8; a character cut at the end becomes U+FFFD. */
export function decodeChunks(chunks: readonly Uint8Array[], size: number): string {
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}
