// troff man pages: the errno list of an mdoc page (`.It Er 1 EPERM Em "…"`,
// `.It Bq Er EACCES` in ERRORS) and the `.TP` / `.B EACCES` tags of a man(7)
// page's ERRORS section. Each tag's following text lines (macros turned into
// their words) are the entry's message. Items of other lists (options,
// flags) are not errors: an mdoc item must carry `Er`, a man(7) tag must sit
// in an ERRORS section or read as an errno name.

import type { Importer, PageGroup, PageImport } from '../find/page.ts'
import { PageBuilder } from '../find/page-builder.ts'
import { normalizeSpace, splitLines } from '../find/text.ts'

export const manImporter: Importer = { format: 'man', detect: detectMan, parse: parseMan }

const SECTION = /^\.(?:Sh|SH|Ss|SS)(?:\s+(.*))?$/
const ERRNO = /^E[A-Z0-9]{2,}$/
// Words a man page uses for its list of errors.
const ERROR_SECTION = /\b(?:ERRORS?|ERROR CODES|DIAGNOSTICS|RETURN VALUES?|EXIT STATUS)\b/i

export function detectMan(text: string): number {
  let macros = 0
  let sections = 0
  let lines = 0
  for (const line of splitLines(text.slice(0, 20_000))) {
    if (line.trim() === '') continue
    lines++
    if (/^\.(?:TH|Dd|Dt)\b/.test(line)) macros += 3
    else if (SECTION.test(line)) sections++
    else if (/^\.(?:\\"|[A-Za-z]{1,3}(?:\s|$))/.test(line)) macros++
    if (lines >= 400) break
  }
  if (sections >= 1 && macros >= 3) return 0.9
  if (macros >= 5 && macros * 4 >= lines) return 0.6
  return 0
}

interface Item {
  code: string
  symbol?: string
  message?: string
  line: number
  body: string[]
  group?: PageGroup
}

export function parseMan(text: string): PageImport {
  const lines = splitLines(text)
  const builder = new PageBuilder('man')
  let section: PageGroup | undefined
  let item: Item | undefined
  // man(7): `.TP` announces that the next line is a tag.
  let tagNext = false
  const items: Item[] = []
  const finish = () => {
    if (item) items.push(item)
    item = undefined
  }
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!
    if (/^\.\\"|^'\\"|^\.\s*$/.test(raw)) continue
    const line = raw.replace(/\s\\".*$/, '')
    const heading = SECTION.exec(line)
    if (heading) {
      finish()
      tagNext = false
      const title = normalizeSpace(inlineText(heading[1] ?? ''))
      if (/^\.S[hH]/.test(line)) section = { title, line: i + 1 }
      else if (section) section = { title: `${section.title}: ${title}`, line: i + 1 }
      if (!builder.page.title && /^NAME$/i.test(title)) builder.page.title = undefined
      continue
    }
    if (/^\.(?:El|Bl|RE|RS|SH|TH|Dd|Dt|Os)\b/.test(line)) {
      finish()
      tagNext = false
      continue
    }
    if (/^\.It\b/.test(line)) {
      finish()
      item = mdocItem(line.slice(3), i + 1, section)
      continue
    }
    if (/^\.(?:TP|IP|HP)\b/.test(line)) {
      finish()
      const inline = /^\.IP\s+(.+)$/.exec(line)
      if (inline) item = manTag(inline[1]!, i + 1, section)
      else tagNext = /^\.TP/.test(line)
      continue
    }
    if (tagNext) {
      tagNext = false
      item = manTag(line, i + 1, section)
      continue
    }
    if (/^\.(?:PP|LP|P|Pp|sp|br)\b/.test(line)) {
      if (item) item.body.push('\n')
      else if (/^\.(?:PP|LP|P)\b/.test(line)) finish()
      continue
    }
    if (item) item.body.push(line.startsWith('.') ? macroText(line) : inlineText(line))
  }
  finish()
  for (const it of items) {
    const body = it.body
      .join(' ')
      .split('\n')
      .map((p) => normalizeSpace(p))
      .filter(Boolean)
    if (it.group) builder.enterSection(it.group)
    else builder.leaveSection()
    const message = it.message ?? body[0]
    const description = it.message ? body.join('\n\n') : body.slice(1).join('\n\n')
    builder.addRow({
      code: it.code,
      line: it.line,
      ...(it.symbol ? { symbol: it.symbol } : {}),
      ...(message ? { message } : {}),
      ...(description ? { description } : {}),
    })
  }
  if (builder.page.rows.length === 0) {
    builder.skip(1, 'no `.It Er` items and no tags in an ERRORS section; nothing imported')
  }
  return builder.page
}

/** An mdoc `.It` line: an error only when it carries `Er`. */
function mdocItem(args: string, line: number, group: PageGroup | undefined): Item | undefined {
  const tokens = troffArgs(args)
  const er = tokens.findIndex((t) => !t.quoted && t.text === 'Er')
  if (er === -1) return undefined
  const rest = tokens.slice(er + 1)
  let code: string | undefined
  let symbol: string | undefined
  let k = 0
  for (; k < rest.length && k < 2; k++) {
    const t = rest[k]!.text
    if (/^-?\d{1,15}$/.test(t) && code === undefined) code = t
    else if (/^[A-Z][A-Z0-9_]{1,63}$/.test(t)) symbol = t
    else break
  }
  if (code === undefined) {
    if (!symbol) return undefined
    code = symbol
    symbol = undefined
  }
  const message = words(rest.slice(k)).replace(/^[\s.]+|[\s.]+$/g, '')
  return {
    code,
    line,
    body: [],
    ...(symbol ? { symbol } : {}),
    ...(message && /\w/.test(message) ? { message } : {}),
    ...(group ? { group } : {}),
  }
}

/** A man(7) tag line (`.B EACCES`, `\fBEACCES\fP`): an error when it names one. */
function manTag(tagLine: string, line: number, group: PageGroup | undefined): Item | undefined {
  const text = normalizeSpace(tagLine.startsWith('.') ? macroText(tagLine) : inlineText(tagLine))
  const m = /^([A-Za-z_][A-Za-z0-9_]{1,63})\b(?:\s*(?:\((-?\d{1,15})\)|(-?\d{1,15})))?/.exec(text)
  if (!m) return undefined
  const name = m[1]!
  const inErrors = group !== undefined && ERROR_SECTION.test(group.title)
  if (!ERRNO.test(name) && !(inErrors && /^[A-Z][A-Z0-9_]+$/.test(name))) return undefined
  const number = m[2] ?? m[3]
  return {
    code: number ?? name,
    line,
    body: [],
    ...(number ? { symbol: name } : {}),
    ...(group ? { group } : {}),
  }
}

// Macros whose arguments are read as words (mdoc's callable macros).
const CALLABLE = new Set(
  'Ad An Ar Cd Cm Dv Er Ev Fa Fl Fn Fo Fc Ic Li Nm Pa Sx Sy Tn Va Vt Xr Em Ql Qq Dq Sq Pq Bq Brq Aq Op Ox Nx Fx Bx Bsx Ux At St Ns No Xo Xc Pf Lk Mt Ms Ta Eo Ec Do Dc Qo Qc So Sc Po Pc Bo Bc Oo Oc Ao Ac'.split(
    ' ',
  ),
)
const OPENING = new Set(['(', '['])
const CLOSING = new Set(['.', ',', ';', ':', ')', ']', '?', '!'])

/** A macro line as the words it shows: `.Dv ( NCARGS` → `(NCARGS`, `.Xr wait 2` → `wait(2)`. */
export function macroText(line: string): string {
  const tokens = troffArgs(line.replace(/^\.\s*\S+\s*/, ''))
  const first = /^\.\s*(\S+)/.exec(line)?.[1] ?? ''
  const plain = tokens.map((t) => t.text)
  // man(7) alternating fonts join their arguments; `.B`, `.I` keep the spaces.
  if (/^(?:BR|BI|IB|IR|RI|RB)$/.test(first)) return plain.join('')
  if (/^(?:B|I|R|SM|SB)$/.test(first)) return plain.join(' ')
  if (first === 'Xr' && plain.length >= 2)
    return `${plain[0]}(${plain[1]})${plain.slice(2).join('')}`
  const fn = first === 'Fn' && tokens[0] ? `${tokens.shift()!.text}()` : ''
  return fn + words(tokens, fn === '')
}

function words(tokens: readonly Token[], start = true): string {
  let out = ''
  let glue = start
  for (const { text: t, quoted } of tokens) {
    if (!quoted && CALLABLE.has(t)) continue
    if (CLOSING.has(t)) {
      out += t
      glue = false
    } else if (OPENING.has(t)) {
      out += `${glue ? '' : ' '}${t}`
      glue = true
    } else {
      out += `${glue ? '' : ' '}${t}`
      glue = false
    }
  }
  return out
}

/** Arguments of a macro line: words, `"quoted strings"`, escapes resolved. */
interface Token {
  text: string
  quoted: boolean
}

function troffArgs(args: string): Token[] {
  const tokens: Token[] = []
  const re = /"((?:[^"]|"")*)"|(\S+)/g
  for (let m = re.exec(args); m; m = re.exec(args)) {
    const quoted = m[1] !== undefined
    const text = inlineText(quoted ? m[1]!.replace(/""/g, '"') : m[2]!)
    if (text !== '') tokens.push({ text, quoted })
  }
  return tokens
}

const NAMED: Record<string, string> = {
  em: '—',
  en: '–',
  lq: '“',
  rq: '”',
  aq: "'",
  dq: '"',
  bu: '•',
}

/** troff escapes in running text: fonts dropped, `\-` `\e` `\(em` `\&` resolved. */
export function inlineText(text: string): string {
  return text
    .replace(/\\f(?:\[[^\]]*\]|\(..|.)/g, '')
    .replace(/\\\((..)/g, (_, n: string) => NAMED[n] ?? '')
    .replace(/\\\[([a-z]{2})\]/g, (_, n: string) => NAMED[n] ?? '')
    .replace(/\\[&|^%:]/g, '')
    .replace(/\\-/g, '-')
    .replace(/\\e/g, '\\')
    .replace(/\\ /g, ' ')
}
