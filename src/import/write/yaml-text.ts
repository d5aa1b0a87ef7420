// Plain data (objects, arrays, strings, numbers, booleans, null) as YAML text,
// written the way `new Document(data).toString({ lineWidth: 0,
// flowCollectionPadding: true })` writes it once a Layout's marks (flow
// collections, blank lines, line comments) are set on the Document's nodes:
// the same indentation, blank lines and scalar styles, in one pass over the
// data and without a node per value. Data the Document would write some other
// way (an object met twice, which it writes as an alias; a key of more than
// 1,024 characters; a collection inside a flow collection; anything not plain
// data) throws NotPlainData, and the caller writes the Document instead.
import { commentString, otherScalarText, type ScalarPlace, stringText } from './yaml-scalar.ts'

export class NotPlainData extends Error {}

/** Marks on the nodes of one collection, as a Document's writer would set them. */
export interface Layout {
  /** Written in flow style (`{ a: 1 }`, `[ 1, 2 ]`) when the value is this kind of collection. */
  flow?: 'map' | 'seq'
  /** A blank line before the pair: its key, and its index among the pairs written. */
  spaceBefore?: (key: string, index: number) => boolean
  /** A comment after the pair's value, when that is a scalar (` guessed` → `# guessed`). */
  comment?: (key: string) => string | undefined
  /** The layout of a pair's value. */
  child?: (key: string) => Layout | undefined
  /** The layout of each item of a sequence. */
  item?: Layout
}

const STEP = '  '
const MAX_IMPLICIT_KEY = 1024

type Collection = Record<string, unknown> | unknown[]

function isCollection(value: unknown): value is Collection {
  if (value === null || typeof value !== 'object') return false
  if (Array.isArray(value)) return true
  const proto = Object.getPrototypeOf(value)
  if (proto === Object.prototype || proto === null) return true
  throw new NotPlainData('not a plain object')
}

function hasItems(value: Collection): boolean {
  if (Array.isArray(value)) return value.length > 0
  for (const key in value) if (Object.hasOwn(value, key) && value[key] !== undefined) return true
  return false
}

/** yaml's lineComment for a one-line comment after a one-line scalar. */
function lineComment(text: string, comment: string): string {
  if (comment.includes('\n') || text.endsWith('\n')) throw new NotPlainData('a comment on lines')
  return (text.endsWith(' ') ? '' : ' ') + comment
}

/** An item of a flow collection: a scalar, since a collection inside one is written otherwise. */
function flowScalar(item: unknown): unknown {
  if (item !== null && typeof item === 'object') throw new NotPlainData('a nested flow collection')
  return item
}

class Writer {
  /** Whether the text last returned ends in a block scalar kept with `|+`. */
  chompKeep = false
  private readonly seen = new Set<object>()

  document(data: Record<string, unknown>, layout: Layout | undefined, header: string): string {
    this.chompKeep = false
    const body = this.blockMap(data, '', layout)
    return `${commentString(header)}\n\n${body}\n`
  }

  private enter(value: object): void {
    // The Document writes a repeated object as an anchor and aliases.
    if (this.seen.has(value)) throw new NotPlainData('an object met twice')
    this.seen.add(value)
  }

  private scalar(
    value: unknown,
    place: ScalarPlace,
    comment?: string,
    onComment?: () => void,
  ): string {
    if (typeof value === 'string') {
      return stringText(value, place, comment, onComment, () => {
        this.chompKeep = true
      })
    }
    if (value === null || typeof value === 'number' || typeof value === 'boolean') {
      return otherScalarText(value)
    }
    throw new NotPlainData(`a ${typeof value} value`)
  }

  /** Items joined as yaml's block collections join them: an empty string is a blank line. */
  private join(lines: string[], indent: string, empty: string): string {
    if (lines.length === 0) return empty
    let text = lines[0]!
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!
      text += line ? `\n${indent}${line}` : '\n'
    }
    return text
  }

  /** A map in block style; `indent` is the collection's (its pairs start there). */
  private blockMap(
    map: Record<string, unknown>,
    indent: string,
    layout: Layout | undefined,
  ): string {
    const lines: string[] = []
    let keep = false
    let index = 0
    for (const key of Object.keys(map)) {
      const value = map[key]
      if (value === undefined) continue
      if (!keep && layout?.spaceBefore?.(key, index)) lines.push('')
      lines.push(this.blockPair(key, value, indent, layout))
      keep = this.chompKeep
      index++
    }
    this.chompKeep = keep
    return this.join(lines, indent, '{}')
  }

  private blockPair(
    key: string,
    value: unknown,
    indent: string,
    layout: Layout | undefined,
  ): string {
    const inner = indent + STEP
    this.chompKeep = false
    const keyText = this.scalar(key, { indent: inner, implicitKey: true, inFlow: false })
    if (keyText.length > MAX_IMPLICIT_KEY) throw new NotPlainData('a key written as `? key`')
    let text = `${keyText}:`
    this.chompKeep = false
    if (isCollection(value)) {
      const child = layout?.child?.(key)
      const valueText = this.collection(value, inner, child)
      const flow = this.isFlow(value, child) || !hasItems(value)
      text += (valueText.includes('\n') || !flow ? `\n${inner}` : ' ') + valueText
      return text
    }
    const comment = layout?.comment?.(key)
    let commentDone = false
    const valueText = this.scalar(
      value,
      { indent: inner, implicitKey: false, inFlow: false },
      comment,
      () => {
        commentDone = true
      },
    )
    text += (valueText === '' || valueText[0] === '\n' ? '' : ' ') + valueText
    if (comment !== undefined && !commentDone) {
      text += lineComment(text, commentString(comment))
      this.chompKeep = false
    }
    return text
  }

  private isFlow(value: Collection, layout: Layout | undefined): boolean {
    return layout?.flow === (Array.isArray(value) ? 'seq' : 'map')
  }

  /** A collection as a pair's value or a sequence's item, `indent` being that context's. */
  private collection(value: Collection, indent: string, layout: Layout | undefined): string {
    this.enter(value)
    if (this.isFlow(value, layout)) {
      this.chompKeep = false
      return this.flowCollection(value, indent)
    }
    return Array.isArray(value)
      ? this.blockSeq(value, indent, layout)
      : this.blockMap(value, indent, layout)
  }

  private blockSeq(seq: unknown[], indent: string, layout: Layout | undefined): string {
    const itemIndent = indent + STEP
    const lines: string[] = []
    let keep = false
    for (const item of seq) {
      if (item === undefined) throw new NotPlainData('an undefined item')
      this.chompKeep = false
      const text = isCollection(item)
        ? this.collection(item, itemIndent, layout?.item)
        : this.scalar(item, { indent: itemIndent, implicitKey: false, inFlow: false })
      keep = this.chompKeep
      lines.push(`- ${text}`)
    }
    this.chompKeep = keep
    return this.join(lines, indent, '[]')
  }

  /** `{ a: 1, b: 2 }` or `[ 1, 2 ]`, one item a line when an item spans lines. */
  private flowCollection(value: Collection, indent: string): string {
    const isSeq = Array.isArray(value)
    // A sequence's items sit two columns further in than a map's pairs.
    const itemIndent = (isSeq ? indent + STEP : indent) + STEP
    const place: ScalarPlace = { indent: itemIndent, implicitKey: false, inFlow: true }
    const pairPlace: ScalarPlace = { indent: itemIndent + STEP, implicitKey: false, inFlow: true }
    const keyPlace: ScalarPlace = { indent: itemIndent + STEP, implicitKey: true, inFlow: true }
    const lines: string[] = []
    // Loops, not a closure: each error's `source` is a flow map.
    if (isSeq) {
      for (const item of value) {
        if (item === undefined) throw new NotPlainData('an undefined item')
        lines.push(this.scalar(flowScalar(item), place))
      }
    } else {
      for (const key of Object.keys(value)) {
        const item = value[key]
        if (item === undefined) continue
        const valueText = this.scalar(flowScalar(item), pairPlace)
        lines.push(
          `${this.scalar(key, keyPlace)}:${valueText === '' || valueText[0] === '\n' ? '' : ' '}${valueText}`,
        )
      }
    }
    this.chompKeep = false
    if (lines.length === 0) return isSeq ? '[]' : '{}'
    const [start, end] = isSeq ? ['[', ']'] : ['{', '}']
    const multiline = lines.some((line) => line.includes('\n'))
    for (let i = 0; i < lines.length - 1; i++) lines[i] += ','
    if (!multiline) return `${start} ${lines.join(' ')} ${end}`
    let text = start
    for (const line of lines) text += `\n${STEP}${indent}${line}`
    return `${text}\n${indent}${end}`
  }
}

/** `data` as the Document's YAML text, `header` as its comment before. Throws NotPlainData. */
export function yamlText(
  data: Record<string, unknown>,
  layout: Layout | undefined,
  header: string,
): string {
  return new Writer().document(data, layout, header)
}
