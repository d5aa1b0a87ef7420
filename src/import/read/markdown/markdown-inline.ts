// Inline Markdown (mdast phrasing content) → a table cell: plain text for
// codes and messages, the Markdown source for descriptions, and the anchor of
// inline HTML like `<a name="9023">9032</a>`.
import type { Nodes } from 'mdast'
import type { Cell } from '../../find/table-rows.ts'
import { normalizeSpace } from '../../find/text.ts'

const ANCHOR = /^<(?:a|span)\s[^>]{0,400}?\b(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)')/i
/**
 * Tags that break a line where they stand: a cell holding `reasons:<ul><li>A</li><li>B</li></ul>`
 * reads `reasons: A B`, its items apart, not run together.
 */
const BREAKING_TAG = /^<\/?(?:br|p|div|ul|ol|li|dl|dt|dd|table|tr|td|th|h[1-6])\b[^>]{0,200}>$/i

/** The anchor an opening tag sets, if any. */
export function anchorOfTag(tag: string): string | undefined {
  if (tag.length > 500) return undefined
  const m = ANCHOR.exec(tag)
  return m ? (m[1] ?? m[2]) : undefined
}

interface Acc {
  text: string
  anchor?: string
}

function collect(node: Nodes, acc: Acc): void {
  switch (node.type) {
    case 'text':
      acc.text += node.value
      return
    case 'inlineCode':
      acc.text += `\`${node.value}\``
      return
    case 'break':
      acc.text += ' '
      return
    case 'html': {
      const anchor = anchorOfTag(node.value)
      if (anchor !== undefined && acc.anchor === undefined) acc.anchor = anchor
      if (BREAKING_TAG.test(node.value)) acc.text += ' '
      return
    }
    case 'image':
      acc.text += node.alt ?? ''
      return
    case 'footnoteReference':
      return
    default:
      if ('children' in node) for (const child of node.children as Nodes[]) collect(child, acc)
  }
}

/** Plain text of inline content, and the first anchor in it. */
export function plainText(nodes: readonly Nodes[]): { text: string; anchor?: string } {
  const acc: Acc = { text: '' }
  for (const node of nodes) collect(node, acc)
  return acc.anchor === undefined ? { text: acc.text } : { text: acc.text, anchor: acc.anchor }
}

/** The source text of a node, from its positions. */
export function sourceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? '' : source.slice(start, end)
}

/** Whether every child but blank text and HTML is strong, and there is one. */
function isStrong(children: readonly Nodes[]): boolean {
  let strong = false
  for (const c of children) {
    if ((c.type === 'text' && c.value.trim() === '') || c.type === 'html') continue
    if (c.type !== 'strong') return false
    strong = true
  }
  return strong
}

export function cellOf(children: readonly Nodes[], markdown: string): Cell {
  // Most cells of a large table are one text node: nothing to collect, no
  // anchor, not strong.
  const only = children.length === 1 ? children[0]! : undefined
  if (only?.type === 'text') return { text: normalizeSpace(only.value), markdown: markdown.trim() }
  const { text, anchor } = plainText(children)
  const cell: Cell = { text: normalizeSpace(text), markdown: markdown.trim() }
  if (anchor !== undefined) cell.anchor = anchor
  if (isStrong(children)) cell.strong = true
  return cell
}

/** A cell written as a Markdown string (readme.io cells mix Markdown and HTML). */
export function cellFromMarkdown(
  value: string,
  parse: (text: string) => { children: Nodes[] },
): Cell {
  const blocks = parse(value).children
  const inline: Nodes[] =
    blocks.length === 1 && blocks[0]!.type === 'paragraph' ? blocks[0]!.children : blocks
  return cellOf(inline, value)
}
