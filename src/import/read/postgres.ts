// PostgreSQL's errcodes.txt: `Section: Class 22 - Data Exception` lines open
// a class (a group whose prefix is the class's two characters), and each
// `sqlstate E/W/S ERRCODE_MACRO [spec_name]` line is one condition. The
// SQLSTATE is a string key (`22012`, `00000`: digits, but not numbers), the
// PL/pgSQL condition name the symbol. A few SQLSTATEs have a second macro
// line without a condition name (`ERRCODE_UNDEFINED_DATABASE` is 3D000,
// `invalid_catalog_name`): that is an alias, recorded on the condition, not
// a second error.
import type { Importer, ImportNote, PageGroup, PageImport, PageRow } from '../find/page.ts'
import { firstLines, splitLines } from '../find/text.ts'

export const postgresImporter: Importer = {
  format: 'postgres-errcodes',
  detect: detectPostgres,
  parse: parsePostgres,
}

const CODE_LINE = /^([0-9A-Z]{5})\s+([EWS])\s+(ERRCODE_[A-Z0-9_]+)(?:\s+([a-z0-9_]+))?\s*$/
const SECTION_LINE = /^Section:\s*(.*?)\s*$/
const CLASS = /\bClass\s+([0-9A-Z]{2})\b/

const ACRONYMS: Record<string, string> = {
  sql: 'SQL',
  sqlstate: 'SQLSTATE',
  sqlclient: 'SQL client',
  sqlserver: 'SQL server',
  sqlconnection: 'SQL connection',
  fdw: 'FDW',
  json: 'JSON',
  xml: 'XML',
  srf: 'SRF',
  io: 'I/O',
  plpgsql: 'PL/pgSQL',
  cant: "can't",
}

export function detectPostgres(text: string): number {
  let codes = 0
  let sections = 0
  let lines = 0
  for (const raw of firstLines(text, 400)) {
    const line = raw.trim()
    lines++
    if (CODE_LINE.test(line)) codes++
    else if (SECTION_LINE.test(line) && CLASS.test(line)) sections++
  }
  if (codes >= 3 || (codes >= 1 && sections >= 1)) return 0.95
  return codes > 0 && lines < 5 ? 0.5 : 0
}

interface Entry {
  sqlstate: string
  severity: string
  macros: string[]
  spec?: string
  line: number
  group?: number
}

export function parsePostgres(text: string): PageImport {
  const groups: PageGroup[] = []
  const notes: ImportNote[] = []
  const entries = new Map<string, Entry>()
  let group: number | undefined
  // Comments right under a Section line describe the class.
  let describing = false

  const lines = splitLines(text.replace(/^\uFEFF/, ''))
  for (const [index, raw] of lines.entries()) {
    const line = index + 1
    const content = raw.trim()
    if (content === '') continue
    if (content.startsWith('#')) {
      const comment = content.replace(/^#+\s?/, '').trim()
      if (describing && group !== undefined && comment) {
        const g = groups[group]!
        g.description = g.description ? `${g.description} ${comment}` : comment
      }
      continue
    }
    describing = false
    const section = SECTION_LINE.exec(content)
    if (section) {
      const title = section[1]!
      const prefix = CLASS.exec(title)?.[1]
      group = groups.push({ title, line, ...(prefix ? { prefix } : {}) }) - 1
      describing = true
      continue
    }
    const code = CODE_LINE.exec(content)
    if (!code) {
      notes.push({
        line,
        kind: 'skipped',
        message:
          'not an errcodes.txt line (expected `sqlstate E|W|S ERRCODE_NAME [condition_name]` or `Section: …`)',
        raw: raw.length > 200 ? `${raw.slice(0, 197)}...` : raw,
      })
      continue
    }
    const [, sqlstate, severity, macro, spec] = code as unknown as [
      string,
      string,
      string,
      string,
      string?,
    ]
    const existing = entries.get(sqlstate)
    if (!existing) {
      entries.set(sqlstate, {
        sqlstate,
        severity,
        macros: [macro],
        ...(spec ? { spec } : {}),
        line,
        ...(group !== undefined ? { group } : {}),
      })
      continue
    }
    if (spec && existing.spec && spec !== existing.spec) {
      // Two condition names for one SQLSTATE: both are real PL/pgSQL names,
      // but a catalog key is unique; keep the first and say so.
      notes.push({
        line,
        kind: 'skipped',
        message: `${sqlstate} is already ${existing.spec} (line ${existing.line}); condition ${spec} was not imported as a second error`,
        raw,
      })
      continue
    }
    // The line with the condition name is the main one; the other macro is an alias.
    let alias = { macro, line }
    if (spec && !existing.spec) {
      alias = { macro: existing.macros[0]!, line: existing.line }
      existing.spec = spec
      existing.macros.unshift(macro)
      existing.line = line
    } else {
      existing.macros.push(macro)
    }
    notes.push({
      line: alias.line,
      kind: 'guessed',
      message: `${alias.macro} is another macro for ${sqlstate}; recorded on ${existing.spec ?? existing.macros[0]} instead of a second error`,
    })
  }

  const sorted = [...entries.values()].sort((a, b) => a.line - b.line)
  const nameOf = (entry: Entry) =>
    entry.spec ?? entry.macros[0]!.replace(/^ERRCODE_/, '').toLowerCase()
  // A few condition names stand in two classes (`string_data_right_truncation`
  // is 01004 and 22001): their titles say which class, or they would read the same.
  const uses = new Map<string, number>()
  for (const entry of sorted) uses.set(nameOf(entry), (uses.get(nameOf(entry)) ?? 0) + 1)
  const rows = sorted.map((entry): PageRow => {
    const name = nameOf(entry)
    const className = entry.group === undefined ? undefined : classTitle(groups[entry.group]!.title)
    const title = humanize(name)
    return {
      code: entry.sqlstate,
      codeType: 'key',
      symbol: name.toUpperCase(),
      title: uses.get(name)! > 1 && className ? `${title} (${className})` : title,
      description: describe(entry),
      line: entry.line,
      ...(entry.group !== undefined ? { group: entry.group } : {}),
      ...(entry.severity === 'S' ? { success: true } : {}),
    }
  })
  return { format: 'postgres-errcodes', title: 'PostgreSQL error codes', groups, rows, notes }
}

function describe(entry: Entry): string {
  const parts: string[] = []
  if (entry.severity === 'W') parts.push('A warning, not an error.')
  if (entry.severity === 'S') parts.push('Successful completion, not an error.')
  if (entry.spec) parts.push(`PL/pgSQL condition name: \`${entry.spec}\`.`)
  const [macro, ...aliases] = entry.macros
  parts.push(
    `C macro: \`${macro}\`${aliases.length ? ` (also ${aliases.map((m) => `\`${m}\``).join(', ')})` : ''}.`,
  )
  return parts.join(' ')
}

/** `Class 22 - Data Exception` → `data exception`; acronyms keep their case. */
function classTitle(section: string): string {
  const name = section
    .replace(/^Class\s+[0-9A-Z]{2}\s*[-–—:]\s*/, '')
    .split('(', 1)[0]!
    .trimEnd()
  return name.replace(/\b[A-Z][a-z]+\b/g, (word) => word.toLowerCase())
}

/** `division_by_zero` → `Division by zero`, `invalid_xml_document` → `Invalid XML document`. */
export function humanize(name: string): string {
  const words = name
    .split('_')
    .filter(Boolean)
    .map((w) => ACRONYMS[w] ?? w)
  const sentence = words.join(' ')
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}
