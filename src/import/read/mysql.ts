// MySQL's message file (share/messages_to_clients.txt), read the way its
// compiler comp_err reads it: `start-error-number N` sets the number of the
// next entry, each `ER_NAME [sqlstate [odbc_state]]` line takes the next
// number (`OBSOLETE_` entries too: their numbers stay taken), and indented
// `lang "text"` lines hold its message in each language. Messages are printf
// templates; they become ICU templates with typed params, in every language.
import type { MessagePart } from '../draft/icu-text.ts'
import { toIcu } from '../draft/icu-text.ts'
import { summarize } from '../draft/titles.ts'
import type {
  Importer,
  ImportNote,
  PageGroup,
  PageImport,
  PageParam,
  PageRow,
} from '../find/page.ts'
import { firstLines, splitLines } from '../find/text.ts'

export const mysqlImporter: Importer = {
  format: 'mysql-messages',
  detect: detectMysql,
  parse: parseMysql,
}

// comp_err's own default: client messages start at 1000.
const DEFAULT_START = 1000
const ENTRY =
  /^((?:OBSOLETE_)?(?:ER|WARN)_[A-Za-z0-9_]+)(?:[ \t,]+([^\s,]+))?(?:[ \t,]+([^\s,]+))?[ \t,]*$/
const MESSAGE = /^[ \t]+([A-Za-z][A-Za-z0-9_-]*)[ \t]+"/

// MySQL's language names (the `languages` directive) as BCP 47 tags.
const LANGUAGE_NAMES: Record<string, string> = {
  bulgarian: 'bg',
  czech: 'cs',
  danish: 'da',
  dutch: 'nl',
  english: 'en',
  estonian: 'et',
  french: 'fr',
  german: 'de',
  greek: 'el',
  hungarian: 'hu',
  italian: 'it',
  japanese: 'ja',
  korean: 'ko',
  'norwegian-ny': 'nn',
  norwegian: 'nb',
  polish: 'pl',
  portuguese: 'pt',
  romanian: 'ro',
  russian: 'ru',
  serbian: 'sr',
  slovak: 'sk',
  spanish: 'es',
  swedish: 'sv',
  ukrainian: 'uk',
}

// Short codes as the message lines use them, for files without a `languages` line.
const LANGUAGE_CODES: Record<string, string> = {
  bgn: 'bg',
  cze: 'cs',
  dan: 'da',
  nla: 'nl',
  eng: 'en',
  est: 'et',
  fre: 'fr',
  ger: 'de',
  greek: 'el',
  gre: 'el',
  hun: 'hu',
  ita: 'it',
  jpn: 'ja',
  kor: 'ko',
  'norwegian-ny': 'nn',
  nor: 'nb',
  pol: 'pl',
  por: 'pt',
  rum: 'ro',
  rus: 'ru',
  serbian: 'sr',
  slo: 'sk',
  spa: 'es',
  swe: 'sv',
  ukr: 'uk',
}

export function detectMysql(text: string): number {
  let entries = 0
  let messages = 0
  let directives = 0
  for (const line of firstLines(text, 600)) {
    if (ENTRY.test(line)) entries++
    else if (MESSAGE.test(line)) messages++
    else if (
      /^(?:start-error-number|default-language|reserved-error-section|languages)\b/.test(line)
    )
      directives++
  }
  if (entries >= 1 && messages >= 1 && (directives >= 1 || entries >= 3)) return 0.95
  return entries >= 1 && messages >= 1 ? 0.5 : 0
}

interface Entry {
  row: PageRow
  /** Messages by MySQL language code, in file order. */
  texts: { language: string; text: string; line: number }[]
}

export function parseMysql(text: string): PageImport {
  const notes: ImportNote[] = []
  const groups: PageGroup[] = []
  const entries: Entry[] = []
  const languages = new Map<string, string>()
  let defaultLanguage = 'eng'
  let next = DEFAULT_START
  let group: { index: number; first: number } | undefined
  let comments: string[] = []

  const openGroup = (first: number, line: number) => {
    // MySQL heads each numbering section with `# Error numbers starting at 3000: …`.
    const banner = comments
      .map((c) => new RegExp(`^Error numbers starting at ${first}\\b:?\\s*(.*)$`, 'i').exec(c)?.[1])
      .find((rest) => rest)
    const title = banner ? banner.replace(/^./, (c) => c.toUpperCase()) : `Errors from ${first}`
    group = { index: groups.push({ title, range: [first, first], line }) - 1, first }
  }
  const skip = (line: number, message: string, raw: string) =>
    notes.push({
      line,
      kind: 'skipped',
      message,
      raw: raw.length > 200 ? `${raw.slice(0, 197)}...` : raw,
    })

  const lines = splitLines(text.replace(/^\uFEFF/, ''))
  for (const [index, raw] of lines.entries()) {
    const line = index + 1
    if (raw.trim() === '') continue
    if (raw.startsWith('#')) {
      const comment = raw.replace(/^#+/, '').trim()
      if (comment && !/^#+$/.test(comment)) comments.push(comment)
      continue
    }
    if (/^[ \t]/.test(raw)) {
      const entry = entries[entries.length - 1]
      const message = parseMessageLine(raw)
      if (!entry) skip(line, 'a message line before any ER_ entry', raw)
      else if ('error' in message) skip(line, message.error, raw)
      else if (entry.texts.some((t) => t.language === message.language)) {
        skip(line, `${entry.row.symbol} already has a ${message.language} message`, raw)
      } else entry.texts.push({ ...message, line })
      continue
    }
    const directive =
      /^(languages|default-language|start-error-number|reserved-error-section)\b[ \t]*(.*)$/.exec(
        raw,
      )
    const entry = ENTRY.exec(raw)
    if (entry) {
      if (!group) openGroup(next, line)
      const [, name, sqlstate, odbc] = entry as unknown as [string, string, string?, string?]
      const row: PageRow = { code: String(next), symbol: name, line, group: group!.index }
      if (name.startsWith('OBSOLETE_')) row.obsolete = true
      const states = [sqlstate && `SQLSTATE \`${sqlstate}\``, odbc && `ODBC state \`${odbc}\``]
      if (sqlstate) row.description = `${states.filter(Boolean).join(', ')}.`
      entries.push({ row, texts: [] })
      groups[group!.index]!.range = [group!.first, next]
      next++
      comments = []
      continue
    }
    if (directive) {
      const [, keyword, rest] = directive as unknown as [string, string, string]
      if (keyword === 'languages') {
        for (const spec of rest.split(';', 1)[0]!.split(',')) {
          const [long, short] = spec.trim().split(/[=\s]+/)
          if (long && short) languages.set(short, long)
        }
      } else if (keyword === 'default-language') {
        defaultLanguage = rest.trim() || defaultLanguage
      } else if (keyword === 'start-error-number') {
        const start = Number(rest.trim())
        if (!/^[0-9]+$/.test(rest.trim())) skip(line, 'start-error-number needs a number', raw)
        else {
          if (start < next) {
            notes.push({
              line,
              kind: 'guessed',
              message: `start-error-number ${start} goes back below ${next}; MySQL refuses that, numbering restarted anyway`,
            })
          }
          next = start
          openGroup(start, line)
        }
      } else {
        const range = /^([0-9]+)[ \t]+([0-9]+)\s*$/.exec(rest)
        if (!range) skip(line, 'reserved-error-section needs two numbers', raw)
        else {
          const [first, last] = [Number(range[1]), Number(range[2])]
          groups.push({ title: `Reserved ${first}–${last}`, range: [first, last], line })
          notes.push({
            line,
            kind: 'skipped',
            message: `numbers ${first}–${last} are reserved (reserved-error-section): kept as an empty group so they stay reserved`,
          })
        }
      }
      comments = []
      continue
    }
    skip(line, 'not understood (expected an ER_ entry, an indented message or a directive)', raw)
  }

  const rows = entries.map((entry) => buildRow(entry, defaultLanguage, languages, notes))
  return {
    format: 'mysql-messages',
    title: 'MySQL server error messages',
    groups,
    rows,
    notes: notes.sort((a, b) => a.line - b.line),
  }
}

function buildRow(
  entry: Entry,
  defaultLanguage: string,
  languages: ReadonlyMap<string, string>,
  notes: ImportNote[],
): PageRow {
  const row = entry.row
  const source = entry.texts.find((t) => t.language === defaultLanguage)
  if (!source) {
    notes.push({
      line: row.line,
      kind: 'guessed',
      message: `${row.symbol} has no ${defaultLanguage} message; its title must be written by hand`,
    })
  }
  const base = source ? printfToIcu(source.text) : undefined
  if (source && base) {
    // The title is plain text: the English message, its values shown as `…`.
    row.title = summarize(source.text.replace(PRINTF, (spec) => (spec === '%%' ? '%' : '…')))
    row.message = base.message
    row.messageFormat = 'icu'
    if (Object.keys(base.params).length > 0) row.params = base.params
  }
  const translations: Record<string, string> = {}
  for (const t of entry.texts) {
    if (t === source) continue
    const locale = languages.has(t.language)
      ? LANGUAGE_NAMES[languages.get(t.language)!]
      : LANGUAGE_CODES[t.language]
    if (!locale) {
      notes.push({
        line: t.line,
        kind: 'skipped',
        message: `unknown language \`${t.language}\``,
        raw: t.text,
      })
      continue
    }
    const converted = printfToIcu(t.text)
    if (base && !sameParams(base.params, converted.params)) {
      notes.push({
        line: t.line,
        kind: 'guessed',
        message: `the ${t.language} message of ${row.symbol} has other placeholders than the ${defaultLanguage} one; kept, check it`,
      })
    }
    translations[locale] = converted.message
  }
  if (Object.keys(translations).length > 0) {
    row.translations = translations
    row.messageFormat = 'icu'
  }
  return row
}

function sameParams(a: Record<string, PageParam>, b: Record<string, PageParam>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => b[k]?.type === a[k]!.type)
}

type MessageLine = { language: string; text: string } | { error: string }

/** `        ger "Kann Datei '%-.200s' nicht erzeugen"` → language and unescaped text. */
function parseMessageLine(raw: string): MessageLine {
  const head = MESSAGE.exec(raw)
  if (!head) return { error: 'a message line must read `language "text"`' }
  let text = ''
  let i = head[0].length
  for (; i < raw.length; i++) {
    const c = raw[i]!
    if (c === '"') break
    if (c !== '\\') {
      text += c
      continue
    }
    const e = raw[++i]
    if (e === 'n') text += '\n'
    else if (e !== undefined && /[0-7]/.test(e)) {
      const octal = /^[0-7]{1,3}/.exec(raw.slice(i))![0]
      text += String.fromCharCode(Number.parseInt(octal, 8))
      i += octal.length - 1
    } else if (e === '\\' || e === '"' || e === "'") text += e
    else return { error: `unknown escape \`\\${e ?? ''}\` in the message` }
  }
  if (i >= raw.length) return { error: 'the message has no closing quote' }
  if (raw.slice(i + 1).trim() !== '')
    return { error: 'text after the closing quote of the message' }
  return { language: head[1]!, text }
}

// printf conversions as MySQL's my_vsnprintf knows them: flags (`-`, `0`:
// no space flag, so `100% sure` stays text), width, precision, length
// modifier, conversion letter.
const PRINTF =
  /%(?:(%)|([-0]*)([0-9]+|\*)?(?:\.([0-9]+|\*))?(hh|h|ll|l|z|j|t|L|q)?([diouxXeEfFgGcspbM]))/g

/**
 * `Can't create file '%-.200s' (errno: %d - %s)` →
 * `Can't create file ''{p1}'' (errno: {p2} - {p3})` with p1 string, p2 integer, p3 string.
 * Params are numbered by position, the way printf passes them.
 */
export function printfToIcu(text: string): { message: string; params: Record<string, PageParam> } {
  const parts: MessagePart[] = []
  const params: Record<string, PageParam> = {}
  let literal = ''
  let last = 0
  let position = 0
  for (const match of text.matchAll(PRINTF)) {
    literal += text.slice(last, match.index)
    last = match.index + match[0].length
    if (match[1]) {
      literal += '%'
      continue
    }
    const [, , , width, precision, , conversion] = match as unknown as (string | undefined)[]
    position++
    if (literal) parts.push(literal)
    literal = ''
    const name = `p${position}`
    parts.push({ param: name })
    params[name] = {
      type: paramType(conversion!),
      description: describeSpec(match[0], width, precision),
    }
  }
  literal += text.slice(last)
  if (literal) parts.push(literal)
  return { message: toIcu(parts), params }
}

function paramType(conversion: string): PageParam['type'] {
  if ('diouxX'.includes(conversion)) return 'integer'
  if ('eEfFgG'.includes(conversion)) return 'number'
  return 'string'
}

function describeSpec(spec: string, width?: string, precision?: string): string {
  const limit =
    precision && precision !== '*' && spec.endsWith('s')
      ? `, at most ${precision} characters`
      : width && width !== '*'
        ? `, padded to ${width}`
        : ''
  return `printf \`${spec}\`${limit}`
}
