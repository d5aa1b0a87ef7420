// Headings, for every format that has them (Markdown, HTML). A heading either
// opens a section (a group, once rows land in it) or names one error
// (`## CURLE_OK (0)`, `<h3>404 Not Found</h3>`), whose text follows as
// paragraphs until the next heading. Sections nest by level: a `###` heading
// ends at the next `##`, and the `##` section continues.
import { codeKind, type Entry, isProseCode, parseEntry } from './code-token.ts'
import { parseGroupLabel } from './group-label.ts'
import type { PageGroup, PageRow } from './page.ts'
import type { PageBuilder } from './page-builder.ts'
import { normalizeSpace } from './text.ts'

interface OpenEntry extends Entry {
  line: number
  anchor?: string
  message?: string
  description: string[]
  /** The heading names a method (see methodHeading). */
  method?: boolean
}

/**
 * A heading that names a method or function rather than an error: an
 * identifier in camelCase (`engine_exchangeCapabilities`, `getBalance`) or
 * written with its parameter list (`eth_call(tx, block)`). Error codes are
 * CONSTANT_CASE, snake_case or numbers; API references put a method's
 * request and response under such a heading.
 */
export function methodHeading(text: string, entry: Entry): boolean {
  if (codeKind(entry.code) !== 'identifier' || entry.symbol) return false
  return /[a-z][A-Z]/.test(entry.code) || text.startsWith(`${entry.code}(`)
}

/** A heading names an error when it starts with a code that cannot be a word: `HTTP` or `JSON` alone are sections. */
export function headingEntry(text: string): Entry | undefined {
  // `Obsolete error (20)`: a title, then the code in parentheses.
  const titled = /^([^()]{1,80}?)\s*\(\s*(-?\d{1,15}|0x[0-9a-fA-F]{1,16})\s*\)$/.exec(text)
  if (titled && !parseEntry(text)?.symbol) return { code: titled[2]!, title: titled[1]!.trim() }
  const entry = parseEntry(text)
  if (!entry) return undefined
  const kind = codeKind(entry.code)
  if (entry.symbol || kind === 'number' || kind === 'hex') return entry
  return /[_\d]/.test(entry.code) && isProseCode(entry.code) ? entry : undefined
}

export class Sections {
  private stack: { level: number; group: PageGroup }[] = []
  private entry: OpenEntry | undefined
  private sawHeading = false
  /** Rows of headings that name methods, settled at the end of the page (see finish). */
  private readonly methods: PageRow[] = []

  constructor(private readonly builder: PageBuilder) {}

  /** Returns true when the heading is the page title (first heading, level 1, no range). */
  heading(
    level: number,
    rawText: string,
    line: number,
    anchor?: string,
  ): 'title' | 'entry' | 'section' {
    this.flush()
    const text = normalizeSpace(rawText)
    const first = !this.sawHeading
    this.sawHeading = true
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= level)
      this.stack.pop()
    this.resume()
    if (text === '') return 'section'
    const entry = headingEntry(text)
    if (entry) {
      this.entry = {
        ...entry,
        line,
        description: entry.note ? [entry.note] : [],
        ...(anchor ? { anchor } : {}),
        ...(methodHeading(text, entry) ? { method: true } : {}),
      }
      return 'entry'
    }
    const label = parseGroupLabel(text)
    if (first && level === 1 && !label.range && !label.prefix) return 'title'
    const group: PageGroup = { ...label, line }
    this.stack.push({ level, group })
    this.builder.enterSection(group)
    return 'section'
  }

  /** A block of text; taken when an error heading is open. */
  text(plain: string, markdown: string): boolean {
    if (!this.entry) return false
    const message = normalizeSpace(plain)
    if (message === '') return true
    if (this.entry.message === undefined) this.entry.message = message
    else this.entry.description.push(markdown.trim())
    return true
  }

  /**
   * A line under an error heading that holds only a name (`**ErrCodeValueError**`):
   * the entry's symbol, when it has none. Returns whether it was taken.
   */
  symbol(name: string): boolean {
    if (!this.entry || this.entry.symbol !== undefined || this.entry.message !== undefined)
      return false
    this.entry.symbol = name
    return true
  }

  /**
   * The message the page shows as an example under an error heading
   * (`Example: \`[Error Code: 1007] invalid proposal key…\``); `...` shows none.
   */
  example(message: string): boolean {
    if (!this.entry) return false
    const text = normalizeSpace(message)
    if (this.entry.message === undefined && !/^(?:\.{3}|…)?$/.test(text)) this.entry.message = text
    return true
  }

  /** Whether an error heading is open (its text still to come). */
  get inEntry(): boolean {
    return this.entry !== undefined
  }

  /** Adds the open error heading as a row. Call at the end of the page, and before tables. */
  flush(): void {
    const e = this.entry
    if (!e) return
    this.entry = undefined
    const title = e.title ?? e.text
    const row = this.builder.addRow({
      code: e.code,
      line: e.line,
      ...(e.symbol ? { symbol: e.symbol } : {}),
      ...(title ? { title } : {}),
      ...(e.message ? { message: e.message } : {}),
      ...(e.description.length ? { description: e.description.join('\n\n') } : {}),
      ...(e.anchor ? { anchor: e.anchor, label: e.code } : {}),
    })
    // A repeat gives back the earlier row, which is not this heading's.
    if (e.method && row.line === e.line) this.methods.push(row)
  }

  /**
   * Ends the page: flushes the open heading, and takes back the headings
   * that name methods when the page's other entries are numbers (a table
   * of JSON-RPC error codes above the methods' sections): there the
   * method is an API section, not an error of the page.
   */
  finish(): void {
    this.flush()
    if (this.methods.length === 0) return
    const methods = new Set(this.methods)
    const others = this.builder.page.rows.filter((r) => !methods.has(r))
    const numeric = (r: PageRow) => {
      const kind = codeKind(r.code)
      return kind === 'number' || kind === 'hex'
    }
    if (others.length < 2 || !others.every(numeric)) return
    this.builder.removeRows(
      methods,
      (row) => `${row.code} names a method, not an error: the page's codes are numbers`,
    )
  }

  private resume(): void {
    const top = this.stack[this.stack.length - 1]
    if (top) this.builder.enterSection(top.group)
    else this.builder.leaveSection()
  }
}
