// Stated limits for hostile pages. A page past one stops the import of that
// file with a diagnostic at file:line (exit 2), instead of overflowing the
// stack or growing without bound: real error pages nest a few levels deep.

/** Deepest nesting of brackets, braces or elements any importer follows. */
export const MAX_NESTING = 1000

export class PageLimitError extends Error {
  constructor(
    message: string,
    /** 1-based line where the limit was passed. */
    readonly line: number,
    /** Which importer stopped. */
    readonly format: string,
  ) {
    super(message)
    this.name = 'PageLimitError'
  }
}

/**
 * The first place where `[`/`{` nesting (outside quoted strings) passes
 * `limit`, or undefined. One pass, no recursion: safe on any input. Quotes are
 * JSON's and YAML/TOML's (`"…"` with backslash escapes, `'…'` without).
 */
export function deepNesting(
  text: string,
  limit = MAX_NESTING,
  quotes = '"',
): { line: number; depth: number } | undefined {
  let depth = 0
  let line = 1
  let quote = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      line++
      // YAML and TOML strings end at the line (multi-line ones hold no brackets that matter).
      if (quote && quotes.length > 1) quote = 0
      continue
    }
    if (quote) {
      if (c === 92 && quote === 34) i++
      else if (c === quote) quote = 0
      continue
    }
    if (quotes.includes(String.fromCharCode(c)) && (c === 34 || c === 39)) quote = c
    else if (c === 91 || c === 123) {
      if (++depth > limit) return { line, depth }
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1)
  }
  return undefined
}

export function nestingError(format: string, line: number): PageLimitError {
  return new PageLimitError(
    `nesting deeper than ${MAX_NESTING} levels; errcat reads pages nested at most ${MAX_NESTING} deep`,
    line,
    format,
  )
}
