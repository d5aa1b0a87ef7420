// Building ICU MessageFormat templates from page text. Pages write their
// placeholders in other syntaxes (printf `%s`, `{name}`), and their literal
// text may hold characters that ICU reads as syntax (`{`, `}`, `'`): a message
// is assembled from literal parts and placeholders, and only the literal parts
// are escaped, so the template formats back to exactly the page's wording.

export type MessagePart = string | { param: string }

// After an apostrophe, these characters would start or continue ICU quoting.
// `#` matters only inside plurals, but doubling the apostrophe there is harmless.
const QUOTE_TRIGGERS = new Set(['{', '}', "'", '#', '|'])

/**
 * Joins literal text and `{param}` placeholders into an ICU template. Literal
 * braces become `'{'`/`'}'`; an apostrophe is doubled only where ICU would
 * otherwise read it as a quote, so `Can't` stays readable.
 */
export function toIcu(input: readonly MessagePart[]): string {
  // Adjacent literals are escaped as one: quoting must not stop at a part boundary.
  const parts: MessagePart[] = []
  for (const part of input) {
    const last = parts[parts.length - 1]
    if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part
    else parts.push(part)
  }
  let out = ''
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    if (typeof part !== 'string') {
      out += `{${part.param}}`
      continue
    }
    const next = parts[i + 1]
    const followedBy = next === undefined ? '' : typeof next === 'string' ? (next[0] ?? '') : '{'
    out += escapeLiteral(part, followedBy)
  }
  return out
}

/** Escapes page text for use as an ICU template with no placeholders. */
export function escapeIcu(text: string): string {
  return escapeLiteral(text, '')
}

// Braces go inside a quoted section (`'{}'`), one per run of braces: two
// sections side by side (`'{''}'`) would read as one holding an apostrophe.
// Inside a section an apostrophe is written `''`; outside, a lone `'` is
// literal unless a trigger follows it (a brace opens a section with `'`).
function escapeLiteral(text: string, followedBy: string): string {
  // Most text has nothing to escape: returned as it is, not rebuilt a character at a time.
  if (!text.includes('{') && !text.includes('}') && !text.includes("'")) return text
  let out = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === '{' || ch === '}') {
      if (!quoted) out += "'"
      quoted = true
      out += ch
    } else if (ch === "'") {
      const after = i + 1 < text.length ? text[i + 1]! : followedBy
      out += quoted || QUOTE_TRIGGERS.has(after) ? "''" : "'"
    } else {
      if (quoted) out += "'"
      quoted = false
      out += ch
    }
  }
  return quoted ? `${out}'` : out
}

const BRACE_PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*|[0-9]{1,2})\}/g

/**
 * Splits text that marks its variables as `{name}` (openEO, Codat, .NET-style
 * `{0}`) into literal parts and placeholders. Anything else in braces stays
 * literal. Numeric names become `arg0`, since catalog param names start with
 * a letter.
 */
export function splitBracePlaceholders(text: string): { parts: MessagePart[]; params: string[] } {
  const parts: MessagePart[] = []
  const params: string[] = []
  let last = 0
  for (const match of text.matchAll(BRACE_PLACEHOLDER)) {
    const name = /^[0-9]/.test(match[1]!) ? `arg${match[1]}` : match[1]!
    if (match.index > last) parts.push(text.slice(last, match.index))
    parts.push({ param: name })
    if (!params.includes(name)) params.push(name)
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push(text.slice(last))
  return { parts, params }
}
