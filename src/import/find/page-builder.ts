// Collects what an importer finds, in page order: sections (headings, group
// rows) become groups only once a row lands under them, so headings like
// "Example" or "Troubleshooting" leave no empty groups behind.
import type { ImportNote, PageGroup, PageImport, PageRow } from './page.ts'

/** How many earlier rows of a code a new row is compared with, to find a repeat. */
const REPEAT_CANDIDATES = 64

export class PageBuilder {
  readonly page: PageImport
  private section: PageGroup | undefined
  private readonly indices = new Map<PageGroup, number>()
  /** Rows added so far, by code: a page that lists an entry twice gives one row. */
  private readonly byCode = new Map<
    string,
    { row: PageRow; block: number; section?: PageGroup }[]
  >()
  /** The table or list rows come from; a row added outside one is a block of its own. */
  private block = 0
  private inBlock = false

  constructor(format: string, title?: string) {
    this.page = { format, groups: [], rows: [], notes: [], ...(title ? { title } : {}) }
  }

  /**
   * A heading or group row: the rows that follow belong to it, until the next
   * one. Entering the same object again (an outer heading after a nested one)
   * continues its group.
   */
  enterSection(group: PageGroup): void {
    this.section = group
  }

  /** Rows that follow belong to no group (e.g. after a heading that is itself an error). */
  /** The section rows currently land in, to restore after a table's own group rows. */
  get currentSection(): PageGroup | undefined {
    return this.section
  }

  leaveSection(): void {
    this.section = undefined
  }

  /**
   * Adds a row, unless it repeats one already added: the same code with the
   * same symbol, or with the same message (an overview list and then the
   * section that repeats it, two tables of the same codes in another order),
   * unless the two sit in different sections.
   * A repeat is reported as skipped, and gives the first row what it lacked.
   * Within one table or list, rows are kept as the page wrote them (a
   * status listed twice with two causes).
   */
  addRow(row: Omit<PageRow, 'group'>): PageRow {
    const block = this.inBlock ? this.block : ++this.block
    const earlier = this.repeated(row, block)
    if (earlier) {
      if (earlier.symbol === undefined && row.symbol !== undefined) earlier.symbol = row.symbol
      if (earlier.message === undefined && row.message !== undefined) earlier.message = row.message
      if (earlier.status === undefined && row.status !== undefined) earlier.status = row.status
      this.skip(row.line, `${row.code} repeats the entry of line ${earlier.line}`)
      return earlier
    }
    const added: PageRow = { ...row }
    if (this.section) {
      let index = this.indices.get(this.section)
      if (index === undefined) {
        index = this.page.groups.length
        this.indices.set(this.section, index)
        this.page.groups.push(this.section)
      }
      added.group = index
    }
    this.page.rows.push(added)
    const same = this.byCode.get(added.code)
    const entry = { row: added, block, ...(this.section ? { section: this.section } : {}) }
    if (same) same.push(entry)
    else this.byCode.set(added.code, [entry])
    return added
  }

  /**
   * The row that `row` repeats, among the first REPEAT_CANDIDATES rows of its
   * code: a page repeats an entry a few times at most (an overview, then its
   * section), and comparing with every row of the code would make a page that
   * gives one code to thousands of entries quadratic.
   */
  private repeated(row: Omit<PageRow, 'group'>, block: number): PageRow | undefined {
    const same = this.byCode.get(row.code)
    if (!same) return undefined
    const end = Math.min(same.length, REPEAT_CANDIDATES)
    for (let i = 0; i < end; i++) {
      const r = same[i]!
      if (r.block === block) continue
      // Two sections may each have their own entry of a code (gateway
      // and voice close codes): there, only the very same row is a repeat.
      const repeats =
        r.section === undefined || this.section === undefined || r.section === this.section
          ? sameEntry(r.row, row)
          : sameRow(r.row, row)
      if (repeats) return r.row
    }
    return undefined
  }

  /**
   * Takes back rows found not to be errors after all, with a note for each;
   * a group left without rows goes too (its rows renumbered).
   */
  removeRows(rows: ReadonlySet<PageRow>, why: (row: PageRow) => string): void {
    const page = this.page
    for (const row of rows) this.skip(row.line, why(row))
    page.rows = page.rows.filter((r) => !rows.has(r))
    const used = new Set(page.rows.map((r) => r.group))
    const renumber = new Map<number, number>()
    const groups: PageGroup[] = []
    page.groups.forEach((g, i) => {
      if (!used.has(i)) return
      renumber.set(i, groups.length)
      groups.push(g)
    })
    if (groups.length !== page.groups.length) {
      for (const r of page.rows) if (r.group !== undefined) r.group = renumber.get(r.group)!
      for (const [g, i] of this.indices) {
        const n = renumber.get(i)
        if (n === undefined) this.indices.delete(g)
        else this.indices.set(g, n)
      }
      page.groups = groups
    }
    for (const [code, list] of this.byCode) {
      const kept = list.filter((e) => !rows.has(e.row))
      if (kept.length) this.byCode.set(code, kept)
      else this.byCode.delete(code)
    }
  }

  /** Rows added until `endBlock` come from one table or list. */
  beginBlock(): void {
    this.block++
    this.inBlock = true
  }

  endBlock(): void {
    this.inBlock = false
  }

  skip(line: number, message: string, options: { raw?: string; emptyRow?: boolean } = {}): void {
    const note: ImportNote = { line, kind: 'skipped', message }
    if (options.emptyRow) note.emptyRow = true
    if (options.raw !== undefined) note.raw = options.raw
    this.page.notes.push(note)
  }

  guess(line: number, message: string): void {
    this.page.notes.push({ line, kind: 'guessed', message })
  }

  /** Appends another page's rows, groups and notes (group indices renumbered). */
  append(other: PageImport): void {
    const offset = this.page.groups.length
    for (const group of other.groups) this.page.groups.push(group)
    for (const row of other.rows) {
      this.page.rows.push(row.group === undefined ? row : { ...row, group: row.group + offset })
    }
    for (const note of other.notes) this.page.notes.push(note)
  }
}

/** Letters and digits only, lower case: `in`, `ref` and "in ref" read alike. */
const bareText = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

/** Whether two rows of one code are one entry written twice. */
function sameEntry(a: Omit<PageRow, 'group'>, b: Omit<PageRow, 'group'>): boolean {
  if (a.symbol !== undefined && b.symbol !== undefined) return a.symbol === b.symbol
  if (a.message === undefined || b.message === undefined) return false
  const [x, y] = [bareText(a.message), bareText(b.message)]
  if (x.length < 12 || y.length < 12) return x === y
  // `Warning: text` repeats `text`.
  return x === y || x.endsWith(y) || y.endsWith(x)
}

/** Whether two rows say the same thing in every field. */
function sameRow(a: Omit<PageRow, 'group'>, b: Omit<PageRow, 'group'>): boolean {
  const same = (x: string | undefined, y: string | undefined) =>
    bareText(x ?? '') === bareText(y ?? '')
  return (
    a.symbol === b.symbol &&
    same(a.title, b.title) &&
    same(a.message, b.message) &&
    same(a.description, b.description)
  )
}
