// Markdown (descriptions, troubleshooting) as plain terminal text: what a
// reader would see on the rendered page, without the markup. Links keep their
// URL, code keeps its backticks, lists and tables keep their shape.
import type { Nodes, PhrasingContent, Root, Table } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { noStyle, type Style } from './style.ts'

export function markdownToText(markdown: string, style: Style = noStyle): string {
  const tree: Root = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  })
  return blocks(tree.children, style).join('\n\n')
}

function blocks(nodes: readonly Nodes[], style: Style): string[] {
  return nodes.map((n) => block(n, style)).filter((text) => text !== '')
}

function block(node: Nodes, style: Style): string {
  switch (node.type) {
    case 'paragraph':
      return inline(node.children, style)
    case 'heading':
      return style.bold(inline(node.children, style))
    case 'code':
      return node.value
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n')
    case 'blockquote':
      return indent(blocks(node.children, style).join('\n\n'), '> ')
    case 'list': {
      const start = node.start ?? 1
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${start + i}. ` : '- '
          const check = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : ''
          const body = blocks(item.children, style).join(node.spread ? '\n\n' : '\n')
          return marker + check + indent(body, ' '.repeat(marker.length)).trimStart()
        })
        .join(node.spread ? '\n\n' : '\n')
    }
    case 'table':
      return table(node, style)
    case 'thematicBreak':
      return '---'
    case 'html':
      return stripTags(node.value)
    case 'definition':
      return `[${node.label ?? node.identifier}]: ${node.url}`
    default:
      return 'children' in node ? blocks(node.children as Nodes[], style).join('\n\n') : ''
  }
}

function inline(nodes: readonly PhrasingContent[], style: Style): string {
  return nodes.map((n) => phrasing(n, style)).join('')
}

function phrasing(node: PhrasingContent, style: Style): string {
  switch (node.type) {
    case 'text':
      return node.value
    case 'inlineCode':
      return `\`${node.value}\``
    case 'strong':
      return style.bold(inline(node.children, style))
    case 'emphasis':
    case 'delete':
      return inline(node.children, style)
    case 'break':
      return '\n'
    case 'link': {
      const text = inline(node.children, style)
      return text === node.url || `mailto:${text}` === node.url ? text : `${text} (${node.url})`
    }
    case 'image':
      return `[image: ${node.alt || node.url}]`
    case 'linkReference':
    case 'imageReference':
      return 'children' in node ? inline(node.children, style) : (node.alt ?? '')
    case 'html':
      return stripTags(node.value)
    case 'footnoteReference':
      return `[${node.label ?? node.identifier}]`
    default:
      return ''
  }
}

function table(node: Table, style: Style): string {
  const rows = node.children.map((row) =>
    row.children.map((cell) => inline(cell.children, noStyle)),
  )
  const widths: number[] = []
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length)
  }
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()
  const [head, ...body] = rows
  if (!head) return ''
  return [
    style.bold(line(head)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
  ].join('\n')
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line.length ? line : prefix.trimEnd()))
    .join('\n')
}

function stripTags(html: string): string {
  // `[^<>]`, not `[^>]`: an unclosed `<` then stops at the next `<`, which keeps it linear.
  return html.replace(/<[^<>]*>/g, '').trim()
}
