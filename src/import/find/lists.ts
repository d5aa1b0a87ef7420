// Bullet and definition lists of errors: `- 0: success`, `* 1000` then
// `: Authentication failed` (Gengo), `- 100 Continue` then `  - : …` (MDN),
// or a list of bare codes (gRPC's `- INVALID_ARGUMENT`). Lists of prose
// (troubleshooting steps) match nothing and are left alone.
import { codeKind, parseEntry } from './code-token.ts'
import type { PageBuilder } from './page-builder.ts'
import { normalizeSpace } from './text.ts'

export interface ListItemInput {
  /** The item's first line, or its term when it has a definition. */
  term: string
  /** The `: …` definition, plain text. */
  definition?: string
  /** More text under the item, Markdown. */
  description?: string
  line: number
  raw: string
  anchor?: string
}

const bare = (code: string) =>
  codeKind(code) === 'number' || /^[A-Z][A-Z0-9]{2,}(_[A-Z0-9]+)*$/.test(code)

/** Adds the items that are errors; returns how many were. */
export function addListItems(builder: PageBuilder, items: ListItemInput[]): number {
  const entries = items.map((item) => ({ item, entry: parseEntry(normalizeSpace(item.term)) }))
  const loneCodes =
    items.length >= 2 &&
    entries.every(({ entry }) => entry && bare(entry.code) && !entry.text && !entry.title)
  const accepted = entries.filter(
    ({ item, entry }) =>
      entry && (item.definition !== undefined || entry.text || entry.title || loneCodes),
  )
  if (accepted.length === 0) return 0
  const isAccepted = new Set(accepted.map((a) => a.item))
  builder.beginBlock()
  for (const { item, entry } of entries) {
    if (!entry || !isAccepted.has(item)) {
      if (accepted.length >= 2)
        builder.skip(item.line, 'list item without a code', { raw: item.raw })
      continue
    }
    const message = item.definition !== undefined ? normalizeSpace(item.definition) : entry.text
    const description = [entry.note, item.description].filter((t) => t).join('\n\n')
    builder.addRow({
      code: entry.code,
      line: item.line,
      ...(entry.symbol ? { symbol: entry.symbol } : {}),
      ...(entry.title ? { title: entry.title } : {}),
      ...(message ? { message } : {}),
      ...(description ? { description } : {}),
      ...(item.anchor ? { anchor: item.anchor, label: entry.code } : {}),
    })
  }
  builder.endBlock()
  return accepted.length
}
