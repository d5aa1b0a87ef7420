// Collects what an importer finds, in page order: sections (headings, group
// rows) become groups only once a row lands under them, so headings like
// "Example" or "Troubleshooting" leave no empty groups behind.
import type { ImportNote, PageGroup, PageImport, PageRow } from './page.ts'

export class PageBuilder {
  readonly page: PageImport
  private section: PageGroup | undefined
  private readonly indices = new Map<PageGroup, number>()

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

  addRow(row: Omit<PageRow, 'group'>): PageRow {
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
    return added
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
