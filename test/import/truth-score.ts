// Scores what `errcat import` makes of a page against the page's hand-made
// truth (test/import/corpus/*.truth.json): recall and precision of codes, and
// the share of truth entries whose title or message the import got right.
// Used by truth.test.ts; the figures it prints go into docs/import.md.
import { buildDraft } from '../../src/import/draft/build-draft.ts'
import type { PageRow } from '../../src/import/find/page.ts'
import { detectFormat } from '../../src/import/read/detect.ts'

export interface TruthEntry {
  code: string
  /** The same code written another way on the page (`0x1F` beside `31`). */
  aliases?: string[]
  symbol?: string
  title?: string
  message?: string
  status?: number
  group?: string
}

export interface Truth {
  source: string
  license: string
  shape: string
  language: string
  counting: string
  entries: TruthEntry[]
}

export interface ImportedEntry {
  code: string
  title?: string
  message?: string
  rowTitle?: string
}

export interface Imported {
  format?: string
  entries: ImportedEntry[]
  /** Set when detection, the importer or the draft failed. */
  failure?: string
}

export interface Score {
  entries: number
  imported: number
  matched: number
  recall: number
  precision: number
  /** Truth entries with a title or message, and how many of them the import got right. */
  withText: number
  textRight: number
  /** null when the truth gives no title or message to compare (codes only). */
  messages: number | null
}

/** What `errcat import` keeps of a page: detection by content, the importer, the draft. */
export function importPage(file: string, text: string): Imported {
  const detected = detectFormat(text)
  if (!detected) return { entries: [] }
  try {
    const page = detected.importer.parse(text)
    const draft = buildDraft([{ file, page }])
    const errors = Object.values(draft.catalog.errors ?? {})
    // The draft makes one error per row it keeps, in row order; rows it
    // skips (codes that cannot be keys) have no error with their line.
    const entries: ImportedEntry[] = []
    let next = 0
    for (const row of page.rows) {
      const error = errors[next]
      if (!error || error.source?.line !== row.line || !sameCode(row, error)) continue
      next++
      entries.push({
        code: row.code,
        title: error.title,
        ...(row.message !== undefined ? { message: row.message } : {}),
        ...(row.title !== undefined ? { rowTitle: row.title } : {}),
      })
    }
    return { format: detected.importer.format, entries }
  } catch (error) {
    return { format: detected.importer.format, entries: [], failure: String(error) }
  }
}

function sameCode(row: PageRow, error: { code?: number; key?: string }): boolean {
  return error.key !== undefined ? error.key === row.code : error.code !== undefined
}

/** A text as a reader sees it: inline Markdown and HTML markup dropped, whitespace collapsed. */
export function plain(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/?(li|ul|ol|p|div|span|td|th|tr|code|strong|em|b|i|a)\b[^>]*>/gi, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/(^|[\s(])\*(\S[^*]*?)\*(?=$|[\s.,;:!?)])/g, '$1$2')
    .replace(/`+/g, '')
    .replace(/\\([\\_*`[\]()#|<>-])/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
}

// A truth text that is the first sentence of the page's prose is right when
// the import kept the whole paragraph it starts.
function textMatches(imported: string, target: string): boolean {
  if (imported === target) return true
  return /[.!?。]$/.test(target) && imported.startsWith(`${target} `)
}

// Pages write placeholders their own way (printf's `%-.200s`, `{name}`), and
// the import writes them as ICU arguments (`{p1}`, with `''` for a quote
// before a brace): a message is the same message when it differs only there,
// so both sides compare with each placeholder as `…`.
const PRINTF = /%[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcsp]/g
const ICU_ARGUMENT = /\{\s*[A-Za-z_]\w*\s*(?:,[^{}]*)?\}/g

function placeholdersAsEllipsis(text: string): string {
  return text
    .replace(PRINTF, '…')
    .replace(/%%/g, '%')
    .replace(ICU_ARGUMENT, '…')
    .replace(/''/g, "'")
}

function entryTextRight(truth: TruthEntry, got: ImportedEntry): boolean {
  const targets = [truth.title, truth.message]
    .filter((t): t is string => !!t)
    .map((t) => placeholdersAsEllipsis(plain(t)))
  const candidates = [got.title, got.rowTitle, got.message]
    .filter((t): t is string => !!t)
    .map((t) => placeholdersAsEllipsis(plain(t)))
  return targets.some((t) => candidates.some((c) => textMatches(c, t)))
}

export function score(truth: Truth, imported: Imported): Score {
  // Multiset matching in page order: an imported code takes the first truth
  // entry with that code (or one of its aliases) not taken yet.
  const taken = new Array<ImportedEntry | undefined>(truth.entries.length)
  const byCode = new Map<string, number[]>()
  truth.entries.forEach((entry, i) => {
    for (const code of [entry.code, ...(entry.aliases ?? [])]) {
      const key = code.trim()
      const list = byCode.get(key)
      if (list) list.push(i)
      else byCode.set(key, [i])
    }
  })
  let matched = 0
  for (const got of imported.entries) {
    const candidates = byCode.get(got.code.trim()) ?? []
    const i = candidates.find((c) => taken[c] === undefined)
    if (i === undefined) continue
    taken[i] = got
    matched++
  }
  let withText = 0
  let textRight = 0
  truth.entries.forEach((entry, i) => {
    if (!entry.title && !entry.message) return
    withText++
    const got = taken[i]
    if (got && entryTextRight(entry, got)) textRight++
  })
  const ratio = (a: number, b: number) => (b === 0 ? 0 : round(a / b))
  return {
    entries: truth.entries.length,
    imported: imported.entries.length,
    matched,
    recall: ratio(matched, truth.entries.length),
    precision: ratio(matched, imported.entries.length),
    withText,
    textRight,
    messages: withText === 0 ? null : ratio(textRight, withText),
  }
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

/** The goal every page should reach. */
export const GOAL = { recall: 0.95, precision: 0.98, messages: 0.9 }

export function meetsGoal(s: Pick<Score, 'recall' | 'precision' | 'messages'>): boolean {
  return (
    s.recall >= GOAL.recall &&
    s.precision >= GOAL.precision &&
    (s.messages === null || s.messages >= GOAL.messages)
  )
}
