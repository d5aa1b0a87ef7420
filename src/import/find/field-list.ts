// An entry written as a code line and a list of its fields:
//
//   **E_HEADER_EMPTY**
//
//   - **Severity**: Catastrophic
//   - **Message**: `Header row contains no columns`
//   - **Description**: Header exists but contains no valid column names
//
// The fields are named as a data file's (record-fields.ts): `Message` is the
// message, `Description` the description, `Solution` the troubleshooting;
// fields of other names (`Severity`, `Example`) go into the description
// under their names. A list is read so only when every item is a field and
// one of them names the message, the description or the title: a list of
// prose after a bold word is no entry.
import { codeKind, numericValue } from './code-token.ts'
import type { PageRow } from './page.ts'
import { fieldRole } from './record-fields.ts'
import { normalizeSpace } from './text.ts'

export interface Field {
  name: string
  /** The text after the colon, plain. */
  value: string
  /** Blocks nested under the item (a list of details), Markdown. */
  more?: string
}

/** `Name: value` (a name of one to four words before the first colon), or undefined. */
export function parseField(text: string): Omit<Field, 'more'> | undefined {
  const colon = text.indexOf(':')
  if (colon <= 0 || colon > 40) return undefined
  const name = normalizeSpace(text.slice(0, colon))
  const after = text.slice(colon + 1)
  if (name === '' || name.split(' ').length > 4 || /[\n`[\]()]/.test(name)) return undefined
  // `12:30`, `http://…`: a colon inside a word is no field separator.
  if (after !== '' && !/^\s/.test(after)) return undefined
  return { name, value: normalizeSpace(after) }
}

/** A value written as one code span (`` `Row {n} is empty` ``) is that text. */
function unquote(value: string): string {
  return /^`[^`]+`$/.test(value) ? value.slice(1, -1) : value
}

type Parts = Pick<
  PageRow,
  'symbol' | 'status' | 'title' | 'message' | 'description' | 'troubleshooting'
>

/** The parts of an entry its fields give, or undefined when the fields do not describe an error. */
export function fieldListEntry(fields: readonly Field[]): Parts | undefined {
  if (fields.length < 2) return undefined
  const roles = fields.map((f) => fieldRole(f.name))
  if (!roles.some((r) => r === 'message' || r === 'description' || r === 'title')) return undefined
  const text = (f: Field) => [unquote(f.value), f.more].filter((t) => t).join('\n\n')
  const first = (role: string) => fields.find((_, i) => roles[i] === role)
  const parts: Parts = {}
  const message = first('message') ?? (first('title') ? undefined : first('description'))
  const title = first('title')
  const symbol = first('symbol')
  const status = first('status')
  if (message) parts.message = unquote(message.value) || normalizeSpace(message.more ?? '')
  if (title) parts.title = unquote(title.value)
  if (symbol && codeKind(unquote(symbol.value)) === 'identifier')
    parts.symbol = unquote(symbol.value)
  const code = status ? numericValue(unquote(status.value)) : undefined
  if (code !== undefined && code >= 100 && code <= 599) parts.status = code
  const used = new Set([message, title, status, parts.symbol ? symbol : undefined])
  const rest = fields.flatMap((f, i) => (used.has(f) || !text(f) ? [] : [{ f, role: roles[i] }]))
  const fixes = rest.filter((r) => r.role === 'troubleshooting').map((r) => text(r.f))
  const described = [
    ...rest.filter((r) => r.role === 'description').map((r) => text(r.f)),
    ...rest
      .filter((r) => r.role !== 'description' && r.role !== 'troubleshooting')
      .map((r) => `**${r.f.name}:** ${text(r.f)}`),
  ]
  if (described.length) parts.description = described.join('\n\n')
  if (fixes.length) parts.troubleshooting = fixes.join('\n\n')
  return parts.message || parts.title || parts.description ? parts : undefined
}
