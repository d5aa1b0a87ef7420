// Seed 001, QR forms OpenAPI V2: a page copied as text. The top-level codes
// are a bullet list (`• 400: message`); the module table lost its cell
// borders, so each row is `<error_code><message><Description>` run together.
import type { PageRow, PageTable } from './model.ts'

const TOP_LEVEL = 'Top-level code (general)'
const MODULE = /^Module error codes \(\d+ ~ \d+\):$/
const MODULE_HEADER = 'error_codemessageDescription'
const BULLET = /^\s*•\s*(\d+):\s*(.+)$/
// The message is the shortest run up to the first lowercase letter followed by
// an uppercase one: every description starts a new sentence with a capital,
// and no message of the page has a capital after a lowercase letter. A page
// that broke this would show up as wrong messages in the test, not pass.
const MODULE_ROW = /^(\d{6})(.*?[a-z])([A-Z].*)$/

export function readQrForms(text: string): PageTable {
  const lines = text.split('\n')
  const rows: PageRow[] = []
  let section: string | undefined
  let inModuleTable = false
  lines.forEach((raw, index) => {
    const line = raw.trim()
    const number = index + 1
    if (line === TOP_LEVEL) section = TOP_LEVEL
    const module = MODULE.exec(line)
    // A title's colon leads into the table; it is not part of the name.
    if (module) section = line.slice(0, -1)
    if (line === MODULE_HEADER) inModuleTable = true
    const bullet = BULLET.exec(raw)
    if (bullet && section === TOP_LEVEL) {
      rows.push({
        id: bullet[1]!,
        line: number,
        facts: [
          { name: 'code', kind: 'code', value: bullet[1]! },
          { name: 'message', kind: 'text', value: bullet[2]! },
          { name: 'section', kind: 'section', value: section },
        ],
      })
      return
    }
    if (!inModuleTable || line === MODULE_HEADER || line === '') return
    const row = MODULE_ROW.exec(line)
    if (!row || !section) throw new Error(`line ${number}: not a module table row: ${line}`)
    rows.push({
      id: row[1]!,
      line: number,
      facts: [
        { name: 'error_code', kind: 'code', value: row[1]! },
        { name: 'message', kind: 'text', value: row[2]! },
        { name: 'Description', kind: 'text', value: row[3]! },
        { name: 'section', kind: 'section', value: section },
      ],
    })
  })
  return { rows, blankRows: 0 }
}
