// Seed 004, Gengo: Markdown definition-list style, `* <code>` on one line
// and `: <sample message>` on the next.
import { afterFrontMatter, type PageRow, type PageTable } from './model.ts'

const TERM = /^\* (\d+)$/
const DEFINITION = /^: (.+)$/

export function readGengo(text: string): PageTable {
  const { body, lineOffset } = afterFrontMatter(text)
  const lines = body.split('\n')
  const rows: PageRow[] = []
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    const term = TERM.exec(line)
    if (!term) {
      if (line.startsWith('* ') || line.startsWith(': '))
        throw new Error(`line ${index + 1 + lineOffset}: neither a code nor its message: ${line}`)
      continue
    }
    const definition = DEFINITION.exec(lines[index + 1] ?? '')
    if (!definition)
      throw new Error(`line ${index + 2 + lineOffset}: code ${term[1]} has no message`)
    rows.push({
      id: term[1]!,
      line: index + 1 + lineOffset,
      facts: [
        { name: 'code', kind: 'code', value: term[1]! },
        { name: 'msg', kind: 'text', value: definition[1]! },
      ],
    })
    index++
  }
  return { rows, blankRows: 0 }
}
