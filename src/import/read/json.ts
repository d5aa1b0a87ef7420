// JSON error catalogs: an array of records (Twilio), an object keyed by code
// (openEO), an object of code → message strings, or rows as arrays, possibly
// wrapped (`{ "errors": [...] }`). The records become a table whose columns
// are recognised like any other table's, by field names and contents.
// Messages stay the file's text: build-draft turns `{name}` variables into
// ICU placeholders, as for every format.

import type { Importer, PageImport } from '../find/page.ts'
import {
  type DataRow,
  fieldRole,
  looksLikeHeader,
  readDataRows,
  recogniseFields,
} from '../find/record-fields.ts'
import { type JsonPath, scanJson } from './json-scan.ts'
import { deepNesting, nestingError } from './limits.ts'

export const jsonImporter: Importer = {
  format: 'json',
  detect: detectJson,
  parse: parseJson,
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

interface Collection {
  path: JsonPath
  kind: 'array' | 'keyed'
  size: number
}

// How deep a wrapper may nest the collection: `{ "data": { "errors": [...] } }`.
const MAX_WRAPPER_DEPTH = 3

// detect() and parse() of one import read the same text: parse it once.
// parse() takes the result and drops it, so no page stays in memory.
let cache: { text: string; value: Json | undefined; error: boolean } | undefined

function parseCached(text: string, take = false): { value: Json | undefined; error: boolean } {
  if (cache?.text !== text) {
    try {
      cache = { text, value: JSON.parse(text.replace(/^\uFEFF/, '')) as Json, error: false }
    } catch {
      cache = { text, value: undefined, error: true }
    }
  }
  const result = cache
  if (take) cache = undefined
  return result
}

export function detectJson(text: string): number {
  const start = /^\uFEFF?\s*([[{])\s*(\S)/.exec(text)
  if (!start) return 0
  // `[block:parameters]` and other bracketed markup are not JSON.
  if (!/["{[\]}\-0-9tfn]/.test(start[2]!)) return 0
  const { value, error } = parseCached(text)
  // Broken JSON is still JSON: parse() will say where it breaks.
  if (error) return 0.3
  const collection = findCollection(value)
  if (!collection) return 0.1
  return collection.size >= 2 ? 0.9 : 0.5
}

export function parseJson(text: string): PageImport {
  const page: PageImport = { format: 'json', groups: [], rows: [], notes: [] }
  // Records are copied and previewed by recursive code: past the stated depth, stop.
  const deep = deepNesting(text)
  if (deep) {
    cache = undefined
    throw nestingError('json', deep.line)
  }
  const { value, error } = parseCached(text, true)
  if (error) {
    const scanned = scanJson(text)
    const at = scanned.error ?? { message: 'the text is not valid JSON', line: 1, column: 1 }
    page.notes.push({
      line: at.line,
      kind: 'skipped',
      message: `not valid JSON at line ${at.line}, column ${at.column}: ${at.message}; nothing imported`,
    })
    return page
  }
  const collection = findCollection(value)
  if (!collection) {
    page.notes.push({
      line: 1,
      kind: 'skipped',
      message: 'no array of error records and no object keyed by code was found; nothing imported',
    })
    return page
  }

  const container = at(value, collection.path)
  const scanned = scanJson(text, collection.path)
  for (const duplicate of scanned.duplicates) {
    page.notes.push({
      line: duplicate.line,
      kind: 'skipped',
      message: `key "${duplicate.key}" appears again; JSON keeps only its last value`,
    })
  }
  const table = toTable(container, collection.kind, scanned.elements)
  const roles = recogniseFields(table.header, table.rows)
  const read = readDataRows(table.header, table.rows, roles)
  page.groups = read.groups
  page.rows = read.rows
  page.notes.push(...read.notes)
  page.notes.sort((a, b) => a.line - b.line)
  if (collection.path.length > 0) page.title = String(collection.path[collection.path.length - 1])
  return page
}

function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function at(value: Json | undefined, path: JsonPath): Json | undefined {
  let current = value
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key]
    else if (isRecord(current) && typeof key === 'string') current = current[key]
    else return undefined
  }
  return current
}

/**
 * The largest collection of error entries within a few levels: an array of
 * objects or of arrays, or an object whose values are objects or strings.
 */
function findCollection(root: Json | undefined): Collection | undefined {
  let best: Collection | undefined
  const consider = (candidate: Collection) => {
    if (!best || candidate.size > best.size) best = candidate
  }
  const visit = (value: Json | undefined, path: JsonPath) => {
    if (Array.isArray(value)) {
      const entries = value.filter((v) => isRecord(v) || Array.isArray(v)).length
      if (entries > 0 && entries >= value.length * 0.8)
        consider({ path, kind: 'array', size: entries })
      if (
        path.length < MAX_WRAPPER_DEPTH &&
        value.length > 0 &&
        isRecord(value[0]) &&
        value.length === 1
      ) {
        visit(value[0], [...path, 0])
      }
    } else if (isRecord(value)) {
      const values = Object.values(value)
      const entries = values.filter((v) => isRecord(v) || typeof v === 'string').length
      if (entries > 0 && entries >= values.length * 0.8)
        consider({ path, kind: 'keyed', size: entries })
      if (path.length < MAX_WRAPPER_DEPTH) {
        for (const [key, child] of Object.entries(value)) {
          if (Array.isArray(child) || isRecord(child)) visit(child, [...path, key])
        }
      }
    }
  }
  visit(root, [])
  return best
}

interface Table {
  header: string[] | undefined
  rows: DataRow[]
}

function toTable(
  container: Json | undefined,
  kind: Collection['kind'],
  positions: readonly { key: string | number; line: number }[],
): Table {
  // A repeated key keeps its last value (as JSON.parse does), so its last line.
  const lineOf = new Map(positions.map((p) => [p.key, p.line]))
  // File order, which Object.keys does not keep for integer-like keys.
  const order = [...lineOf.keys()].sort((a, b) => lineOf.get(a)! - lineOf.get(b)!)

  if (kind === 'array' && Array.isArray(container)) {
    const items = order.map((i) => ({ item: container[i as number], line: lineOf.get(i) ?? 1 }))
    if (items.every(({ item }) => Array.isArray(item) || !isRecord(item))) {
      return arrayRows(items)
    }
    return recordRows(
      items.filter(({ item }) => isRecord(item)) as {
        item: { [key: string]: Json }
        line: number
      }[],
    )
  }

  if (isRecord(container)) {
    const keys = order.map(String)
    const values = keys.map((key) => container[key])
    if (values.every((v) => typeof v === 'string' || !isRecord(v))) {
      return {
        header: ['code', 'message'],
        rows: keys.map((key) => ({
          cells: [key, typeof container[key] === 'string' ? (container[key] as string) : undefined],
          line: lineOf.get(key) ?? 1,
          raw: `"${key}": ${preview(container[key])}`,
        })),
      }
    }
    // The key is the code, unless the records carry their own code field:
    // then the key is the error's name.
    const records = keys.flatMap((key) => {
      const item = container[key]
      return isRecord(item) ? [{ key, item, line: lineOf.get(key) ?? 1 }] : []
    })
    const hasCode = records.some((r) => Object.keys(r.item).some((k) => fieldRole(k) === 'code'))
    const keyColumn = hasCode ? '(name)' : '(code)'
    const table = recordRows(
      records.map((r) => ({ item: { [keyColumn]: r.key, ...r.item }, line: r.line })),
    )
    table.header = table.header?.map((h) => (h === keyColumn ? keyColumn.slice(1, -1) : h))
    return table
  }
  return { header: undefined, rows: [] }
}

function arrayRows(items: readonly { item: Json | undefined; line: number }[]): Table {
  const rows: DataRow[] = items.map(({ item, line }) => ({
    cells: Array.isArray(item) ? item.map((v) => cellText(v, '')) : [cellText(item ?? null, '')],
    line,
    raw: preview(item ?? null),
  }))
  const [first, ...rest] = rows
  if (first && looksLikeHeader(first.cells, rest)) {
    return { header: first.cells.map((c) => c ?? ''), rows: rest }
  }
  return { header: undefined, rows }
}

// Objects nested one level (`"http": { "status": 404 }`) become dotted columns.
function recordRows(items: readonly { item: { [key: string]: Json }; line: number }[]): Table {
  const columns = new Map<string, number>()
  const flat = items.map(({ item }) => {
    const fields: [string, Json][] = []
    for (const [key, value] of Object.entries(item)) {
      if (isRecord(value)) {
        for (const [inner, innerValue] of Object.entries(value)) {
          if (!isRecord(innerValue)) fields.push([`${key}.${inner}`, innerValue])
        }
      } else {
        fields.push([key, value])
      }
    }
    for (const [key] of fields) if (!columns.has(key)) columns.set(key, columns.size)
    return fields
  })
  const header = [...columns.keys()]
  const rows = flat.map((fields, i): DataRow => {
    const cells: (string | undefined)[] = new Array(header.length).fill(undefined)
    for (const [key, value] of fields) cells[columns.get(key)!] = cellText(value, key)
    return { cells, line: items[i]!.line, raw: preview(items[i]!.item) }
  })
  return { header, rows }
}

function cellText(value: Json, key: string): string | undefined {
  if (value === null) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    const scalars = value.filter((v) => typeof v === 'string' || typeof v === 'number')
    // An error listed under several tags is filed under its first one.
    if (fieldRole(key) === 'group') return scalars.length ? String(scalars[0]) : undefined
    return scalars.length ? scalars.join(', ') : undefined
  }
  return undefined
}

function preview(value: Json | undefined): string {
  const text = JSON.stringify(value) ?? ''
  return text.length > 200 ? `${text.slice(0, 197)}...` : text
}
