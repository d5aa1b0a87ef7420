// Data files (CSV exports, JSON records) as error tables. Unlike a page's
// table (columns.ts, where contents have the last word), a data file's field
// names are deliberate, and its records carry fields that are no part of the
// error (`log_level: "ERROR"`, `date_created`) but look like codes or symbols
// to a content test. So names decide first here; contents only confirm them,
// or choose among unnamed columns. Data files also spread one role over
// several fields (Twilio's `causes` and `solutions`), file errors under a
// field (`product`, `tags`), and, as registries, list gaps: a range of
// numbers or an `Unassigned` row is not an error and becomes a note.
import { codeKind, numericValue } from './code-token.ts'
import { isRangeOnly } from './group-label.ts'
import type { ImportNote, PageGroup, PageRow } from './page.ts'

export type FieldRole =
  | 'code'
  | 'symbol'
  | 'status'
  | 'title'
  | 'message'
  | 'description'
  | 'troubleshooting'
  | 'group'

export interface DataRow {
  /** Cell texts, one per column; missing cells are `undefined`. */
  cells: readonly (string | undefined)[]
  /** 1-based line of the record in the input. */
  line: number
  /** The record as the input had it, for notes. */
  raw?: string
}

export interface DataTable {
  groups: PageGroup[]
  rows: PageRow[]
  notes: ImportNote[]
}

// Field names, compared after lowercasing and dropping everything but
// letters and digits (`HTTP Status` → `httpstatus`, `error_code` → `errorcode`).
const NAMES: Record<FieldRole, readonly string[]> = {
  code: [
    'code',
    'errorcode',
    'errcode',
    'value',
    'number',
    'no',
    'num',
    'id',
    'errorid',
    'errno',
    'errornumber',
    'sqlstate',
    'hresult',
    'key',
    'errorkey',
  ],
  symbol: [
    'symbol',
    'name',
    'errorname',
    'constant',
    'enum',
    'macro',
    'identifier',
    'conditionname',
  ],
  status: [
    'status',
    'httpstatus',
    'httpstatuscode',
    'http',
    'httpcode',
    'statuscode',
    'httpresponsecode',
  ],
  title: ['title', 'summary', 'shortdescription', 'label', 'reasonphrase'],
  message: ['message', 'msg', 'errormessage', 'text', 'meaning', 'reason', 'error', 'errortext'],
  description: [
    'description',
    'desc',
    'details',
    'detail',
    'explanation',
    'secondarymessage',
    'moreinfo',
    'notes',
    'remarks',
  ],
  troubleshooting: [
    'troubleshooting',
    'causes',
    'cause',
    'possiblecauses',
    'solutions',
    'solution',
    'possiblesolutions',
    'resolution',
    'fix',
    'recommendedfix',
    'remedy',
  ],
  group: [
    'group',
    'category',
    'section',
    'product',
    'module',
    'service',
    'tags',
    'tag',
    'component',
  ],
}

// Long documentation fields that describe a record only when nothing shorter does.
const FALLBACK_DESCRIPTION = new Set(['docs', 'documentation', 'doc'])

const NAME_TO_ROLE = new Map<string, FieldRole>()
for (const [role, names] of Object.entries(NAMES) as [FieldRole, readonly string[]][]) {
  for (const name of names) NAME_TO_ROLE.set(name, role)
}

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/** The role a field name announces, before its contents are looked at. */
export function fieldRole(name: string): FieldRole | undefined {
  return NAME_TO_ROLE.get(normalizeName(name))
}

const UNASSIGNED = /^\(?\s*unassigned\s*\)?\.?$/i
const RESERVED = /^\(?\s*(?:unused|reserved)\s*\)?\.?$/i
// Recognition reads a bounded sample, so it stays linear on huge files.
const SAMPLE = 2000

interface Stats {
  filled: number
  numbers: number
  statuses: number
  identifiers: number
  /** Identifiers that read like symbols (`NOT_FOUND`, `NotFound`), not plain words. */
  symbolish: number
  prose: number
  length: number
}

function fieldStats(rows: readonly DataRow[], column: number): Stats {
  const s: Stats = {
    filled: 0,
    numbers: 0,
    statuses: 0,
    identifiers: 0,
    symbolish: 0,
    prose: 0,
    length: 0,
  }
  for (const row of rows) {
    const value = row.cells[column]?.trim()
    // Range rows (`104-199`) are registry gaps: they say nothing about the column.
    if (!value || isRangeOnly(value)) continue
    s.filled++
    s.length += value.length
    const kind = codeKind(value)
    if (kind === 'number' || kind === 'hex') {
      s.numbers++
      const n = numericValue(value)
      if (n !== undefined && n >= 100 && n <= 599) s.statuses++
    } else if (kind === 'identifier') {
      s.identifiers++
      if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z][a-z0-9]+[A-Z]/.test(value)) s.symbolish++
    }
    if (/\s/.test(value)) s.prose++
  }
  return s
}

const share = (part: number, s: Stats) => (s.filled === 0 ? 0 : part / s.filled)
const numeric = (s: Stats) => s.filled > 0 && share(s.numbers, s) >= 0.8
const identifiers = (s: Stats) => s.filled > 0 && share(s.identifiers, s) >= 0.8
const codeLike = (s: Stats) => s.filled > 0 && share(s.numbers + s.identifiers, s) >= 0.8
const statuses = (s: Stats) => s.filled > 0 && share(s.statuses, s) >= 0.9
const prose = (s: Stats) => s.filled > 0 && (share(s.prose, s) >= 0.3 || s.length / s.filled > 24)

/**
 * Whether the first record of a headerless grid (CSV, JSON arrays of arrays)
 * names the columns: it holds no number, and its cells are known field names
 * or sit above columns of numbers.
 */
export function looksLikeHeader(
  first: readonly (string | undefined)[],
  rest: readonly DataRow[],
): boolean {
  const cells = first.map((c) => c?.trim() ?? '')
  if (cells.every((c) => c === '')) return false
  if (cells.some((c) => codeKind(c) === 'number' || codeKind(c) === 'hex')) return false
  if (cells.some((c) => fieldRole(c) !== undefined)) return true
  const sample = rest.slice(0, SAMPLE)
  return cells.some((_, i) => numeric(fieldStats(sample, i)))
}

/** The role of each column: named fields whose contents agree, then unnamed ones by contents. */
export function recogniseFields(
  header: readonly string[] | undefined,
  rows: readonly DataRow[],
): (FieldRole | undefined)[] {
  const sample = rows.slice(0, SAMPLE)
  const width = Math.max(header?.length ?? 0, ...sample.map((r) => r.cells.length), 0)
  const columns = [...Array(width).keys()]
  const stats = columns.map((i) => fieldStats(sample, i))
  const names = columns.map((i) => normalizeName(header?.[i] ?? ''))
  const roles = names.map((n) => NAME_TO_ROLE.get(n))
  const free = (i: number) => roles[i] === undefined && !FALLBACK_DESCRIPTION.has(names[i]!)

  for (const i of columns) {
    const s = stats[i]!
    // A `name` of words ("Presence Update") titles the error; only identifiers are symbols.
    if (roles[i] === 'symbol' && !identifiers(s)) roles[i] = prose(s) ? 'title' : undefined
    if (roles[i] === 'status' && !statuses(s)) roles[i] = undefined
  }

  // The code: a code-named field of numbers, else of identifiers. Another
  // code-named field of identifiers (Cloudflare's "S3 Code") is the symbol.
  const codeNamed = columns.filter(
    (i) =>
      (roles[i] === 'code' || (roles[i] === undefined && names[i]!.endsWith('code'))) &&
      codeLike(stats[i]!),
  )
  for (const i of columns) if (roles[i] === 'code' && !codeNamed.includes(i)) roles[i] = undefined
  const code = codeNamed.find((i) => numeric(stats[i]!)) ?? codeNamed[0]
  for (const i of codeNamed) roles[i] = i === code ? 'code' : 'symbol'
  if (code === undefined) {
    // Unnamed columns: numbers first, then identifiers that are not symbols.
    const pick =
      columns.find((i) => free(i) && numeric(stats[i]!)) ??
      columns.find((i) => free(i) && identifiers(stats[i]!) && stats[i]!.symbolish === 0)
    // A status column that is the only numeric one holds the codes (IANA's "Status Code").
    const status = roles.indexOf('status')
    if (pick !== undefined) roles[pick] = 'code'
    else if (status !== -1) roles[status] = 'code'
  }

  if (header === undefined) {
    // Without names, a second column of statuses and one of symbols are what they look like.
    const status = columns.find((i) => free(i) && statuses(stats[i]!))
    if (status !== undefined) roles[status] = 'status'
    const symbol = columns.find(
      (i) => free(i) && identifiers(stats[i]!) && share(stats[i]!.symbolish, stats[i]!) >= 0.8,
    )
    if (symbol !== undefined) roles[symbol] = 'symbol'
  }

  // The message: a message field; else an unnamed field of prose; else the
  // description, when nothing titles the error (IANA's "Description").
  if (!roles.includes('message')) {
    const unnamed = columns.find((i) => free(i) && prose(stats[i]!))
    const description = roles.indexOf('description')
    if (unnamed !== undefined) roles[unnamed] = 'message'
    else if (description !== -1 && !roles.includes('title')) roles[description] = 'message'
  }
  if (header === undefined && !roles.includes('description')) {
    const more = columns.find((i) => free(i) && prose(stats[i]!))
    if (more !== undefined) roles[more] = 'description'
  }
  return roles
}

/** Turns records into page rows, given the role of each column (see recogniseFields). */
export function readDataRows(
  header: readonly string[] | undefined,
  rows: readonly DataRow[],
  roles: readonly (FieldRole | undefined)[],
): DataTable {
  const out: DataTable = { groups: [], rows: [], notes: [] }
  const names = (header ?? []).map(normalizeName)
  const all = (role: FieldRole) => roles.flatMap((r, i) => (r === role ? [i] : []))
  const codeAt = roles.indexOf('code')
  if (codeAt === -1) {
    const columns = header?.filter((h) => h.trim()).join(', ')
    out.notes.push({
      line: rows[0]?.line ?? 1,
      kind: 'skipped',
      message: `no field holds error codes${columns ? ` (fields: ${columns})` : ''}; nothing imported`,
    })
    return out
  }
  const statusAt = roles.indexOf('status')
  // An IANA-style "Status Code" column is both the code and the HTTP status.
  const statusFrom =
    statusAt === -1 && NAMES.status.includes(names[codeAt] ?? '') ? codeAt : statusAt
  const symbolAt = roles.indexOf('symbol')
  const titleAt = roles.indexOf('title')
  const messageAt = roles.indexOf('message')
  const groupAt = roles.indexOf('group')
  const descriptionAt = all('description')
  const troubleshootingAt = all('troubleshooting')
  const fallbackAt = names.flatMap((n, i) => (FALLBACK_DESCRIPTION.has(n) ? [i] : []))
  const groupIndex = new Map<string, number>()
  const codes = rows.map((row) => clean(row.cells[codeAt]))
  // Codes are keys when any of them is not a plain number, or is zero-padded (`00042`).
  const keys = codes.some((c) => codeKind(c) === 'identifier' || /^-?0\d/.test(c))

  for (const [n, row] of rows.entries()) {
    const cell = (i: number) => (i === -1 ? '' : clean(row.cells[i]))
    const skip = (message: string, emptyRow = false) =>
      out.notes.push({
        line: row.line,
        kind: 'skipped',
        message,
        ...(emptyRow ? { emptyRow } : {}),
        raw: row.raw ?? row.cells.join(','),
      })
    if (row.cells.every((c) => clean(c) === '')) {
      skip('empty row', true)
      continue
    }
    const code = codes[n]!
    const text = cell(messageAt) || cell(titleAt)
    if (code === '') {
      skip('record without a code')
      continue
    }
    if (isRangeOnly(code)) {
      skip(`${code}${text ? ` (${text})` : ''} is a range of numbers, not one error`)
      continue
    }
    const kind = codeKind(code)
    if (!kind) {
      skip(`"${code.length > 60 ? `${code.slice(0, 57)}...` : code}" is not an error code`)
      continue
    }
    if (UNASSIGNED.test(text)) {
      skip(`${code} is unassigned, not an error`)
      continue
    }

    const result: PageRow = { code, line: row.line }
    if (keys) result.codeType = 'key'
    const symbol = cell(symbolAt)
    if (codeKind(symbol) === 'identifier') result.symbol = symbol
    const status = numericValue(cell(statusFrom))
    if (status !== undefined && status >= 100 && status <= 599) result.status = status
    if (cell(titleAt)) result.title = cell(titleAt)
    if (cell(messageAt)) result.message = cell(messageAt)
    const troubleshooting = joinFields(row, troubleshootingAt, header)
    if (troubleshooting) result.troubleshooting = troubleshooting
    const description =
      joinFields(row, descriptionAt, header) ||
      (troubleshooting ? '' : joinFields(row, fallbackAt, header))
    if (description) result.description = description
    // A registry keeps retired numbers: IANA's `306 (Unused)` stays reserved.
    if (RESERVED.test(text)) result.obsolete = true
    const group = cell(groupAt)
    if (group) {
      let index = groupIndex.get(group)
      if (index === undefined) {
        index = out.groups.push({ title: group, line: row.line }) - 1
        groupIndex.set(group, index)
      }
      result.group = index
    }
    out.rows.push(result)
  }
  return out
}

function clean(cell: string | undefined): string {
  return cell === undefined ? '' : cell.replace(/\r\n?/g, '\n').trim()
}

// Several fields of one role (Twilio's causes and solutions) stay apart under their names.
function joinFields(
  row: DataRow,
  columns: readonly number[],
  header: readonly string[] | undefined,
): string {
  const present = columns
    .map((i) => ({ name: header?.[i]?.trim(), value: clean(row.cells[i]) }))
    .filter((f) => f.value !== '')
  if (present.length <= 1) return present[0]?.value ?? ''
  return present.map((f) => (f.name ? `**${humanize(f.name)}:** ${f.value}` : f.value)).join('\n\n')
}

function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
