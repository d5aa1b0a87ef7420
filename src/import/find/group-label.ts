// Section headings and group rows that state a range or a prefix:
// `**2xxx:** User errors`, `9xxxx`, `100300 ~ 100329`, `12000 - 12175`,
// `Class 22 — Data Exception`. The title keeps the page's words; only
// Markdown emphasis and a trailing colon go.
import { normalizeSpace } from './text.ts'

export interface GroupLabel {
  title: string
  range?: [number, number]
  prefix?: string
}

/** `2xxx` → [2000, 2999], `9xxxx` → [90000, 99999], `5xx` → [500, 599]. */
// Two x or more: `2201X` is a SQLSTATE, not a range.
const X_PATTERN = /(?:^|[\s(])(\d{1,6})([xX]{2,9})(?=$|[\s):.,])/
const RANGE = /(?:^|[^\d.])(\d{1,12})\s*(?:~|–|—|-|\bto\b|\.\.)\s*(\d{1,12})(?![\d.])/
const CLASS = /^class\s+([0-9A-Z]{2})\b/i

export function cleanGroupTitle(text: string): string {
  const bare = text.includes('**') || text.includes('__') ? text.replace(/\*\*|__/g, '') : text
  const title = normalizeSpace(bare)
  return title.endsWith(':') ? title.slice(0, -1).trimEnd() : title
}

export function parseGroupLabel(text: string): GroupLabel {
  const title = cleanGroupTitle(text)
  const x = X_PATTERN.exec(title)
  if (x) {
    const digits = x[1]!
    const width = 10 ** x[2]!.length
    const first = Number(digits) * width
    return { title, range: [first, first + width - 1] }
  }
  const r = RANGE.exec(title)
  if (r) {
    const first = Number(r[1])
    const last = Number(r[2])
    if (first <= last && Number.isSafeInteger(last)) return { title, range: [first, last] }
  }
  const c = CLASS.exec(title)
  if (c) return { title, prefix: c[1]! }
  return { title }
}

const LEADING_DIGIT = /^[\s*_]*\d/

/** Whether a cell holds only a range (`2xxx:`, `100300 ~ 100329`), i.e. marks a group row. */
export function isRangeOnly(text: string): boolean {
  // Every cell of a table is asked: one that does not start with a digit
  // (after the spaces and emphasis cleanGroupTitle drops) is answered at once.
  if (!LEADING_DIGIT.test(text)) return false
  const t = cleanGroupTitle(text)
  return /^\d{1,6}[xX]{2,9}$/.test(t) || /^\d{1,12}\s*(?:~|–|—|-|to|\.\.)\s*\d{1,12}$/.test(t)
}
