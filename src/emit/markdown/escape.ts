// Catalog text → Markdown source that GitHub (GFM), Docusaurus 3 (MDX) and
// MkDocs (Python-Markdown) all render as exactly that text. Each renderer
// reads different characters as syntax: MDX opens an expression at `{` and a
// JSX tag at `<`, and takes `import`/`export` at a line start for ESM;
// Python-Markdown reads `{…}` as attributes and knows only a fixed set of
// backslash escapes (`\|` and `\~` print their backslash there). So a
// character is escaped with a backslash only where all three accept that
// escape, and written as a numeric character reference otherwise, which all
// three decode to the character itself.
import { trimEndRun } from '../../text/trim.ts'

/** ASCII punctuation whose backslash escape CommonMark, MDX and Python-Markdown all accept. */
const BACKSLASHED = /[\\`*_[\]{}#]/g

/** Characters written as references: `<` opens HTML/JSX, `|` splits table cells, `~` strikes through. */
const REFERENCES: Record<string, string> = { '<': '&lt;', '|': '&#124;', '~': '&#126;' }

// C0 and C1 controls: invisible, and some are Python-Markdown's own placeholders.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g
const LINE_BREAKS = /\r\n?|\n|\t/g

/** One line of plain text, without control characters. */
export function singleLine(value: string): string {
  return value.replace(CONTROL, '').replace(LINE_BREAKS, ' ')
}

/**
 * Plain text as inline Markdown, on one line; safe in paragraphs, headings,
 * list items and table cells. Use `lineStart` when it may begin a line.
 */
export function text(value: string): string {
  return (
    singleLine(value)
      .replace(BACKSLASHED, '\\$&')
      // `&copy;` would print ©: keep what looks like a character reference literal.
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
      .replace(/[<|~]/g, (c) => REFERENCES[c]!)
      // `:name` is a Docusaurus text directive, `::`/`:::` a leaf or container one.
      // `http://`, `www.` and `@` start GFM autolinks, inside which escapes show.
      .replace(/:(?=[A-Za-z:/])/g, '&#58;')
      .replace(/w(?=ww\.)/gi, (w) => `&#${w.charCodeAt(0)};`)
      .replace(/@/g, '&#64;')
      // What follows may be another node's text or a link: `![` makes an image,
      // `:` + a name a directive, `&` + `copy;` a reference.
      .replace(/!$/, '\\!')
      .replace(/:$/, '&#58;')
      .replace(/&$/, '&amp;')
  )
}

/**
 * Escapes what would start a block when the line begins with it: a list
 * marker, a block quote, an ordered-list number, indentation (code), and
 * MDX's `import`/`export`. The input is already escaped inline text.
 */
export function lineStart(line: string): string {
  const trimmed = line.replace(/^ +/, '')
  return trimmed
    .replace(/^(?:import|export)(?=\s|$)/, (word) => `&#${word.charCodeAt(0)};${word.slice(1)}`)
    .replace(/^[-+>]/, '\\$&')
    .replace(/^=/, '&#61;')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2')
}

/** Text as an inline code span, with a backtick fence longer than any run inside it. */
export function code(value: string): string {
  const flat = singleLine(value)
  if (flat.trim() === '') return flat === '' ? '` `' : `\`${flat}\``
  const fence = '`'.repeat(longestRun(flat, '`') + 1)
  // A space keeps a backtick at either end from joining the fence; every renderer strips it.
  const pad = /^`|`$/.test(flat) || (flat.startsWith(' ') && flat.endsWith(' ')) ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/**
 * A code span inside a table cell. GFM splits a row at every `|`, code spans
 * included, and Python-Markdown does not: no escape works in both, so a value
 * holding a `|` is written as plain text.
 */
export function cellCode(value: string): string {
  return value.includes('|') ? text(value) : code(value)
}

/**
 * A fenced code block. Its fence is longer than any backtick run of the
 * content, so nothing inside can close it. Only valid at the start of a
 * line with no container around it: Python-Markdown does not see fences
 * inside lists or block quotes and would parse their content as Markdown.
 */
export function fence(content: string, info = ''): string {
  const body = trimEndRun(content.replace(/\r\n?/g, '\n').replace(CONTROL, ''), '\n')
  const marker = '`'.repeat(Math.max(3, longestRun(body, '`') + 1))
  const lang = /^[A-Za-z0-9_+#.-]+$/.test(info) ? info : ''
  return `${marker}${lang}\n${body}\n${marker}`
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:'])
// Kept as they are in a link destination; everything else is percent-encoded.
const URL_SAFE = /[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/

/**
 * A URL for a link destination, or undefined when it may not be linked
 * (`javascript:`, `data:`, any scheme but http, https and mailto). A
 * relative URL is resolved against `base` when one is given.
 */
export function url(value: string, base?: string): string | undefined {
  // Browsers ignore controls and whitespace inside a scheme (`java\tscript:`): so does this check.
  const raw = value
    .replace(CONTROL, '')
    .replace(/[\t\r\n]/g, '')
    .trim()
  if (raw === '') return undefined
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw)
  let resolved = raw
  if (scheme) {
    if (!SAFE_SCHEMES.has(`${scheme[1]!.toLowerCase()}:`)) return undefined
  } else if (base && !raw.startsWith('#')) {
    try {
      resolved = new URL(raw, base).href
    } catch {
      return undefined
    }
    if (!SAFE_SCHEMES.has(new URL(resolved).protocol)) return undefined
  }
  return encodeDestination(resolved)
}

const UTF8 = new TextEncoder()

function encodeDestination(value: string): string {
  let out = ''
  for (const char of value) {
    out += URL_SAFE.test(char)
      ? char
      : [...UTF8.encode(char)]
          .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
          .join('')
  }
  return out.replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
}

/** An HTML attribute value between double quotes (the anchors' ids). */
export function attribute(value: string): string {
  return singleLine(value).replace(/[&"<>{}]/g, (c) => `&#${c.charCodeAt(0)};`)
}

function longestRun(value: string, char: string): number {
  let longest = 0
  let run = 0
  for (const c of value) {
    run = c === char ? run + 1 : 0
    if (run > longest) longest = run
  }
  return longest
}
