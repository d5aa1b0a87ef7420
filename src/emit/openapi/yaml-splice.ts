// Applying a merge plan to YAML text, in place. The yaml package's Document
// finds where each mapping and entry is (source ranges); only the lines of the
// entries errcat adds, replaces or removes change, everything else keeps its
// bytes: comments, blank lines, quoting, folded scalars, flow mappings. (The
// Document's own writer would re-indent, re-quote and re-fold the whole file.)
// Layouts it does not edit (flow mappings that are not empty, entries sharing a
// line with a `- `) raise SpliceUnsupported, and the caller falls back to that writer.
import {
  Document,
  isMap,
  isScalar,
  type Node,
  Pair,
  parseDocument,
  Scalar,
  visit,
  type YAMLMap,
} from 'yaml'
import { keyText, statusPosition } from './apply-document.ts'
import type { Edit } from './plan.ts'

export class SpliceUnsupported extends Error {}

/** How the document writes what errcat adds: detected from the document itself. */
export interface YamlStyle {
  indent: number
  indentSeq: boolean
  singleQuote: boolean
  /** How the document writes response status keys: `404:`, `'404':` or `"404":`. */
  statusKey: 'number' | Scalar.Type
}

interface Splice {
  start: number
  end: number
  text: string
  seq: number
}

export function spliceYaml(text: string, doc: Document, edits: readonly Edit[]): string {
  // Line arithmetic is done on `\n`; a CRLF document gets its line breaks back.
  if (text.includes('\r\n')) {
    const lf = text.replace(/\r\n/g, '\n')
    return spliceYaml(lf, parseDocument(lf), edits).replace(/\n/g, '\r\n')
  }
  const lines = new Lines(text)
  const style = detectStyle(text, doc)
  const splices: Splice[] = []
  for (const [parent, group] of groupByParent(edits)) {
    const target = locate(doc, parent)
    const value = target.node
    if (isMap(value) && !value.flow && value.items.length > 0)
      splices.push(...editBlockMap(value, group, lines, style))
    else if (target.owner && isEmptyValue(value))
      splices.push(...fillEmpty(target.owner, group, lines, style))
    else throw new SpliceUnsupported(`${describePath(parent)} is not a block mapping`)
  }
  return applySplices(text, splices)
}

/** Edits by the JSON of their parent path, each numbered in plan order. */
function groupByParent(edits: readonly Edit[]): Map<string, (Edit & { seq: number })[]> {
  const groups = new Map<string, (Edit & { seq: number })[]>()
  edits.forEach((edit, seq) => {
    const key = JSON.stringify(edit.parent)
    const group = groups.get(key)
    if (group) group.push({ ...edit, seq })
    else groups.set(key, [{ ...edit, seq }])
  })
  return groups
}

/** The node at a path of mapping keys, with the pair holding it. */
function locate(doc: Document, parentJson: string): { node: unknown; owner?: Pair } {
  const path = JSON.parse(parentJson) as string[]
  let node: unknown = doc.contents
  let owner: Pair | undefined
  for (const key of path) {
    if (!isMap(node))
      throw new SpliceUnsupported(`${describePath(parentJson)} is not a block mapping`)
    owner = node.items.find((p) => keyText(p.key) === key) as Pair | undefined
    node = owner?.value
  }
  return { node, ...(owner ? { owner } : {}) }
}

function describePath(parentJson: string): string {
  const path = JSON.parse(parentJson) as string[]
  return path.length ? `\`${path.join('.')}\`` : 'the document'
}

const isEmptyValue = (value: unknown) =>
  value === null ||
  value === undefined ||
  (isScalar(value) && value.value === null) ||
  (isMap(value) && value.items.length === 0)

function editBlockMap(
  map: YAMLMap,
  group: (Edit & { seq: number })[],
  lines: Lines,
  style: YamlStyle,
): Splice[] {
  const column = lines.keyColumn(map.items[0]!)
  const pairs = map.items as Pair[]
  const splices: Splice[] = []
  for (const edit of group) {
    const index = pairs.findIndex((p) => keyText(p.key) === edit.key)
    const pair = pairs[index]
    if (edit.kind === 'remove') {
      if (pair) splices.push({ ...lines.span(pair, column), text: '', seq: edit.seq })
      continue
    }
    if (pair) {
      const key = isScalar(pair.key) ? copyKey(pair.key) : edit.key
      const text = renderPair(key, edit.value, column, style)
      splices.push({ ...lines.span(pair, column), text, seq: edit.seq })
      continue
    }
    const key = edit.statusOrder ? statusKey(edit.key, style) : edit.key
    const text = renderPair(key, edit.value, column, style)
    const start = insertionPoint(pairs, edit, lines, column)
    splices.push({ start, end: start, text, seq: edit.seq })
  }
  return splices
}

function insertionPoint(
  pairs: Pair[],
  edit: Extract<Edit, { kind: 'put' }>,
  lines: Lines,
  column: number,
): number {
  const at = edit.statusOrder
    ? statusPosition(
        pairs.map((p) => keyText(p.key)),
        Number(edit.key),
      )
    : pairs.length
  return at === 0 ? lines.commentsAbove(pairs[0]!, column) : lines.span(pairs[at - 1]!, column).end
}

/**
 * Entries for a mapping that is empty (`key:` or `key: {}`, maybe with a
 * comment after it): the `{}` goes, the entries follow the key's line.
 */
function fillEmpty(
  owner: Pair,
  group: (Edit & { seq: number })[],
  lines: Lines,
  style: YamlStyle,
): Splice[] {
  const column = lines.keyColumn(owner) + style.indent
  const rendered = group
    .filter((e): e is Extract<Edit, { kind: 'put' }> & { seq: number } => e.kind === 'put')
    .map((e) => renderPair(e.statusOrder ? statusKey(e.key, style) : e.key, e.value, column, style))
    .join('')
  const seq = group[0]!.seq
  const colon = lines.text.indexOf(':', (owner.key as Node).range![1])
  const lineEnd = lines.endOf(lines.lineOf(colon))
  const eol = lines.text[lineEnd - 1] === '\n' ? lineEnd - 1 : lineEnd
  const insert = { start: eol, end: eol, text: `\n${rendered.replace(/\n$/, '')}`, seq }
  const value = owner.value as Node | null
  if (!isMap(value)) return [insert]
  const [start, end] = value.range!
  if (end > eol || lines.text.slice(start, end) !== '{}')
    throw new SpliceUnsupported('an empty mapping written in an unusual way')
  const from = lines.text.slice(0, start).trimEnd().length
  return [{ start: from, end, text: '', seq }, insert]
}

function copyKey(key: Scalar): Scalar {
  const copy = new Scalar(key.value)
  if (key.type) copy.type = key.type
  return copy
}

function statusKey(key: string, style: YamlStyle): Scalar {
  if (style.statusKey === 'number') return new Scalar(Number(key))
  const scalar = new Scalar(key)
  scalar.type = style.statusKey
  return scalar
}

/** `key: value` as YAML lines indented to `column`, ending with a line break. */
export function renderPair(
  key: Scalar | string,
  value: unknown,
  column: number,
  style: YamlStyle,
): string {
  // YAML 1.1 quoting, so that readers of either version see strings (`"2025-01-01"`, `"on"`) as strings.
  const doc = new Document({}, { aliasDuplicateObjects: false, version: '1.1' })
  ;(doc.contents as YAMLMap).items.push(
    new Pair(key, doc.createNode(value, { aliasDuplicateObjects: false })),
  )
  const text = doc.toString({
    indent: style.indent,
    indentSeq: style.indentSeq,
    singleQuote: style.singleQuote,
    lineWidth: 0,
  })
  const pad = ' '.repeat(column)
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n')
}

function applySplices(text: string, splices: Splice[]): string {
  // Right to left, so that offsets stay valid; at one offset, replacements before
  // insertions (which then land before the replaced text), insertions in plan order.
  const ordered = [...splices].sort(
    (a, b) =>
      b.start - a.start || Number(a.end === a.start) - Number(b.end === b.start) || b.seq - a.seq,
  )
  let out = text
  for (const s of ordered) {
    const text =
      s.start === out.length && out !== '' && !out.endsWith('\n') ? `\n${s.text}` : s.text
    out = out.slice(0, s.start) + text + out.slice(s.end)
  }
  return out
}

export function detectStyle(text: string, doc: Document): YamlStyle {
  let single = 0
  let double = 0
  let statusKey: YamlStyle['statusKey'] | undefined
  visit(doc, {
    Scalar(_, node) {
      if (node.type === 'QUOTE_SINGLE') single++
      else if (node.type === 'QUOTE_DOUBLE') double++
    },
    Pair(_, pair, path) {
      const parent = path[path.length - 1]
      if (statusKey || !isScalar(pair.key) || !isMap(parent)) return
      const key = pair.key
      const grand = path[path.length - 2]
      if (isPair(grand) && keyText(grand.key) === 'responses' && /^\d{3}$/.test(String(key.value)))
        statusKey = typeof key.value === 'number' ? 'number' : (key.type ?? 'QUOTE_DOUBLE')
    },
  })
  const singleQuote = single > double
  return {
    indent: detectIndent(text),
    indentSeq: detectIndentSeq(text),
    singleQuote,
    statusKey: statusKey ?? (singleQuote ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE'),
  }
}

const isPair = (node: unknown): node is Pair => node instanceof Pair

function detectIndent(text: string): number {
  let best = Number.POSITIVE_INFINITY
  for (const match of text.matchAll(/^( +)[^\s#-][^\n]*:(?:\s|$)/gm))
    best = Math.min(best, match[1]!.length)
  return Number.isFinite(best) && best <= 8 ? best : 2
}

function detectIndentSeq(text: string): boolean {
  const match = /^( *)[^\s#-][^\n]*:[ \t]*\n( *)- /m.exec(text)
  return match ? match[2]!.length > match[1]!.length : true
}

/** Line arithmetic over the source text. */
class Lines {
  readonly starts: number[] = [0]
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1)
  }

  lineOf(offset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  line(i: number): string {
    const end = i + 1 < this.starts.length ? this.starts[i + 1]! - 1 : this.text.length
    return this.text.slice(this.starts[i]!, end)
  }

  endOf(i: number): number {
    return i + 1 < this.starts.length ? this.starts[i + 1]! : this.text.length
  }

  /** The column of a pair's key, which must begin its line. */
  keyColumn(pair: Pair): number {
    const start = (pair.key as Node | null)?.range?.[0]
    if (start === undefined) throw new SpliceUnsupported('a mapping entry without a key')
    const lineStart = this.starts[this.lineOf(start)]!
    if (this.text.slice(lineStart, start).trim() !== '')
      throw new SpliceUnsupported('a mapping entry that does not begin its line')
    return start - lineStart
  }

  /** The lines of a pair: its key line and every deeper line after it, trailing blank lines excluded. */
  span(pair: Pair, column: number): { start: number; end: number } {
    if (this.keyColumn(pair) !== column)
      throw new SpliceUnsupported('a mapping whose entries are not aligned')
    const first = this.lineOf((pair.key as Node).range![0])
    let last = first
    for (let i = first + 1; i < this.starts.length; i++) {
      const line = this.line(i)
      if (line.trim() === '') continue
      // A block sequence may sit at its key's own indentation (`tags:` then `- name: …`).
      const indent = indentOf(line)
      if (indent < column || (indent === column && !/^-(\s|$)/.test(line.slice(indent)))) break
      last = i
    }
    return { start: this.starts[first]!, end: this.endOf(last) }
  }

  /** The start of the comment lines right above a pair, at its indentation. */
  commentsAbove(pair: Pair, column: number): number {
    let first = this.lineOf((pair.key as Node).range![0])
    while (first > 0) {
      const line = this.line(first - 1)
      if (indentOf(line) !== column || !line.trimStart().startsWith('#')) break
      first--
    }
    return this.starts[first]!
  }
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length
}
