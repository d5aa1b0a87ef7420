// TOML files of error definitions (see definitions.ts for the layouts read):
// `["BR:Backup:ErrX"]` tables with `error = '''…'''`, `[errors] name = 1001`,
// `[[errors]]` arrays of tables. smol-toml parses the values; the line of
// each table and key comes from one pass over the lines, since the parser
// keeps none. Nesting is measured first (see limits.ts).
import { parse } from 'smol-toml'
import type { Importer, PageImport } from '../find/page.ts'
import { splitLines } from '../find/text.ts'
import { commentsAbove, type DataNode, readDefinitions } from './definitions.ts'
import { deepNesting, MAX_NESTING, nestingError } from './limits.ts'

export const tomlImporter: Importer = { format: 'toml', detect: detectToml, parse: parseToml }

const HEADER =
  /^\s*(\[\[?)\s*((?:"[^"]*"|'[^']*'|[\w-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[\w-]+))*)\s*\]\]?\s*(?:#.*)?$/
const ASSIGNMENT = /^\s*((?:"[^"]*"|'[^']*'|[\w-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[\w-]+))*)\s*=/

function keyPath(text: string): string[] {
  const parts: string[] = []
  const re = /"([^"]*)"|'([^']*)'|([\w-]+)/g
  for (let m = re.exec(text); m; m = re.exec(text)) parts.push(m[1] ?? m[2] ?? m[3]!)
  return parts
}

/** Line of each table and key, by its dotted path (array tables get `#n`). */
function keyLines(lines: readonly string[]): Map<string, number> {
  const found = new Map<string, number>()
  const arrays = new Map<string, number>()
  let table: string[] = []
  let multiline: string | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (multiline) {
      if (line.includes(multiline)) multiline = undefined
      continue
    }
    const header = HEADER.exec(line)
    if (header) {
      table = keyPath(header[2]!)
      if (header[1] === '[[') {
        const base = table.join('\u0000')
        const n = arrays.get(base) ?? 0
        arrays.set(base, n + 1)
        table = [...table, `#${n}`]
      }
      found.set(table.join('\u0000'), i + 1)
      continue
    }
    const assignment = ASSIGNMENT.exec(line)
    if (assignment) {
      const path = [...table, ...keyPath(assignment[1]!)].join('\u0000')
      if (!found.has(path)) found.set(path, i + 1)
      const rest = line.slice(assignment[0].length)
      const open = /^\s*('''|""")/.exec(rest)
      if (open && rest.indexOf(open[1]!, rest.indexOf(open[1]!) + 3) === -1) multiline = open[1]
    }
  }
  return found
}

function toTree(
  value: unknown,
  path: string[],
  lines: Map<string, number>,
  line: number,
): DataNode {
  const here = lines.get(path.join('\u0000')) ?? line
  if (Array.isArray(value)) {
    return {
      kind: 'list',
      line: here,
      items: value.map((item, n) => toTree(item, [...path, `#${n}`], lines, here)),
    }
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return {
      kind: 'map',
      line: here,
      entries: Object.entries(value as Record<string, unknown>).map(([key, v]) => {
        const childPath = [...path, key]
        const childLine = lines.get(childPath.join('\u0000')) ?? here
        return { key, line: childLine, value: toTree(v, childPath, lines, childLine) }
      }),
    }
  }
  const scalar =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : typeof value === 'bigint'
        ? String(value)
        : value === null || value === undefined
          ? null
          : String(value)
  return { kind: 'scalar', line: here, value: scalar }
}

let cache: { text: string; value?: unknown; error?: { line: number; message: string } } | undefined

function parsed(text: string): NonNullable<typeof cache> {
  if (cache?.text === text) return cache
  try {
    cache = { text, value: parse(text) }
  } catch (error) {
    const e = error as { line?: number; message?: string }
    cache = {
      text,
      error: { line: e.line ?? 1, message: String(e.message ?? error).split('\n')[0]! },
    }
  }
  return cache
}

export function detectToml(text: string): number {
  let headers = 0
  let assignments = 0
  let other = 0
  let multiline: string | undefined
  for (const line of splitLines(text.slice(0, 4000)).slice(0, 80)) {
    if (multiline) {
      if (line.includes(multiline)) multiline = undefined
      continue
    }
    const t = line.trim()
    if (t === '' || t.startsWith('#')) continue
    if (HEADER.test(line)) headers++
    else if (ASSIGNMENT.test(line)) {
      assignments++
      const open = /=\s*('''|""")(.*)$/.exec(line)
      if (open && !open[2]!.includes(open[1]!)) multiline = open[1]
    } else other++
  }
  if (headers + assignments < 3 || other > (headers + assignments) / 4) return 0
  if (deepNesting(text, MAX_NESTING, `"'`)) return 0.5
  const { value } = parsed(text)
  if (value === undefined) return headers > 0 ? 0.3 : 0
  const page = readDefinitions('toml', toTree(value, [], new Map(), 1), () => undefined)
  return page.rows.length >= 2 ? 0.85 : 0.3
}

export function parseToml(text: string): PageImport {
  const deep = deepNesting(text, MAX_NESTING, `"'`)
  if (deep) throw nestingError('toml', deep.line)
  const { value, error } = parsed(text)
  cache = undefined
  if (error) {
    return {
      format: 'toml',
      groups: [],
      rows: [],
      notes: [
        {
          line: error.line,
          kind: 'skipped',
          message: `not valid TOML at line ${error.line}: ${error.message}; nothing imported`,
        },
      ],
    }
  }
  const lines = splitLines(text)
  return readDefinitions('toml', toTree(value, [], keyLines(lines), 1), commentsAbove(lines))
}
