// Which column of a table holds what, from its header and its contents. Pages
// name columns freely ("VALUE", "Error Code", "S3 Code", "Meaning",
// "错误码ID") and sometimes mislabel them (Qencode's "ERROR CODE" holds the
// symbols, "VALUE" the numbers), so the contents have the last word.
import { codeKind, numericValue } from './code-token.ts'
import { normalizeSpace } from './text.ts'

export interface ColumnPlan {
  code: number
  /** All codes are string keys (some are not numbers, or numbers with leading zeros). */
  codeType: 'number' | 'key'
  symbol?: number
  status?: number
  title?: number
  message?: number
  description?: number
  troubleshooting?: number
}

type Hint =
  | 'code'
  | 'symbol'
  | 'status'
  | 'title'
  | 'message'
  | 'description'
  | 'troubleshooting'
  | 'ignore'

// Order matters: the first pattern that matches a header wins.
const HEADER_HINTS: [RegExp, Hint][] = [
  [
    /recommended|\bfix\b|solution|resolution|remedy|troubleshoot|workaround|what to do|how to|解决|处理/,
    'troubleshooting',
  ],
  [/\bhttp\b|status code|^status$|http status|^(?:http\s*)?状态$|http\s*状态码/, 'status'],
  [
    /client action|sent by|binary|method|generated|direction|since|version|deprecated|category|type$/,
    'ignore',
  ],
  [/condition name|\bname\b|symbol|constant|identifier|enum|名称/, 'symbol'],
  [/\btitle\b|标题/, 'title'],
  [
    /explanation|human description|details?\b|notes?\b|remarks?|comments?|cause|描述|备注/,
    'description',
  ],
  [/message|\bmsg\b|meaning|reason|summary|\btext\b|api description|含义|信息|说明/, 'message'],
  [/description/, 'description'],
  [
    /code|^id$|\bid\b|value|number|^no\.?$|^#$|errno|sqlstate|^error$|错误码|状态码|代码|编号/,
    'code',
  ],
]

function headerHint(header: string): Hint | undefined {
  const h = normalizeSpace(header.toLowerCase())
  if (h === '') return undefined
  for (const [pattern, hint] of HEADER_HINTS) if (pattern.test(h)) return hint
  return undefined
}

interface Stats {
  filled: number
  /** Cells whose whole text is one code token (number, hex or identifier). */
  codes: number
  numbers: number
  /** Numbers written with a leading zero (`00000`): SQLSTATE-like keys. */
  padded: number
  /** Cells that start with a number followed by more (`200 (OK)`). */
  leadingNumbers: number
  statuses: number
  /** Cells that are one identifier (`NoSuchKey`, `Unauthorized`). */
  identifiers: number
  /** Identifiers that can be string codes: not a lone capitalised word. */
  keys: number
  /** Cells that are one constant name (`WU_E_AU_NOSERVICE`, in a code span or not). */
  constants: number
  prose: number
}

function columnStats(rows: string[][], column: number): Stats {
  const s: Stats = {
    filled: 0,
    codes: 0,
    numbers: 0,
    padded: 0,
    leadingNumbers: 0,
    statuses: 0,
    identifiers: 0,
    keys: 0,
    constants: 0,
    prose: 0,
  }
  for (const row of rows) {
    // A code span around the whole cell (`` `E_FAIL` ``) is no part of the token.
    const trimmed = (row[column] ?? '').trim()
    const cell = trimmed[0] === '`' ? trimmed.replace(/^`([^`]{1,200})`$/, '$1') : trimmed
    if (cell === '') continue
    s.filled++
    const kind = codeKind(cell)
    // Hexadecimal written without `0x` (`8007000e`, HRESULTs) counts as a number.
    if (kind === 'number' || kind === 'hex' || /^[0-9A-Fa-f]{8}$/.test(cell)) {
      s.codes++
      s.numbers++
      // Leading zeros, or hexadecimal without `0x`: codes to keep as written.
      if (/^-?0\d/.test(cell) || (kind === 'identifier' && /[A-Fa-f]/.test(cell))) s.padded++
      const n = numericValue(cell)
      if (n !== undefined && n >= 100 && n <= 599) s.statuses++
    } else if (kind === 'identifier') {
      s.identifiers++
      // `Prev`, `Home`: a capitalised word can name an error, but is no code.
      if (!/^[A-Z][a-z]+$/.test(cell)) {
        s.codes++
        s.keys++
      }
      if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(cell)) s.constants++
    } else if (/^-?\d{1,15}\s+\(/.test(cell)) s.leadingNumbers++
    if (/\s/.test(cell)) s.prose++
  }
  return s
}

const share = (part: number, s: Stats) => (s.filled === 0 ? 0 : part / s.filled)

/**
 * Decides the role of each column. Returns undefined when no column can hold
 * the codes: such a table is not an error table (a list of fields, a
 * navigation bar).
 */
export function planColumns(headers: string[], rows: string[][]): ColumnPlan | undefined {
  // A loop, not Math.max(...rows): a spread of 300,000 rows overflows the stack.
  let width = headers.length
  for (const r of rows) if (r.length > width) width = r.length
  const hints = Array.from({ length: width }, (_, i) => headerHint(headers[i] ?? ''))
  const stats = Array.from({ length: width }, (_, i) => columnStats(rows, i))
  const taken = new Set<number>()
  const cols = [...Array(width).keys()].filter((i) => stats[i]!.filled > 0)

  const numeric = (i: number) =>
    share(stats[i]!.numbers + stats[i]!.leadingNumbers, stats[i]!) >= 0.8
  const codeLike = (i: number) =>
    share(stats[i]!.codes + stats[i]!.leadingNumbers, stats[i]!) >= 0.8
  const identifiers = (i: number) => share(stats[i]!.identifiers, stats[i]!) >= 0.8
  const keys = (i: number) => share(stats[i]!.keys, stats[i]!) >= 0.8

  // Codes: a code-headed column of numbers, else of identifiers. Without a
  // header row, the first column of numbers or identifiers. A table of
  // statuses alone ("Status | Meaning") uses its status column. A table
  // whose headers name no code column ("Field | Description") is not an
  // error table, even when its first column holds identifiers.
  const headerless = headers.every((h) => h.trim() === '')
  // A code-headed column of constant names (`Error Id` holding `E_FAIL`)
  // names the errors when another column holds their numbers.
  const constantsOnly = (i: number) => share(stats[i]!.constants, stats[i]!) >= 0.8
  const code =
    cols.find((i) => hints[i] === 'code' && numeric(i)) ??
    (cols.some((i) => hints[i] === 'code' && constantsOnly(i))
      ? cols.find((i) => hints[i] === undefined && numeric(i))
      : undefined) ??
    cols.find((i) => hints[i] === 'code' && codeLike(i)) ??
    (headerless ? cols.find((i) => numeric(i) || keys(i)) : undefined) ??
    cols.find(
      (i) =>
        hints[i] === 'status' && numeric(i) && !cols.some((j) => j !== i && hints[j] === 'code'),
    ) ??
    // No header names a code column, but the first column holds nothing but
    // numbers and no header names one (Slate's "reason | Meaning"): the codes.
    (cols[0] === 0 &&
    share(stats[0]!.numbers, stats[0]!) === 1 &&
    stats[0]!.filled >= 2 &&
    !cols.some((j) => hints[j] === 'code')
      ? 0
      : undefined)
  if (code === undefined) return undefined
  taken.add(code)
  const codeStats = stats[code]!
  const plan: ColumnPlan = {
    code,
    codeType: codeStats.keys > 0 || codeStats.padded > 0 ? 'key' : 'number',
  }

  const pick = (test: (i: number) => boolean): number | undefined => {
    const found = cols.find((i) => !taken.has(i) && test(i))
    if (found !== undefined) taken.add(found)
    return found
  }

  plan.status = pick((i) => hints[i] === 'status' && share(stats[i]!.statuses, stats[i]!) >= 0.8)
  // A second code-like column of identifiers (Qencode's "ERROR CODE",
  // Cloudflare's "S3 Code", PostgreSQL's "Condition Name") names the error.
  // So does a column of constant names under any text header (Windows
  // Update's "Message" column holds `WU_E_AU_NOSERVICE`).
  plan.symbol = pick(
    (i) =>
      ((hints[i] === 'symbol' || hints[i] === 'code' || hints[i] === undefined) &&
        identifiers(i)) ||
      ((hints[i] === 'message' || hints[i] === 'title' || hints[i] === 'description') &&
        share(stats[i]!.constants, stats[i]!) >= 0.8),
  )
  plan.title = pick(
    (i) => hints[i] === 'title' || (hints[i] === 'symbol' && share(stats[i]!.prose, stats[i]!) > 0),
  )
  plan.troubleshooting = pick((i) => hints[i] === 'troubleshooting')
  plan.message = pick((i) => hints[i] === 'message')
  const text = (i: number) => hints[i] !== 'ignore' && hints[i] !== 'status' && hints[i] !== 'code'
  if (plan.message === undefined) plan.message = pick((i) => text(i))
  // A column headed as a description first; a column of numbers is none.
  plan.description =
    pick((i) => text(i) && hints[i] === 'description') ??
    pick((i) => text(i) && hints[i] === undefined && !numeric(i))
  for (const key of Object.keys(plan) as (keyof ColumnPlan)[]) {
    if (plan[key] === undefined) delete plan[key]
  }
  return plan
}
