// Pages often follow a table with example responses:
//   { "ok": false, "code": "unauthorized", "message": "Invalid or missing API key." }
// An example shows the message the API really sends, while the table row
// describes the error. When a code has exactly one example, its message
// becomes the error's message and the row's text its description; a code
// shown with several different messages (occurrence-specific ones like
// "Missing required field: redirect_url") keeps the table's text.
import type { PageImport } from './page.ts'
import { splitLines } from './text.ts'

const CODE = /"(?:code|error_code)"\s*:\s*(?:"([^"\\]{1,80})"|(-?\d{1,15}))/
const MESSAGE = /"message"\s*:\s*"((?:[^"\\]|\\.){1,500})"/

interface Example {
  message: string
  line: number
}

/** `code → messages` from the JSON objects written in the text (fenced or not). */
export function exampleMessages(text: string): Map<string, Example[]> {
  const found = new Map<string, Example[]>()
  const lines = splitLines(text)
  let code: string | undefined
  let message: Example | undefined
  const close = () => {
    if (code !== undefined && message) found.set(code, [...(found.get(code) ?? []), message])
    code = undefined
    message = undefined
  }
  for (const [i, line] of lines.entries()) {
    if (line.length > 2000) continue
    if (/^\s*[{[]/.test(line) || /^\s*```/.test(line)) close()
    const c = CODE.exec(line)
    if (c) code = c[1] ?? c[2]
    const m = MESSAGE.exec(line)
    if (m) {
      try {
        message = { message: JSON.parse(`"${m[1]}"`) as string, line: i + 1 }
      } catch {
        // an escape JSON cannot read: not an example to trust
      }
    }
    if (/},?$/.test(line.trimEnd())) close()
  }
  close()
  return found
}

/** Moves each row's text to its description when the page shows one example message for its code. */
export function applyExampleMessages(page: PageImport, text: string): void {
  if (!/"message"\s*:/.test(text)) return
  const examples = exampleMessages(text)
  for (const row of page.rows) {
    const shown = examples.get(row.code)
    if (!shown || row.message === undefined) continue
    const distinct = new Set(shown.map((e) => e.message))
    if (distinct.size !== 1) continue
    const example = shown[0]!
    if (example.message.trim() === row.message.trim()) continue
    if (row.description === undefined) row.description = row.message
    row.message = example.message
    page.notes.push({
      line: row.line,
      kind: 'guessed',
      message: `message "${example.message}" taken from the example response at line ${example.line}; the table's text became the description`,
    })
  }
}
