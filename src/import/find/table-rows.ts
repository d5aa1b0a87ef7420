// A table, whatever page it came from (HTML, Markdown, readme.io JSON, plain
// text), becomes rows and groups here: columns are recognised once, group
// rows (`**2xxx:**`, colspan rows, `Class 22 — …`) open sections, empty rows
// and rows without a code are reported with their line.
import { codeKind, parseEntry } from './code-token.ts'
import { type ColumnPlan, planColumns } from './columns.ts'
import { cleanGroupTitle, isRangeOnly, parseGroupLabel } from './group-label.ts'
import type { PageRow } from './page.ts'
import type { PageBuilder } from './page-builder.ts'

export interface Cell {
  /** Plain text: tags and emphasis gone, code spans kept in backticks. */
  text: string
  /** The cell as Markdown (links kept), for descriptions. Default: `text`. */
  markdown?: string
  /** The anchor the page links the cell with (`<a name="9023">`). */
  anchor?: string
  /** The whole cell is bold. */
  strong?: boolean
  /** Columns the cell spans (HTML colspan). */
  span?: number
}

export interface TableRowInput {
  cells: Cell[]
  line: number
  /** The row as the page wrote it, for the report. */
  raw: string
}

export interface TableInput {
  /** Header cells; absent when the table has no header row (the first row may still be one). */
  header?: Cell[]
  rows: TableRowInput[]
  line: number
}

const filled = (row: TableRowInput) => row.cells.filter((c) => c.text.trim() !== '')

/** Whether a row has a cell with text: `filled` without its array, asked of every row. */
function hasFilled(row: TableRowInput): boolean {
  for (const c of row.cells) if (c.text.trim() !== '') return true
  return false
}

type RowGroup = { title: string; range?: [number, number]; prefix?: string }

/** A row that opens a section rather than describing an error. */
function groupOf(row: TableRowInput): RowGroup | undefined {
  const cells = filled(row)
  if (cells.length === 0) return undefined
  const rangeCell = cells.find((c) => isRangeOnly(c.text))
  if (rangeCell) {
    const titleCell = cells.find((c) => c !== rangeCell)
    const label = parseGroupLabel(rangeCell.text)
    return {
      title: titleCell ? cleanGroupTitle(titleCell.text) : label.title,
      ...(label.range ? { range: label.range } : {}),
    }
  }
  const only = cells.length === 1 ? cells[0]! : undefined
  if (only && ((only.span ?? 1) > 1 || only.strong || /^class\s+[0-9A-Z]{2}\b/i.test(only.text))) {
    return parseGroupLabel(only.text)
  }
  if (cells.length > 1 && cells.every((c) => c.strong) && !codeKind(cells[0]!.text.trim())) {
    return parseGroupLabel(cells.map((c) => c.text).join(' '))
  }
  return undefined
}

/**
 * groupOf, asked once a row: the plan and then each row's reading ask it
 * again, and it reads every cell of the row.
 */
function groupsOnce(): (row: TableRowInput) => RowGroup | undefined {
  const known = new Map<TableRowInput, RowGroup | undefined>()
  return (row) => {
    if (known.has(row)) return known.get(row)
    const group = groupOf(row)
    known.set(row, group)
    return group
  }
}

const texts = (cells: Cell[] | undefined) => (cells ?? []).map((c) => c.text)

function choosePlan(
  table: TableInput,
  rowGroup: (row: TableRowInput) => RowGroup | undefined,
): {
  plan?: ColumnPlan
  body: TableRowInput[]
  header: string[]
} {
  const data = (rows: TableRowInput[]) => rows.filter((r) => !rowGroup(r) && hasFilled(r))
  const header = texts(table.header)
  if (header.some((h) => h.trim() !== '')) {
    return {
      plan: planColumns(
        header,
        data(table.rows).map((r) => texts(r.cells)),
      ),
      body: table.rows,
      header,
    }
  }
  // No header row: the first row is one when it makes a plan possible, or
  // when it holds no code where the others do (Tencent's 错误码ID row).
  const asData = planColumns(
    [],
    data(table.rows).map((r) => texts(r.cells)),
  )
  const [first, ...rest] = table.rows
  if (first && rest.length > 0) {
    const firstTexts = texts(first.cells)
    const asHeader = planColumns(
      firstTexts,
      data(rest).map((r) => texts(r.cells)),
    )
    const firstIsCode = asData
      ? codeKind((firstTexts[asData.code] ?? '').trim()) !== undefined
      : false
    if (asHeader && (!asData || !firstIsCode))
      return { plan: asHeader, body: rest, header: firstTexts }
  }
  return { ...(asData ? { plan: asData } : {}), body: table.rows, header: [] }
}

function statusOf(text: string): number | undefined {
  const m = /\b([1-5]\d\d)\b/.exec(text)
  return m ? Number(m[1]) : undefined
}

export function addTable(builder: PageBuilder, table: TableInput): void {
  const rowGroup = groupsOnce()
  const { plan, body, header } = choosePlan(table, rowGroup)
  if (!plan) {
    if (body.some(hasFilled)) {
      const what = header.some((h) => h.trim()) ? `(${header.map((h) => h.trim()).join(', ')})` : ''
      builder.skip(table.line, `table ${what} has no column of error codes`.replace('  ', ' '), {
        raw: header.join(' | ') || table.rows[0]?.raw || '',
      })
    }
    return
  }
  // Group rows belong to their table: after it, the heading's section resumes.
  const section = builder.currentSection
  // A group row with nothing under it (Discord's `5xx (SERVER ERROR)` row at
  // the end of its table) documents something no error will carry: report it.
  let open: { row: TableRowInput; rows: number } | undefined
  // A string code is the entry's identity: when a table repeats one (gRPC's
  // "Case | Code" table maps many situations to each status), its first row
  // is the entry and the others are cases of it.
  const keys = new Map<string, number>()
  const close = () => {
    if (open && builder.page.rows.length === open.rows) {
      builder.skip(open.row.line, 'group row with no codes under it', { raw: open.row.raw })
    }
    open = undefined
  }
  builder.beginBlock()
  for (const row of body) {
    if (addRow(builder, row, plan, keys, rowGroup(row)) === 'group') {
      close()
      open = { row, rows: builder.page.rows.length }
    }
  }
  close()
  builder.endBlock()
  if (section) builder.enterSection(section)
  else builder.leaveSection()
}

function addRow(
  builder: PageBuilder,
  row: TableRowInput,
  plan: ColumnPlan,
  keys: Map<string, number>,
  group: RowGroup | undefined,
): 'group' | 'row' | 'skipped' {
  if (!hasFilled(row)) {
    builder.skip(row.line, 'empty row', { raw: row.raw, emptyRow: true })
    return 'skipped'
  }
  if (group) {
    builder.enterSection({ ...group, line: row.line })
    return 'group'
  }
  const codeCell = row.cells[plan.code]
  const codeText = codeCell?.text.trim() ?? ''
  if (codeText === '') {
    builder.skip(row.line, 'row without a code', { raw: row.raw })
    return 'skipped'
  }
  const entry = parseEntry(codeText) ?? (codeKind(codeText) ? { code: codeText } : undefined)
  const kind = entry && codeKind(entry.code)
  const numeric = kind === 'number' || kind === 'hex'
  if (!entry || (plan.codeType === 'number' && !numeric)) {
    const label = parseGroupLabel(codeText)
    if (label.range) {
      const description = cellText(row, plan.message)
      builder.enterSection({ ...label, ...(description ? { description } : {}), line: row.line })
      return 'group'
    }
    builder.skip(row.line, `"${codeText}" is not a code`, { raw: row.raw })
    return 'skipped'
  }
  if (!numeric) {
    const first = keys.get(entry.code)
    if (first !== undefined) {
      builder.skip(row.line, `${entry.code} repeats the code of line ${first}: a case of it`, {
        raw: row.raw,
      })
      return 'skipped'
    }
    keys.set(entry.code, row.line)
  }
  const symbol = cellText(row, plan.symbol)?.replace(/\\_/g, '_').replace(/^`|`$/g, '')
  const status = plan.status === undefined ? undefined : statusOf(cellText(row, plan.status) ?? '')
  let title = cellText(row, plan.title) ?? entry.title
  // A row whose message cell is empty says it in its description.
  let message = cellText(row, plan.message) ?? entry.text ?? cellText(row, plan.description)
  let named: string | undefined
  // A message cell that starts with the entry's name or title:
  // `SelectUserAccount - This is an interrupt…` (a name before ` - `),
  // `Bad Request -- The server could not…` (a title before ` -- `).
  if (message !== undefined && title === undefined) {
    const split = splitNamed(message)
    if (split) {
      if (split.name !== undefined && plan.symbol === undefined && !entry.symbol) named = split.name
      else if (split.title !== undefined) title = split.title
      if (named !== undefined || split.title !== undefined) message = split.text
    }
  }
  const description = cellMarkdown(row, plan.description)
  const troubleshooting = cellMarkdown(row, plan.troubleshooting)
  const added: Omit<PageRow, 'group'> = {
    code: entry.code,
    line: row.line,
    ...(symbol
      ? { symbol }
      : entry.symbol
        ? { symbol: entry.symbol }
        : named !== undefined
          ? { symbol: named }
          : {}),
    ...(status ? { status } : {}),
    ...(title ? { title } : {}),
    ...(message ? { message } : {}),
    ...(description ? { description } : {}),
    ...(troubleshooting ? { troubleshooting } : {}),
    ...(plan.codeType === 'key' ? { codeType: 'key' as const } : {}),
  }
  if (codeCell?.anchor !== undefined) {
    added.anchor = codeCell.anchor
    added.label = codeText
  }
  builder.addRow(added)
  return 'row'
}

// Module functions, not closures in addRow: it runs once a row of tables
// of 100,000 rows.

/** A column's text in a row, trimmed; undefined when the column is absent or the cell empty. */
function cellText(row: TableRowInput, column: number | undefined): string | undefined {
  return (column === undefined ? undefined : row.cells[column])?.text.trim() || undefined
}

/** A column's Markdown (else its text) in a row, trimmed, or undefined. */
function cellMarkdown(row: TableRowInput, column: number | undefined): string | undefined {
  const cell = column === undefined ? undefined : row.cells[column]
  return (cell?.markdown ?? cell?.text)?.trim() || undefined
}

/**
 * `Name - text` (a CamelCase or snake_case name, one word) or `Title -- text`
 * (a few words before a double hyphen or a dash): the parts, or undefined.
 */
export function splitNamed(
  cell: string,
): { name?: string; title?: string; text: string } | undefined {
  const name = /^`?([A-Za-z][A-Za-z0-9_]{2,79})`?\s+[-–—]\s+(\S[\s\S]*)$/.exec(cell)
  // CamelCase, also after a leading acronym (`OAuth2IdPError`), or snake_case.
  if (name && (/_/.test(name[1]!) || /^[A-Z]+[a-z0-9]+[A-Z]/.test(name[1]!)))
    return { name: name[1]!, text: name[2]!.trim() }
  const title = /^([^\s-–—][^-–—]{0,60}?)\s+(?:--|—)\s+(\S[\s\S]*)$/.exec(cell)
  if (title) return { title: title[1]!.trim(), text: title[2]!.trim() }
  return undefined
}
