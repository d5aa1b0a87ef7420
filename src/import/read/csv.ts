// CSV (and TSV, semicolon-separated) tables of error codes, such as the IANA
// HTTP status registry export. csv-parse reads the records; a record it
// cannot read (a stray quote) is reported with its line and skipped, and
// reading resumes on the next line, so one bad row never loses the rest.
import { type CsvError, parse } from 'csv-parse/sync'
import type { Importer, ImportNote, PageImport } from '../find/page.ts'
import {
  type DataRow,
  looksLikeHeader,
  readDataRows,
  recogniseFields,
} from '../find/record-fields.ts'
import { firstLines } from '../find/text.ts'
import { PageLimitError } from './limits.ts'

const DELIMITERS = [',', ';', '\t'] as const
const MAX_COLUMNS = 1000
// Resuming after a broken record re-reads the rest of the input; past this
// many broken records the file is not CSV worth reading and the rest is skipped.
const MAX_RESUMES = 20

export const csvImporter: Importer = {
  format: 'csv',
  detect: detectCsv,
  parse: parseCsv,
}

export function detectCsv(text: string): number {
  const lines = sampleLines(text, 40)
  if (lines.length < 2) return 0
  const first = lines[0]!.trimStart()
  // Markup and JSON have their own importers.
  if (/^(?:[<{[|#>*-]|```|\[block:)/.test(first) || /^(?:[-*+]\s|\d+\.\s)/.test(first)) return 0
  const delimiter = guessDelimiter(lines)
  if (!delimiter) return 0
  // Too wide to recognise its columns cheaply: claim it, and parse() says where the limit is.
  if (tooWide(lines.join('\n'), delimiter)) return 0.5
  const { header, rows } = readRecords(lines.join('\n'), delimiter).table
  const roles = recogniseFields(header, rows)
  if (!roles.includes('code')) return 0
  // A recognised header makes it near certain; consistent columns alone, likely.
  return header ? 0.8 : 0.5
}

export function parseCsv(text: string): PageImport {
  const lines = sampleLines(text, 40)
  const delimiter = guessDelimiter(lines) ?? ','
  const wide = tooWide(text, delimiter)
  if (wide) {
    throw new PageLimitError(
      `a row of more than ${MAX_COLUMNS} fields; errcat reads tables of at most ${MAX_COLUMNS} columns`,
      wide,
      'csv',
    )
  }
  const { table, notes } = readRecords(text, delimiter)
  const roles = recogniseFields(table.header, table.rows)
  const result = readDataRows(table.header, table.rows, roles)
  return {
    format: 'csv',
    groups: result.groups,
    rows: result.rows,
    notes: [...notes, ...result.notes].sort((a, b) => a.line - b.line),
  }
}

/** The first `count` non-blank lines, past a byte-order mark. */
function sampleLines(text: string, count: number): string[] {
  const lines: string[] = []
  for (const line of firstLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) {
    if (lines.length === count) break
    if (line.trim() !== '') lines.push(line)
  }
  return lines
}

/**
 * The delimiter that splits most sample lines into the same number of
 * fields (at least two). Quoted fields are skipped over when counting.
 */
function guessDelimiter(lines: readonly string[]): string | undefined {
  let best: { delimiter: string; agreeing: number } | undefined
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter))
    const tally = new Map<number, number>()
    for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1)
    const agreeing = Math.max(0, ...tally.values())
    if (
      agreeing >= Math.max(2, Math.ceil(lines.length * 0.8)) &&
      agreeing > (best?.agreeing ?? 0)
    ) {
      best = { delimiter, agreeing }
    }
  }
  return best?.delimiter
}

/**
 * The first line with more than MAX_COLUMNS delimiters outside quotes: an
 * error table has a handful of columns, and column recognition costs
 * columns × rows. Quoted fields may span lines, so quotes carry over.
 */
function tooWide(text: string, delimiter: string): number | undefined {
  let line = 1
  let count = 0
  let quoted = false
  const d = delimiter.charCodeAt(0)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) quoted = !quoted
    else if (c === 10 && !quoted) {
      line++
      count = 0
    } else if (c === d && !quoted && ++count > MAX_COLUMNS) return line
  }
  return undefined
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (ch === delimiter && !quoted) count++
  }
  return count
}

interface RecordsRead {
  table: { header: string[] | undefined; rows: DataRow[] }
  notes: ImportNote[]
}

function readRecords(input: string, delimiter: string): RecordsRead {
  // csv-parse guesses the record delimiter from the first line ending it
  // meets, and a lone `\r` then swallows the `\n`s. One line ending for all
  // keeps records and line numbers right; a CRLF counts as one line either way.
  const text = input.replace(/\r\n?/g, '\n')
  const notes: ImportNote[] = []
  const records: DataRow[] = []
  const lineStarts = lineOffsets(text)
  let startLine = 1
  for (let attempt = 0; startLine <= lineStarts.length; attempt++) {
    if (attempt > MAX_RESUMES) {
      notes.push({
        line: startLine,
        kind: 'skipped',
        message: `more than ${MAX_RESUMES} records could not be read as CSV; the rest of the file was skipped`,
      })
      break
    }
    const offset = lineStarts[startLine - 1]!
    // Records' raw texts are contiguous (blank lines included), so counting
    // their newlines gives each record's line, whatever the line endings.
    let nextLine = startLine
    try {
      parse(text.slice(offset), {
        delimiter,
        record_delimiter: '\n',
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        // Padded cells (`  1002  , "Token, expired"`): spaces around a quoted field are no part of it.
        trim: true,
        skip_empty_lines: true,
        raw: true,
        on_record: ({ record, raw }: { record: string[]; raw: string }) => {
          const leading = /^\n*/.exec(raw)![0]
          const body = raw.slice(leading.length).replace(/\n$/, '')
          records.push({ cells: record, line: nextLine + countNewlines(leading), raw: body })
          nextLine += countNewlines(raw)
          return null
        },
      } as never)
      break
    } catch (error) {
      const e = error as CsvError & { lines?: number }
      let failedAt = nextLine
      while (failedAt < lineStarts.length && lineText(text, lineStarts, failedAt).trim() === '') {
        failedAt++
      }
      notes.push({
        line: failedAt,
        kind: 'skipped',
        message: `not valid CSV (${describeCsvError(e)}); the record was skipped`,
        raw: lineText(text, lineStarts, failedAt),
      })
      startLine = failedAt + 1
    }
  }
  // A title row or notes above the header: one-cell records followed by a header.
  let start = 0
  while (start < Math.min(5, records.length - 2) && filled(records[start]!) <= 1) start++
  if (start > 0 && looksLikeHeader(records[start]!.cells, records.slice(start + 1))) {
    for (const r of records.slice(0, start)) {
      notes.push({
        line: r.line,
        kind: 'skipped',
        message: 'a title or note above the header',
        raw: r.raw ?? '',
      })
    }
  } else start = 0
  const [first, ...rest] = records.slice(start)
  if (first && looksLikeHeader(first.cells, rest)) {
    return { table: { header: first.cells.map((c) => c ?? ''), rows: rest }, notes }
  }
  return { table: { header: undefined, rows: records }, notes }
}

function filled(record: DataRow): number {
  return record.cells.filter((c) => c !== undefined && c.trim() !== '').length
}

function describeCsvError(error: CsvError): string {
  const message = (error.message ?? String(error)).replace(/\s+at line \d+.*$/s, '')
  return message.length > 120 ? `${message.slice(0, 117)}...` : message
}

function lineOffsets(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  if (starts[starts.length - 1] === text.length) starts.pop()
  return starts
}

function lineText(text: string, starts: readonly number[], line: number): string {
  const start = starts[line - 1] ?? text.length
  const end = starts[line] ?? text.length
  return text.slice(start, end).replace(/\n$/, '')
}

function countNewlines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}
