// Seed 003, QRForge: a page copied as text. After "Global Error Codes", each
// section is a title line (optionally an intro line), a `| Code | Meaning |`
// table whose rows lost their leading pipe, and an example response. The
// envelope example at the top of the page is an example of its code too.
import type { Fact, PageRow, PageTable } from './model.ts'

const START = 'Global Error Codes'
const FIRST_SECTION_AFTER = 'Below is the full catalog'
const END = 'Troubleshooting Guide'
const TABLE_HEADER = '| Code | Meaning |'
const TABLE_RULE = '|---|---|'
const TABLE_ROW = /^([a-z_]+) \| (.+) \|$/
// "Unique ID for tracking/debugging" (the page's Fields table): its value
// belongs to one request, so the docs' example has its own.
const PER_REQUEST = new Set(['request_id'])

interface Example {
  line: number
  body: Record<string, unknown>
}

export function readQrForge(text: string): PageTable {
  const lines = text.split('\n').map((l) => l.trim())
  const rows = tableRows(lines)
  for (const example of examples(lines)) {
    const code = example.body.code
    const row = rows.find((r) => r.id === code)
    if (!row) throw new Error(`seed line ${example.line}: example of an unlisted code ${code}`)
    row.facts.push(...exampleFacts(example))
  }
  return { rows, blankRows: 0 }
}

function tableRows(lines: string[]): PageRow[] {
  const rows: PageRow[] = []
  let section: string | undefined
  let expectTitle = false
  let inTable = false
  let started = false
  for (const [index, line] of lines.entries()) {
    if (line === START) started = true
    if (!started) continue
    if (line === END) break
    if (line.startsWith(FIRST_SECTION_AFTER) || line === '}') {
      expectTitle = true
      continue
    }
    if (expectTitle && line !== '') {
      section = line
      expectTitle = false
      continue
    }
    if (line === TABLE_HEADER || line === TABLE_RULE) {
      inTable = true
      continue
    }
    const row = inTable ? TABLE_ROW.exec(line) : null
    if (!row) {
      inTable = false
      continue
    }
    if (!section) throw new Error(`seed line ${index + 1}: a row before any section`)
    rows.push({
      id: row[1]!,
      line: index + 1,
      facts: [
        { name: 'Code', kind: 'key', value: row[1]! },
        { name: 'Meaning', kind: 'text', value: row[2]! },
        { name: 'section', kind: 'section', value: section },
      ],
    })
  }
  return rows
}

/** Every `{ … }` block of the page, each line of it a line of JSON. */
function examples(lines: string[]): Example[] {
  const out: Example[] = []
  let start = -1
  for (const [index, line] of lines.entries()) {
    if (line === '{') start = index
    if (line === '}' && start >= 0) {
      const body = JSON.parse(lines.slice(start, index + 1).join('\n')) as Record<string, unknown>
      out.push({ line: start + 1, body })
      start = -1
    }
  }
  return out
}

function exampleFacts({ line, body }: Example): Fact[] {
  const facts: Fact[] = Object.entries(body).map(([member, value]) => ({
    name: `example L${line} ${member}`,
    kind: PER_REQUEST.has(member) ? 'body-present' : 'body',
    value: PER_REQUEST.has(member) ? String(value) : JSON.stringify(value),
    member,
  }))
  // The message a real response carried documents the error, whatever the wire sends.
  if (typeof body.message === 'string')
    facts.push({ name: `example L${line} message, on the card`, kind: 'text', value: body.message })
  return facts
}
