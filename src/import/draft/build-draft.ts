// Pages → a catalog draft: one CatalogFile with groups, errors and the
// `imported` section, plus the report of everything skipped or guessed. Every
// importer ends here, so symbols, titles, statuses and ICU escaping are
// decided once, the same way for every format.

import type { CatalogFile, ErrorEntry, Group, Param } from '../../catalog/schema.ts'
import { trimRuns } from '../../text/trim.ts'
import { anchorCandidates, resolveAnchorLabel } from '../find/anchor-label.ts'
import { numericValue } from '../find/code-token.ts'
import type { PageImport, PageRow } from '../find/page.ts'
import { normalizeSpace } from '../find/text.ts'
import { escapeIcu, splitBracePlaceholders, toIcu } from './icu-text.ts'
import { codesAreStatuses, guessStatus, looksLikeSuccess } from './status-guess.ts'
import { assignSymbols, symbolFromText, toUpperSnake } from './symbols.ts'
import { humanize, summarize } from './titles.ts'

export const SCHEMA_REFERENCE = './node_modules/errcat/schema/errcat.schema.json'

export interface PageSource {
  /** The input file as the user named it. */
  file: string
  page: PageImport
}

export interface ReportEntry {
  file: string
  line: number
  kind: 'skipped' | 'guessed'
  message: string
}

export interface Draft {
  catalog: CatalogFile
  /** Skipped and guessed items, in file and line order. */
  report: ReportEntry[]
  /** Symbols whose status is a guess (write-draft marks them). */
  guessedStatus: Map<string, string>
  /** Input files and their detected formats, in order. */
  inputs: { file: string; format: string; errors: number }[]
}

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/
const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/

interface Pending {
  file: string
  row: PageRow
  groupId?: string
  code?: number
  key?: string
  display: string
  guesses: string[]
}

// Words every group title of an error page has: `users`, not `user-errors`.
const GENERIC = /\b(?:errors?|error codes?|codes?|status codes?)\b/gi

function slug(text: string): string {
  const base = text.replace(/\([^()]*\)/g, ' ')
  const specific = base.replace(GENERIC, ' ')
  return slugify(/[A-Za-z0-9]/.test(specific) ? specific : base)
}

function slugify(text: string): string {
  const dashed = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
  return trimRuns(trimRuns(dashed, '-').slice(0, 40), '-')
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`
  used.add(id)
  return id
}

function message(
  row: PageRow,
  params: Record<string, Param>,
  guesses: string[],
): string | undefined {
  if (row.message === undefined || row.message.trim() === '') return undefined
  if (row.messageFormat === 'icu') return row.message
  const text = normalizeSpace(row.message)
  const { parts, params: names } = splitBracePlaceholders(text)
  if (names.length === 0) return escapeIcu(text)
  for (const name of names) params[name] = { type: 'string' }
  guesses.push(`params ${names.join(', ')} (type string) from the {placeholders} in the message`)
  return toIcu(parts)
}

export function buildDraft(sources: readonly PageSource[]): Draft {
  const report: ReportEntry[] = []
  const groups: Record<string, Group> = {}
  const usedGroupIds = new Set<string>()
  const pending: Pending[] = []
  const skipped: NonNullable<NonNullable<CatalogFile['imported']>['skipped']> = []
  const inputs: Draft['inputs'] = []

  for (const { file, page } of sources) {
    const groupIds = page.groups.map((g) => {
      const id = uniqueId(
        slug(g.title) || (g.range ? `${g.range[0]}-${g.range[1]}` : (g.prefix ?? 'group')),
        usedGroupIds,
      )
      groups[id] = {
        title: g.title,
        ...(g.description ? { description: g.description } : {}),
        ...(g.range ? { range: g.range } : {}),
        ...(g.prefix ? { prefix: g.prefix } : {}),
      }
      return id
    })
    for (const note of page.notes) {
      report.push({ file, line: note.line, kind: note.kind, message: note.message })
      if (note.kind === 'skipped') {
        skipped.push({
          line: note.line,
          reason: note.emptyRow ? 'empty-row' : 'unparsed',
          ...(note.raw !== undefined ? { raw: note.raw } : {}),
        })
      }
    }
    let previous: number | undefined
    let count = 0
    for (const [i, row] of page.rows.entries()) {
      const guesses: string[] = []
      const groupId = row.group === undefined ? undefined : groupIds[row.group]
      const asKey =
        row.codeType === 'key' ||
        (row.codeType !== 'number' && numericValue(row.code) === undefined)
      const entry: Pending = {
        file,
        row,
        display: row.code,
        guesses,
        ...(groupId ? { groupId } : {}),
      }
      if (asKey) {
        if (!KEY_PATTERN.test(row.code)) {
          report.push({
            file,
            line: row.line,
            kind: 'skipped',
            message: `"${row.code}" cannot be a code: use letters, digits, _ . : -`,
          })
          skipped.push({ line: row.line, reason: 'unparsed', raw: row.code })
          continue
        }
        entry.key = row.code
      } else {
        let code = numericValue(row.code)!
        const anchor = row.anchor === undefined ? undefined : numericValue(row.anchor)
        const label = row.label === undefined ? undefined : numericValue(row.label)
        if (anchor !== undefined && label !== undefined && anchor !== label) {
          const next = page.rows.slice(i + 1, i + 2).flatMap(anchorCandidates)
          const chosen = resolveAnchorLabel(previous, next, anchor, label)
          code = chosen.code
          guesses.push(
            `code ${code}: anchor ${row.anchor} and label ${row.label} differ; ${chosen.why}`,
          )
        }
        entry.code = code
        entry.display = String(code)
        previous = code
      }
      pending.push(entry)
      count++
    }
    inputs.push({ file, format: page.format, errors: count })
  }

  // Groups whose codes are HTTP statuses (seed 001's top-level codes): every
  // code a registered status, and the wording agrees (`401: invalid API key`),
  // so that Tencent's 401/402/500 with unrelated meanings stay out.
  const statusGroups = new Set<string>()
  const byGroup = new Map<string, Pending[]>()
  for (const p of pending) {
    if (p.code === undefined) continue
    const k = `${p.file}\u0000${p.groupId ?? ''}`
    const members = byGroup.get(k)
    if (members) members.push(p)
    else byGroup.set(k, [p])
  }
  for (const [k, members] of byGroup) {
    if (!codesAreStatuses(members.map((p) => p.code!))) continue
    const worded = members
      .map((p) => ({ p, guess: guessStatus(`${p.row.title ?? ''} ${p.row.message ?? ''}`) }))
      .filter(({ guess }) => guess.because !== undefined)
    const agree = worded.filter(({ p, guess }) => guess.status === p.code).length
    if (agree >= 2 && agree * 2 >= worded.length) statusGroups.add(k)
  }

  const symbols = assignSymbols(
    pending.map((p) => {
      const given = p.row.symbol ?? (p.key && /^[A-Za-z]/.test(p.key) ? p.key : undefined)
      const givenSymbol = given === undefined ? undefined : toUpperSnake(given)
      const derived = givenSymbol ? undefined : symbolFromText(p.row.title ?? p.row.message ?? '')
      if (!givenSymbol && derived) p.guesses.push('symbol derived from the message')
      return {
        ...(givenSymbol ? { given: givenSymbol } : {}),
        ...(derived ? { derived } : {}),
        code: p.display,
      }
    }),
  )

  const errors: Record<string, ErrorEntry> = {}
  const groupLookup = lookupGroups(groups)
  const guessedStatus = new Map<string, string>()
  const multiple = sources.length > 1
  for (const [i, p] of pending.entries()) {
    const symbol = symbols[i]!
    const { row, guesses } = p
    const params: Record<string, Param> = { ...(row.params ?? {}) }
    const text = message(row, params, guesses)
    // A string code made of words (`rate_limit_day`) is the best short title;
    // else the message's first sentence.
    const wordyKey =
      p.key !== undefined && /^[a-z]+(?:_[a-z0-9]+)*$/.test(p.key) ? humanize(p.key) : undefined
    const title =
      row.title?.trim() || wordyKey || (row.message ? summarize(row.message) : humanize(symbol))
    const words = `${row.symbol ?? p.key ?? ''} ${row.title ?? ''} ${row.message ?? ''}`
    const success =
      row.success ?? looksLikeSuccess(`${row.title ?? ''} ${row.message ?? ''}`.trim(), symbol)
    let status = row.status
    if (status === undefined) {
      let why: string
      if (success) {
        status = 200
        why = 'status 200: a success code'
      } else if (
        p.code !== undefined &&
        p.code >= 100 &&
        p.code <= 599 &&
        statusGroups.has(`${p.file}\u0000${p.groupId ?? ''}`)
      ) {
        status = p.code
        why = `status ${status}: the codes of this ${p.groupId ? 'group' : 'page'} are HTTP statuses`
      } else {
        const guess = guessStatus(words)
        status = guess.status
        why = guess.because
          ? `status ${status} from "${guess.because}"`
          : `status ${status}: no wording to go by`
      }
      guesses.unshift(why)
      guessedStatus.set(symbol, why)
    }
    if (success && row.success === undefined) guesses.push('marked as a success code')
    const obsolete = row.obsolete ?? /^obsolete\b/i.test(row.title ?? row.symbol ?? '')
    if (obsolete && row.obsolete === undefined) guesses.push('marked obsolete (its title says so)')
    const translations = Object.entries(row.translations ?? {}).filter(([locale]) =>
      LOCALE_PATTERN.test(locale),
    )
    const description = row.description?.trim()
    // Assigned field by field, in the order the draft lists them: a spread per
    // optional field made a throwaway object for each, per error.
    const error = {} as ErrorEntry
    if (p.code !== undefined) error.code = p.code
    if (p.key !== undefined) error.key = p.key
    if (p.groupId && needsExplicitGroup(p, groupLookup)) error.group = p.groupId
    error.status = status
    error.title = title
    if (text !== undefined) error.message = text
    if (Object.keys(params).length) error.params = params
    if (description && normalizeSpace(description) !== normalizeSpace(row.message ?? ''))
      error.description = description
    const troubleshooting = row.troubleshooting?.trim()
    if (troubleshooting) error.troubleshooting = troubleshooting
    if (success) error.success = true
    if (obsolete) error.obsolete = true
    if (translations.length) {
      error.messages = Object.fromEntries(
        translations.map(([locale, t]) => [
          locale,
          row.messageFormat === 'icu' ? t : escapeIcu(normalizeSpace(t)),
        ]),
      )
    }
    const source: ErrorEntry['source'] = {}
    if (multiple) source.file = p.file
    source.line = row.line
    if (row.anchor !== undefined) source.anchor = row.anchor
    if (row.label !== undefined) source.label = row.label
    error.source = source
    errors[symbol] = error
    if (guesses.length > 0) {
      report.push({
        file: p.file,
        line: row.line,
        kind: 'guessed',
        message: `${p.display} ${symbol}: ${guesses.join('; ')}`,
      })
    }
  }

  const catalog: CatalogFile = {
    $schema: SCHEMA_REFERENCE,
    errcat: 1,
    ...(Object.keys(groups).length ? { groups: pruneGroups(groups, pending) } : {}),
    errors,
    imported: {
      from: sources.map((s) => s.file).join(', '),
      ...(skipped.length ? { skipped } : {}),
    },
  }
  const order = new Map(sources.map((s, i) => [s.file, i]))
  report.sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line)
  return { catalog, report, guessedStatus, inputs }
}

interface GroupLookup {
  ranged: [string, Group][]
  /** Groups with a prefix, the longest first (page order among equals). */
  prefixed: [string, Group][]
}

function lookupGroups(groups: Record<string, Group>): GroupLookup {
  const entries = Object.entries(groups)
  return {
    ranged: entries.filter(([, g]) => g.range),
    prefixed: entries
      .filter(([, g]) => g.prefix)
      .sort(([, a], [, b]) => b.prefix!.length - a.prefix!.length),
  }
}

/** Whether the loader would not find the error's group from its code or key alone. */
function needsExplicitGroup(p: Pending, groups: GroupLookup): boolean {
  if (p.code !== undefined) {
    const byRange = groups.ranged.find(([, g]) => p.code! >= g.range![0] && p.code! <= g.range![1])
    return byRange?.[0] !== p.groupId
  }
  if (p.key !== undefined) {
    const byPrefix = groups.prefixed.find(([, g]) => p.key!.startsWith(g.prefix!))
    return byPrefix?.[0] !== p.groupId
  }
  return true
}

/** Groups that no imported error landed in are left out. */
function pruneGroups(
  groups: Record<string, Group>,
  pending: readonly Pending[],
): Record<string, Group> {
  const used = new Set(pending.map((p) => p.groupId))
  return Object.fromEntries(Object.entries(groups).filter(([id]) => used.has(id)))
}
