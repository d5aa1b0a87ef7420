// reStructuredText pages: grid tables, simple tables and `list-table`s become
// data tables (columns recognised by name and content, as for CSV); object
// directives that declare constants (`.. c:macro:: UV_E2BIG`,
// `.. py:exception:: Timeout`) and definition-list terms that are codes
// become entries, with the indented body's first paragraph as the message.
// Functions (`c:function`), notes and literal blocks are not errors. Section
// titles (a line underlined with `=`, `-`, `~`, …) name the groups. One pass
// over the lines; every block ends at the first line indented less.
import { parseEntry } from '../find/code-token.ts'
import type { Importer, PageGroup, PageImport } from '../find/page.ts'
import { PageBuilder } from '../find/page-builder.ts'
import {
  type DataRow,
  looksLikeHeader,
  readDataRows,
  recogniseFields,
} from '../find/record-fields.ts'
import { normalizeSpace, splitLines } from '../find/text.ts'

export const rstImporter: Importer = { format: 'rst', detect: detectRst, parse: parseRst }

const DIRECTIVE = /^(\s*)\.\.\s+([A-Za-z][\w-]*(?::[\w-]+)*)::(?:\s+(.*))?$/
const GRID_BORDER = /^\s*\+(?:[-=]+\+)+\s*$/
const SIMPLE_BORDER = /^\s*={2,}(?: +={2,})+\s*$/
const UNDERLINE = /^([=\-~^"'`#*+_:.])\1{2,}\s*$/
// Object directives whose name is a value, not a callable.
const CONSTANT_KINDS =
  /(?:^|:)(?:macro|enumerator|data|const|constant|var|member|exception|error|attribute)$/

export function detectRst(text: string): number {
  const lines = splitLines(text.slice(0, 50_000))
  let directives = 0
  let underlines = 0
  let grids = 0
  let roles = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (/^\.\.\s+(?:[A-Za-z][\w:-]*::|_[^:]+:|\[[^\]]+\]|\|[^|]+\|)/.test(line)) directives++
    else if (GRID_BORDER.test(line) || SIMPLE_BORDER.test(line)) grids++
    else if (
      UNDERLINE.test(line) &&
      i > 0 &&
      lines[i - 1]!.trim() !== '' &&
      line.trim().length >= lines[i - 1]!.trim().length
    )
      underlines++
    if (/:[a-z]+:`[^`]+`|``[^`]+``/.test(line)) roles++
  }
  if (directives >= 1 && (underlines >= 1 || grids >= 1 || roles >= 1)) return 0.85
  if (grids >= 2 && underlines >= 1) return 0.8
  if (directives >= 2) return 0.6
  return 0
}

interface Block {
  /** 0-based index of the block's first line. */
  start: number
  /** Index after its last line. */
  end: number
}

export function parseRst(text: string): PageImport {
  const lines = splitLines(text)
  const builder = new PageBuilder('rst')
  const sections: { char: string; group: PageGroup }[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    const next = lines[i + 1] ?? ''
    // A section title, underlined (and maybe overlined) with one punctuation character.
    if (
      line.trim() !== '' &&
      !/^\s/.test(line) &&
      UNDERLINE.test(next) &&
      next.trim().length >= Math.min(3, line.trim().length)
    ) {
      const overlined = i > 0 && lines[i - 1]!.trim() === next.trim()
      const key = `${overlined ? 'o' : ''}${next.trim()[0]}`
      let level = sections.findIndex((s) => s.char === key)
      if (level === -1) level = sections.length
      const group: PageGroup = { title: normalizeSpace(inline(line)), line: i + 1 }
      sections.splice(level, sections.length - level, { char: key, group })
      builder.enterSection(group)
      i += 2
      continue
    }
    if (GRID_BORDER.test(line)) {
      const end = blockEnd(lines, i, (l) => /^\s*[+|]/.test(l))
      addTable(builder, gridTable(lines, i, end))
      i = end
      continue
    }
    if (SIMPLE_BORDER.test(line)) {
      const end = simpleTableEnd(lines, i)
      addTable(builder, simpleTable(lines, i, end))
      i = end
      continue
    }
    const directive = DIRECTIVE.exec(line)
    if (directive) {
      const body = indentedBody(lines, i + 1, directive[1]!.length)
      const kind = directive[2]!
      if (kind === 'list-table') addTable(builder, listTable(lines, body))
      else if (CONSTANT_KINDS.test(kind))
        addConstant(builder, directive[3] ?? '', i + 1, lines, body)
      i = body.end
      continue
    }
    // A literal block (`::` at a paragraph's end) holds examples, not entries.
    if (/::\s*$/.test(line) && !/^\s*\.\./.test(line)) {
      const body = indentedBody(lines, i + 1, indentOf(line))
      i = Math.max(i + 1, body.end)
      continue
    }
    // A definition-list term: an unindented line followed by an indented body.
    if (line.trim() !== '' && !/^\s/.test(line) && /^\s+\S/.test(next)) {
      const entry = parseEntry(inline(line))
      const body = indentedBody(lines, i + 1, 0)
      if (entry) {
        const paragraphs = paragraphsOf(lines, body)
        builder.addRow({
          code: entry.code,
          line: i + 1,
          ...(entry.symbol ? { symbol: entry.symbol } : {}),
          ...(entry.title ? { title: entry.title } : {}),
          ...messageAndDescription(entry.text, paragraphs),
        })
        i = body.end
        continue
      }
    }
    i++
  }
  if (builder.page.rows.length === 0 && !builder.page.notes.some((n) => n.line > 0)) {
    builder.skip(
      1,
      'no table with a code column, no constant directive (`.. c:macro::`) and no definition list of codes; nothing imported',
    )
  }
  return builder.page
}

function messageAndDescription(
  text: string | undefined,
  paragraphs: string[],
): { message?: string; description?: string } {
  const message = text ?? paragraphs[0]
  const rest = text ? paragraphs : paragraphs.slice(1)
  return {
    ...(message ? { message } : {}),
    ...(rest.length ? { description: rest.join('\n\n') } : {}),
  }
}

function addConstant(
  builder: PageBuilder,
  signature: string,
  line: number,
  lines: readonly string[],
  body: Block,
): void {
  // `UV_E2BIG`, `int ERR_X`, `ERR_X = 5`: the last identifier before any `=` is the name.
  const m = /([A-Za-z_][\w.]*)\s*(?:=\s*(-?(?:0x[0-9A-Fa-f]+|\d+)))?\s*$/.exec(signature.trim())
  if (!m || signature.includes('(')) return
  const paragraphs = paragraphsOf(lines, body)
  builder.addRow({
    code: m[2] ?? m[1]!,
    line,
    ...(m[2] ? { symbol: m[1]! } : {}),
    ...messageAndDescription(undefined, paragraphs),
  })
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length
}

/** The lines after `from` indented more than `indent` (blank lines inside included). */
function indentedBody(lines: readonly string[], from: number, indent: number): Block {
  let end = from
  let last = from
  for (; end < lines.length; end++) {
    const l = lines[end]!
    if (l.trim() === '') continue
    if (indentOf(l) <= indent) break
    last = end + 1
  }
  return { start: from, end: Math.max(from, last) }
}

/** The body's paragraphs, without its option lines (`:header-rows: 1`) and nested directives. */
function paragraphsOf(lines: readonly string[], body: Block): string[] {
  const paragraphs: string[] = []
  let current: string[] = []
  let skipBelow = -1
  const flush = () => {
    if (current.length) paragraphs.push(normalizeSpace(current.join(' ')))
    current = []
  }
  for (let k = body.start; k < body.end; k++) {
    const l = lines[k]!
    if (l.trim() === '') {
      flush()
      continue
    }
    if (skipBelow >= 0 && indentOf(l) > skipBelow) continue
    skipBelow = -1
    if (/^\s*\.\.\s/.test(l)) {
      flush()
      skipBelow = indentOf(l)
      continue
    }
    if (/^\s*:[\w -]+:(?:\s|$)/.test(l) && paragraphs.length === 0 && current.length === 0) continue
    current.push(inline(l.trim()))
  }
  flush()
  return paragraphs
}

/** Inline markup as a reader sees it: ``code``, `text <url>`_, :role:`x`, *em*, **strong**. */
export function inline(text: string): string {
  return text
    .replace(/:[\w:+-]+:`([^`<]*?)(?:\s*<[^>]*>)?`/g, '$1')
    .replace(/`([^`<]+?)\s*<[^>]+>`__?/g, '$1')
    .replace(/``([^`]+)``/g, '$1')
    .replace(/`([^`]+)`_{0,2}/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*\s][^*]*)\*/g, '$1')
    .replace(/\\(.)/g, '$1')
}

function blockEnd(lines: readonly string[], from: number, inBlock: (l: string) => boolean): number {
  let end = from
  while (end < lines.length && inBlock(lines[end]!)) end++
  return end
}

interface Table {
  header: string[] | undefined
  rows: DataRow[]
}

function addTable(builder: PageBuilder, table: Table): void {
  if (table.rows.length === 0) return
  const roles = recogniseFields(table.header, table.rows)
  if (!roles.includes('code')) return
  const read = readDataRows(table.header, table.rows, roles)
  const section = builder.currentSection
  // The table's own group rows nest under the section.
  for (const row of read.rows) {
    const { group, ...rest } = row
    if (group !== undefined) builder.enterSection(read.groups[group]!)
    else if (section) builder.enterSection(section)
    builder.addRow(rest)
  }
  if (section) builder.enterSection(section)
  for (const note of read.notes) builder.page.notes.push(note)
}

/** A grid table: columns at the `+` of its first border; `+===+` ends the header. */
function gridTable(lines: readonly string[], start: number, end: number): Table {
  const border = lines[start]!
  const cuts: number[] = []
  for (let k = 0; k < border.length; k++) if (border[k] === '+') cuts.push(k)
  const records: { cells: string[]; line: number }[] = []
  let current: { parts: string[][]; line: number } | undefined
  let headerRows = -1
  const flush = () => {
    if (current) {
      records.push({
        cells: current.parts.map((p) => normalizeSpace(inline(p.join(' ')))),
        line: current.line,
      })
    }
    current = undefined
  }
  for (let k = start; k < end; k++) {
    const l = lines[k]!
    if (GRID_BORDER.test(l)) {
      flush()
      if (l.includes('=')) headerRows = records.length
      continue
    }
    if (!current) current = { parts: cuts.slice(1).map(() => []), line: k + 1 }
    for (let c = 0; c + 1 < cuts.length; c++) {
      current.parts[c]!.push(l.slice(cuts[c]! + 1, cuts[c + 1]!).trim())
    }
  }
  flush()
  return toTable(records, headerRows)
}

function toTable(records: { cells: string[]; line: number }[], headerRows: number): Table {
  const rows: DataRow[] = records.map((r) => ({
    cells: r.cells.map((c) => (c === '' ? undefined : c)),
    line: r.line,
    raw: r.cells.join(' | '),
  }))
  if (headerRows > 0) {
    return { header: records.slice(0, headerRows).at(-1)!.cells, rows: rows.slice(headerRows) }
  }
  const [first, ...rest] = rows
  if (first && looksLikeHeader(first.cells, rest)) {
    return { header: first.cells.map((c) => c ?? ''), rows: rest }
  }
  return { header: undefined, rows }
}

function simpleTableEnd(lines: readonly string[], start: number): number {
  // Border, header, border, rows, border: the table ends after the third border
  // (or the second, when it has no header).
  let borders = 0
  for (let k = start; k < lines.length; k++) {
    if (SIMPLE_BORDER.test(lines[k]!)) {
      borders++
      if (borders === 3) return k + 1
      continue
    }
    if (lines[k]!.trim() === '' && borders >= 2 && SIMPLE_BORDER.test(lines[k - 1] ?? '')) return k
  }
  return lines.length
}

/** A simple table: columns where the border's `=` runs are. */
function simpleTable(lines: readonly string[], start: number, end: number): Table {
  const border = lines[start]!
  const spans: [number, number][] = []
  for (const m of border.matchAll(/=+/g)) spans.push([m.index, m.index + m[0].length])
  const records: { cells: string[]; line: number }[] = []
  let headerRows = -1
  let borders = 0
  for (let k = start; k < end; k++) {
    const l = lines[k]!
    if (SIMPLE_BORDER.test(l)) {
      borders++
      if (borders === 2) headerRows = records.length
      continue
    }
    if (l.trim() === '') continue
    const cells = spans.map(([from], c) =>
      normalizeSpace(inline(l.slice(from, c === spans.length - 1 ? undefined : spans[c + 1]![0]))),
    )
    // A line with an empty first cell continues the previous row.
    const previous = records[records.length - 1]
    if (cells[0] === '' && previous && borders >= 2) {
      cells.forEach((c, n) => {
        if (c) previous.cells[n] = normalizeSpace(`${previous.cells[n] ?? ''} ${c}`)
      })
      continue
    }
    records.push({ cells, line: k + 1 })
  }
  // Only one border before the rows ends: no header.
  return toTable(records, borders >= 3 ? headerRows : -1)
}

/** `.. list-table::` with `* - cell` rows; `:header-rows: N` marks the header. */
function listTable(lines: readonly string[], body: Block): Table {
  let headerRows = 0
  const records: { cells: string[]; line: number }[] = []
  let cell: string[] | undefined
  let row: { cells: string[]; line: number } | undefined
  const flushCell = () => {
    if (row && cell) row.cells.push(normalizeSpace(inline(cell.join(' '))))
    cell = undefined
  }
  for (let k = body.start; k < body.end; k++) {
    const l = lines[k]!
    const option = /^\s*:header-rows:\s*(\d+)/.exec(l)
    if (option) {
      headerRows = Number(option[1])
      continue
    }
    const startRow = /^\s*\*\s+-\s*(.*)$/.exec(l)
    const startCell = /^\s*-\s+(.*)$|^\s*-$/.exec(l)
    if (startRow) {
      flushCell()
      if (row) records.push(row)
      row = { cells: [], line: k + 1 }
      cell = [startRow[1]!]
    } else if (startCell && row) {
      flushCell()
      cell = [startCell[1] ?? '']
    } else if (cell && l.trim() !== '') {
      cell.push(l.trim())
    }
  }
  flushCell()
  if (row) records.push(row)
  return toTable(records, headerRows)
}
