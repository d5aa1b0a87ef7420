// Catalogs and locale files are UTF-8. A file in another encoding (Latin-1,
// UTF-16, a stray byte from a copy and paste) must not load with U+FFFD in
// its titles and messages, unnoticed until the docs show them: reading it
// fails with the place of the first byte that is not UTF-8.
import { readFile } from 'node:fs/promises'

const STRICT = new TextDecoder('utf-8', { fatal: true })
const LENIENT = new TextDecoder('utf-8')

export class NotUtf8Error extends Error {
  constructor(
    /** 1-based, counted in the text as decoded with replacement characters. */
    readonly line: number,
    readonly column: number,
  ) {
    super(`not UTF-8 at line ${line}, column ${column}`)
  }
}

/** The file's text; throws NotUtf8Error when it is not UTF-8, and Node's errors when it cannot be read. */
export async function readUtf8(file: string): Promise<string> {
  const bytes = await readFile(file)
  try {
    return STRICT.decode(bytes)
  } catch {
    // The first replacement character marks the first bad byte (unless the file also holds a
    // real U+FFFD before it, which then points a little early).
    const text = LENIENT.decode(bytes)
    const at = Math.max(0, text.indexOf('\uFFFD'))
    const before = text.slice(0, at)
    const line = before.split('\n').length
    throw new NotUtf8Error(line, at - before.lastIndexOf('\n'))
  }
}
