// Error definitions kept as data (YAML, TOML): a tree of maps, lists and
// scalars with the line of each key, read as entries whatever the file's
// layout: a name → code map (`checksum: 26`), a code → message map, records
// keyed by name or code (`assert: { code: 25, fatal: true }`,
// `["BR:Backup:ErrX"] error = '…'`), lists of records, and maps of those as
// groups (`auth: { invalid_token: 1001 }`). Fields are recognised by name as
// in any data file (record-fields.ts); comment lines right above an entry (or
// after it on its line) are its message when no field gives one.
import { codeKind, isProseCode } from '../find/code-token.ts'
import type { PageGroup, PageImport, PageRow } from '../find/page.ts'
import { PageBuilder } from '../find/page-builder.ts'
import { type FieldRole, fieldRole } from '../find/record-fields.ts'
import { normalizeSpace } from '../find/text.ts'

export type DataNode =
  | { kind: 'map'; line: number; entries: { key: string; line: number; value: DataNode }[] }
  | { kind: 'list'; line: number; items: DataNode[] }
  | { kind: 'scalar'; line: number; value: string | number | boolean | null }

/** Comment text beside or right above a line, as a reader of the file sees it. */
export type CommentAt = (line: number) => string | undefined

// How many map levels may hold groups above the entries.
const MAX_GROUP_DEPTH = 3

type Kind = 'named-code' | 'code-message' | 'record' | 'group' | 'records' | undefined

function isCodeScalar(value: DataNode): boolean {
  if (value.kind !== 'scalar') return false
  if (typeof value.value === 'number') return Number.isSafeInteger(value.value)
  return typeof value.value === 'string' && /^(?:-?\d{1,15}|0x[0-9A-Fa-f]{1,16})$/.test(value.value)
}

function roleMap(node: DataNode & { kind: 'map' }): Map<FieldRole, DataNode> {
  const roles = new Map<FieldRole, DataNode>()
  for (const e of node.entries) {
    const role = fieldRole(e.key)
    if (role && !roles.has(role) && e.value.kind === 'scalar') roles.set(role, e.value)
  }
  return roles
}

function isRecord(node: DataNode): boolean {
  if (node.kind !== 'map' || node.entries.length === 0) return false
  const roles = roleMap(node)
  return roles.has('code') || roles.has('message') || roles.has('title') || roles.has('description')
}

function kindOf(key: string, value: DataNode, depth: number): Kind {
  if (isCodeScalar(value) && !/^\d/.test(key) && /^[A-Za-z_][\w.:-]*$/.test(key))
    return 'named-code'
  if (value.kind === 'scalar' && typeof value.value === 'string' && codeKey(key)) {
    return 'code-message'
  }
  if (isRecord(value)) return 'record'
  if (isRecordList(value)) return 'records'
  if (value.kind === 'map' && depth < MAX_GROUP_DEPTH && entryShare(value, depth + 1) >= 0.7) {
    return 'group'
  }
  return undefined
}

function codeKey(key: string): boolean {
  return isProseCode(key) || (codeKind(key) === 'identifier' && /[_:]/.test(key))
}

/** Share of a map's entries that read as error entries (or groups of them). */
function entryShare(node: DataNode & { kind: 'map' }, depth: number): number {
  if (node.entries.length === 0) return 0
  let entries = 0
  for (const e of node.entries) if (kindOf(e.key, e.value, depth)) entries++
  return entries / node.entries.length
}

function isRecordList(node: DataNode): boolean {
  if (node.kind !== 'list' || node.items.length === 0) return false
  const records = node.items.filter((i) => i.kind === 'map' && roleMap(i).has('code')).length
  return records >= node.items.length * 0.7
}

/** The map or list that holds the entries: the root, or a wrapper's member (`errors:`). */
function findContainer(root: DataNode): DataNode | undefined {
  const candidates: DataNode[] = [root]
  if (root.kind === 'map') {
    for (const e of root.entries) {
      candidates.push(e.value)
      if (e.value.kind === 'map') for (const inner of e.value.entries) candidates.push(inner.value)
    }
  }
  let best: { node: DataNode; size: number } | undefined
  for (const node of candidates) {
    let size = 0
    if (node.kind === 'map' && entryShare(node, 0) >= 0.7) size = node.entries.length
    else if (isRecordList(node) && node.kind === 'list') size = node.items.length
    if (size >= 1 && (!best || size > best.size)) best = { node, size }
  }
  return best?.node
}

/** Entries of a definitions tree, as a page. */
export function readDefinitions(format: string, root: DataNode, commentAt: CommentAt): PageImport {
  const builder = new PageBuilder(format)
  const container = findContainer(root)
  if (!container) {
    builder.skip(
      1,
      'no map of names to codes, of codes to messages, or of error records (fields such as code, message, error) was found; nothing imported',
    )
    return builder.page
  }
  const visit = (node: DataNode, depth: number, group: PageGroup | undefined) => {
    if (node.kind === 'list') {
      for (const item of node.items) {
        if (item.kind === 'map') addRecord(builder, undefined, item, item.line, commentAt, group)
      }
      return
    }
    if (node.kind !== 'map') return
    for (const e of node.entries) {
      const kind = kindOf(e.key, e.value, depth)
      if (group) builder.enterSection(group)
      else builder.leaveSection()
      if (kind === 'named-code') {
        const comment = commentAt(e.line)
        builder.addRow({
          code: String((e.value as { value: unknown }).value),
          symbol: e.key,
          line: e.line,
          ...(comment ? { message: comment } : {}),
        })
      } else if (kind === 'code-message') {
        builder.addRow({
          code: e.key,
          message: normalizeSpace(String((e.value as { value: unknown }).value)),
          line: e.line,
        })
      } else if (kind === 'record') {
        addRecord(builder, e.key, e.value as DataNode & { kind: 'map' }, e.line, commentAt, group)
      } else if (kind === 'group' || kind === 'records') {
        const title = commentAt(e.line) ?? e.key
        visit(e.value, depth + 1, { title: title.length <= 80 ? title : e.key, line: e.line })
      } else {
        builder.skip(e.line, `"${e.key}" is not an error definition; skipped`)
      }
    }
  }
  visit(container, 0, undefined)
  return builder.page
}

function text(node: DataNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined
  const t = normalizeSpace(String(node.value))
  return t === '' ? undefined : t
}

function addRecord(
  builder: PageBuilder,
  key: string | undefined,
  node: DataNode & { kind: 'map' },
  line: number,
  commentAt: CommentAt,
  group: PageGroup | undefined,
): void {
  const roles = roleMap(node)
  const ownCode = text(roles.get('code'))
  const code = ownCode ?? key
  if (code === undefined) {
    builder.skip(line, 'a record without a code field; skipped')
    return
  }
  const row: Omit<PageRow, 'group'> = { code, line }
  const symbol = text(roles.get('symbol')) ?? (ownCode !== undefined ? key : undefined)
  if (symbol && !/^\d/.test(symbol)) row.symbol = symbol
  const status = Number(text(roles.get('status')))
  if (Number.isInteger(status) && status >= 100 && status <= 599) row.status = status
  const title = text(roles.get('title'))
  if (title) row.title = title
  const description = text(roles.get('description'))
  const message = text(roles.get('message')) ?? (title ? undefined : description) ?? commentAt(line)
  if (message) row.message = message
  if (description && description !== message) row.description = description
  const troubleshooting = text(roles.get('troubleshooting'))
  if (troubleshooting) row.troubleshooting = troubleshooting
  const groupField = text(roles.get('group'))
  if (groupField && !group) builder.enterSection({ title: groupField, line })
  builder.addRow(row)
}

/** Comment lines (`#` by default) right above a line, or after the value on it. */
export function commentsAbove(lines: readonly string[], marker = '#'): CommentAt {
  const trailing = new RegExp(`\\s${marker === '#' ? '#' : marker}\\s?(.*)$`)
  return (line) => {
    const own = lines[line - 1] ?? ''
    const after = trailing.exec(own.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""'))?.[1]?.trim()
    const above: string[] = []
    for (let k = line - 2; k >= 0; k--) {
      const l = lines[k]!.trim()
      if (!l.startsWith(marker)) break
      above.unshift(l.replace(/^#+\s?/, ''))
    }
    const joined = normalizeSpace([...above, after ?? ''].join(' '))
    return joined === '' ? undefined : joined
  }
}
