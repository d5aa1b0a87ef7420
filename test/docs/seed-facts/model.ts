// What a seed page shows, row by row, in a form the docs can be checked
// against: each fact says which column of the page it comes from and how the
// docs must show it.

/**
 * How a fact must appear on the docs card of its error.
 * - `code`, `key`: the card's code or key (they also find the card);
 * - `symbol`: the symbol badge;
 * - `anchor`: the card's element id, and its own `#` link;
 * - `link`: the "More info" href;
 * - `text`: the whole text of some element of the card (message, title, a
 *   description paragraph, inline code), after whitespace is collapsed;
 * - `section`: the heading of the group section the card is in;
 * - `range`: a page range label such as `2xxx`, shown as `Codes 2000–2999` in the section's facts;
 * - `body`: a member of the example response body, compared as JSON (`member` names it);
 * - `body-present`: a member of the example response body whose value is per request (an id).
 */
export type FactKind =
  | 'code'
  | 'key'
  | 'symbol'
  | 'anchor'
  | 'link'
  | 'text'
  | 'section'
  | 'range'
  | 'body'
  | 'body-present'

export interface Fact {
  /** The page's name for it: the column header, or `example L12 message`. Unique within a row. */
  name: string
  kind: FactKind
  value: string
  member?: string
}

export interface PageRow {
  /** How exceptions and messages name the row: its code or key as the page labels it. */
  id: string
  /** 1-based line of the seed file the row comes from. */
  line: number
  /** The first fact is the row's `code` or `key`, which finds its card. */
  facts: Fact[]
}

export interface PageTable {
  rows: PageRow[]
  /** Rows with no content at all: nothing to check, counted for the report. */
  blankRows: number
}

/**
 * A place where the example catalog departs from its page on purpose: the
 * docs show `docs` instead of the page's value for that fact of that row
 * (as JSON text for a `body` fact).
 */
export interface Departure {
  row: string
  fact: string
  docs: string
}

/** HTML's whitespace collapsing: runs of ASCII whitespace become one space. No-break spaces stay. */
export function collapse(text: string): string {
  return text.replace(/[\t\n\f\r ]+/g, ' ').trim()
}

/** 1-based line number of the first occurrence of `needle` at or after `from`. */
export function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from)
  if (at < 0) throw new Error(`not in the seed: ${JSON.stringify(needle)}`)
  return text.slice(0, at).split('\n').length
}

/** The text after a `---` front matter block, and how many lines the block takes. */
export function afterFrontMatter(text: string): { body: string; lineOffset: number } {
  const match = /^---\n[\s\S]*?\n---\n/.exec(text)
  if (!match) return { body: text, lineOffset: 0 }
  return { body: text.slice(match[0].length), lineOffset: match[0].split('\n').length - 1 }
}
