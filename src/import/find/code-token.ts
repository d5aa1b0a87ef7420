// What a code looks like on a page: `2001`, `-1`, `0x1F`, `invalid_request`,
// `ERROR_BAD_TOKEN`, `22P02`, and how an entry line puts code and text
// together (`0: success`, `CURLE_OK (0)`, `404 Not Found`, `200 (OK)`).
// Every pattern here is anchored and free of nested quantifiers: importers
// run them on arbitrary input.

export type CodeKind = 'number' | 'hex' | 'identifier'

const NUMBER = /^-?\d{1,15}$/
const HEX = /^0x[0-9a-f]{1,16}$/i
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/

export function codeKind(token: string): CodeKind | undefined {
  if (NUMBER.test(token)) return 'number'
  if (HEX.test(token)) return 'hex'
  if (IDENTIFIER.test(token) && /[A-Za-z]/.test(token)) return 'identifier'
  return undefined
}

/**
 * A code where prose could also stand (list items, headings): numbers, hex,
 * and identifiers that cannot be an ordinary word: with `_`, digits mixed
 * with letters, or all capitals (`CANCELLED`). `Note:` is not a code.
 */
export function isProseCode(token: string): boolean {
  const kind = codeKind(token)
  if (kind === 'number' || kind === 'hex') return true
  if (kind !== 'identifier') return false
  if (token.includes('_')) return true
  if (/^[A-Z][A-Z0-9]+$/.test(token)) return true
  return (
    /\d/.test(token) &&
    /[A-Za-z]/.test(token) &&
    !/^\d+(st|nd|rd|th|s|px|ms|kb|mb|gb)$/i.test(token)
  )
}

/** Numeric value of a number or hex code, when it fits in a safe integer. */
export function numericValue(token: string): number | undefined {
  const kind = codeKind(token)
  if (kind !== 'number' && kind !== 'hex') return undefined
  const value = kind === 'hex' ? Number.parseInt(token.slice(2), 16) : Number(token)
  return Number.isSafeInteger(value) ? value : undefined
}

export interface Entry {
  code: string
  /** A symbolic name written with the code (`CURLE_OK (0)`). */
  symbol?: string
  /** A short name written with the code (`404 Not Found`, `200 (OK)`). */
  title?: string
  /** The text after a separator (`0: success`). */
  text?: string
  /** A note in parentheses after the title (`102 Processing (WebDAV)`): no part of the title. */
  note?: string
}

/** `Processing (WebDAV)`: the title before a parenthesised note that ends the text. */
function trailingNote(text: string): { title: string; note: string } | undefined {
  if (!text.endsWith(')')) return undefined
  const open = text.lastIndexOf('(')
  // `Disallowed intent(s)`: parentheses inside a word are part of it.
  if (open < 1 || !/\s/.test(text[open - 1]!)) return undefined
  const note = text.slice(open + 1, -1).trim()
  const title = text.slice(0, open).trim()
  if (note === '' || note.length > 80 || /[()]/.test(note) || /[()]/.test(title)) return undefined
  return { title, note }
}

const strip = (s: string) => s.replace(/^`([^`]*)`/, '$1').trim()

/**
 * Reads an entry written on one line: a code, then a title or a text. Returns
 * undefined when the line does not start with something that can only be a
 * code.
 */
export function parseEntry(line: string): Entry | undefined {
  const text = line
    .trim()
    .replace(/^(?:error|code)\s+(?=[`\d])/i, '')
    // `305 Use Proxy` written as one code span: read it as plain text.
    .replace(/^`([^`]{1,200})`/, (span, inner: string) => (/\s/.test(inner) ? inner : span))
  if (text.length === 0 || text.length > 2000) return undefined
  // `SYMBOL (123)` or `SYMBOL (0x7B)`, optionally followed by `: text`.
  let m =
    /^`?([A-Za-z][A-Za-z0-9_.]{1,79})`?\s*\(\s*(-?\d{1,15}|0x[0-9a-fA-F]{1,16})\s*\)\s*(?:[:—–-]\s*)?(.*)$/.exec(
      text,
    )
  if (m && isProseCode(m[1]!)) {
    return { code: m[2]!, symbol: m[1]!, ...(m[3] ? { text: m[3] } : {}) }
  }
  // `123 (0x7B)`: a number with its hex spelling.
  m = /^(-?\d{1,15})\s*\(\s*0x[0-9a-fA-F]{1,16}\s*\)$/.exec(text)
  if (m) return { code: m[1]! }
  // The leading token, up to a separator or space.
  m = /^(`[^`\s]{1,80}`|[^\s:：—–(]{1,80})\s*(.*)$/.exec(text)
  if (!m) return undefined
  const code = strip(m[1]!)
  if (!isProseCode(code)) return undefined
  const rest = m[2]!.trim()
  if (rest === '') return { code }
  // `code: text`, `code — text`, `code - text`
  const sep = /^(?:[:：—–]|-(?=\s)|=>?)\s*(.*)$/s.exec(rest)
  if (sep) return { code, ...(sep[1] ? { text: sep[1].trim() } : {}) }
  // `200 (OK)` and `200 (OK): text`
  const paren = /^\(([^()]{1,80})\)\s*(?:[:—–-]\s*)?(.*)$/s.exec(rest)
  if (paren) {
    return { code, title: paren[1]!.trim(), ...(paren[2] ? { text: paren[2].trim() } : {}) }
  }
  // `404 Not Found`: a number then words.
  if (codeKind(code) === 'number' && /^[A-Za-z]/.test(rest)) {
    const noted = trailingNote(rest)
    return noted ? { code, ...noted } : { code, title: rest }
  }
  return undefined
}
