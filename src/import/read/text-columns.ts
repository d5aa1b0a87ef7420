// Pages rendered to plain text: a browser's "save as text" or a copy from the
// screen. Three shapes come out of that:
// - run-together columns (seed 001): `100301Invalid request parametersInvalid…`;
// - pipe tables whose body rows lost their leading pipe (seed 003), under
//   section headings that are plain lines;
// - bullets (`• 0: success`) and code-then-spaces columns.
import { isProseCode, parseEntry } from '../find/code-token.ts'
import { applyExampleMessages } from '../find/example-messages.ts'
import { parseGroupLabel } from '../find/group-label.ts'
import { addListItems, type ListItemInput } from '../find/lists.ts'
import type { Importer, PageImport } from '../find/page.ts'
import { PageBuilder } from '../find/page-builder.ts'
import { addTable, type Cell } from '../find/table-rows.ts'
import { isDelimiterRow, normalizeSpace, withoutFrontMatter } from '../find/text.ts'
import { splitRunTogether } from './split-run-together.ts'

const RUN_TOGETHER = /^\s*(\d{1,15})(\p{L}.*)$/u
const BULLET = /^\s*[•·▪◦*–-]\s+(\S.*)$/
const SPACED = /^\s*(\S{1,40})(?:\t+|\s{2,})(\S.*)$/

function splitPipes(line: string): string[] {
  const cells = line.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'))
  if (cells.length > 1 && cells[0] === '' && /^\s*\|/.test(line)) cells.shift()
  if (cells.length > 1 && cells.at(-1) === '' && /\|\s*$/.test(line)) cells.pop()
  return cells
}

const cell = (text: string): Cell => ({ text })

/** A short line that names what follows: no sentence punctuation, no table or list syntax. */
function isHeading(line: string): boolean {
  const t = line.trim()
  if (t.length < 2 || t.length > 80 || t.includes('|')) return false
  if (/[.!?,;]$/.test(t) || /^[{}[\]"'`<>#•·*–-]/.test(t)) return false
  if (!/^[\p{Lu}\d]/u.test(t) || RUN_TOGETHER.test(t)) return false
  // A column header that lost its borders: `error_codemessageDescription`.
  if (!/\s/.test(t) && /code/i.test(t) && t.length > 12) return false
  return t.split(/\s+/).length <= 10
}

class TextWalker {
  private i = 0
  constructor(
    private readonly builder: PageBuilder,
    private readonly lines: string[],
  ) {}

  run(): void {
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!
      if (line.trim() === '') this.i++
      else if (
        line.includes('|') &&
        isDelimiterRow(this.lines[this.i + 1] ?? '') &&
        !isDelimiterRow(line)
      )
        this.table()
      else if (RUN_TOGETHER.test(line)) this.runTogether()
      else if (BULLET.test(line) && this.bullets()) {
        // consumed by bullets()
      } else if (this.spaced()) {
        // consumed by spaced()
      } else {
        if (isHeading(line))
          this.builder.enterSection({ ...parseGroupLabel(line), line: this.i + 1 })
        this.i++
      }
    }
  }

  private table(): void {
    const start = this.i
    const header = splitPipes(this.lines[start]!)
    this.i += 2
    const rows = []
    while (this.i < this.lines.length && this.lines[this.i]!.includes('|')) {
      const line = this.lines[this.i]!
      rows.push({ cells: splitPipes(line).map(cell), line: this.i + 1, raw: line.trim() })
      this.i++
    }
    addTable(this.builder, { header: header.map(cell), rows, line: start + 1 })
  }

  private runTogether(): void {
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!
      const m = RUN_TOGETHER.exec(line)
      if (!m) {
        if (line.trim() === '') {
          this.i++
          continue
        }
        return
      }
      const split = splitRunTogether(m[2]!)
      const lineNo = this.i + 1
      if (split.how === 'capital') {
        this.builder.guess(
          lineNo,
          `split "${m[2]!.trim()}" into message and description at a capital letter`,
        )
      }
      this.builder.addRow({
        code: m[1]!,
        line: lineNo,
        message: split.message,
        ...(split.description ? { description: split.description } : {}),
      })
      this.i++
    }
  }

  /** Consecutive bullets; false (nothing consumed) when none is an error. */
  private bullets(): boolean {
    const items: ListItemInput[] = []
    let j = this.i
    while (j < this.lines.length) {
      const m = BULLET.exec(this.lines[j]!)
      if (!m) break
      items.push({ term: m[1]!, line: j + 1, raw: this.lines[j]!.trim() })
      j++
    }
    if (addListItems(this.builder, items) === 0) return false
    this.i = j
    return true
  }

  /** `CODE  message` lines, two or more in a row. */
  private spaced(): boolean {
    const rows: { code: string; text: string; line: number }[] = []
    let j = this.i
    while (j < this.lines.length) {
      const m = SPACED.exec(this.lines[j]!)
      if (!m || !isProseCode(m[1]!.replace(/:$/, ''))) break
      rows.push({ code: m[1]!.replace(/:$/, ''), text: m[2]!, line: j + 1 })
      j++
    }
    if (rows.length < 2) return false
    for (const row of rows) {
      const [message, ...more] = row.text.split(/\t+|\s{2,}/)
      const description = normalizeSpace(more.join(' '))
      this.builder.addRow({
        code: row.code,
        line: row.line,
        message: normalizeSpace(message!),
        ...(description ? { description } : {}),
      })
    }
    this.i = j
    return true
  }
}

export function parseTextColumns(input: string): PageImport {
  const { lines, frontMatter } = withoutFrontMatter(input)
  const builder = new PageBuilder('text-columns', frontMatter.title)
  new TextWalker(builder, lines).run()
  applyExampleMessages(builder.page, input)
  return builder.page
}

export function detectTextColumns(text: string): number {
  const { lines } = withoutFrontMatter(text.slice(0, 200_000))
  if (lines.some((l) => /^#{1,6}\s+\S/.test(l)))
    return lines.some((l) => RUN_TOGETHER.test(l)) ? 0.3 : 0
  let runTogether = 0
  let bullets = 0
  let spaced = 0
  let tables = 0
  let unledRows = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (RUN_TOGETHER.test(line)) runTogether++
    const b = BULLET.exec(line)
    if (b && parseEntry(b[1]!)?.text) bullets++
    const s = SPACED.exec(line)
    if (s && isProseCode(s[1]!)) spaced++
    if (isDelimiterRow(line) && (lines[i - 1] ?? '').includes('|')) {
      tables++
      let j = i + 1
      for (; j < lines.length && lines[j]!.includes('|'); j++) {
        if (!/^\s*\|/.test(lines[j]!)) unledRows++
      }
      i = j - 1
    }
  }
  if (runTogether >= 3) return 0.8
  if (tables > 0 && unledRows > 0) return 0.7
  if (bullets >= 2) return 0.5
  if (tables > 0) return 0.4
  if (spaced >= 3 || runTogether >= 2) return 0.3
  return 0
}

export const textColumnsImporter: Importer = {
  format: 'text-columns',
  detect: detectTextColumns,
  parse: parseTextColumns,
}
