// The catalog's Markdown (descriptions, troubleshooting, group descriptions)
// re-written so that it keeps its formatting and cannot inject anything. It
// is parsed as GFM and printed back from the tree: text goes through the
// escapes of ./escape.ts, raw HTML becomes visible text (comments are
// dropped), links keep only safe URLs, and constructs that one of the
// renderers lacks or reads differently are written in a form all of them
// share: headings inside a description become bold paragraphs, so they do
// not enter the page's table of contents; code inside a list or quote becomes
// code spans, since Python-Markdown would parse a fence's content there as
// Markdown.
import type { Definition, List, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { cellCode, code, fence, lineStart, text, url } from './escape.ts'

interface Context {
  /** Relative URLs are resolved against it (the catalog's `api.docs`). */
  base: string | undefined
  definitions: Map<string, Definition>
  /** Inside a list item or block quote. */
  nested: boolean
  inTable: boolean
}

// Built once: building the GFM extensions costs more than parsing a short description.
const PARSE_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }

/** Markdown → the same document as safe Markdown: blocks separated by blank lines. */
export function safeMarkdown(markdown: string, base?: string): string {
  const tree: Root = fromMarkdown(markdown, PARSE_OPTIONS)
  const definitions = new Map<string, Definition>()
  collectDefinitions(tree, definitions)
  return blocks(tree.children, { base, definitions, nested: false, inTable: false }).join('\n\n')
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node)
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into)
}

function blocks(nodes: readonly RootContent[], ctx: Context): string[] {
  return nodes.map((n) => block(n, ctx)).filter((b) => b !== '')
}

function block(node: RootContent, ctx: Context): string {
  switch (node.type) {
    case 'paragraph':
      return lines(inline(node.children, ctx))
    case 'heading': {
      const content = inline(node.children, ctx)
      return content === '' ? '' : lines(`**${content}**`)
    }
    case 'thematicBreak':
      return '---'
    case 'blockquote':
      return prefixLines(blocks(node.children, { ...ctx, nested: true }).join('\n\n'), '> ', '>')
    case 'list':
      return list(node, ctx)
    case 'code':
      return ctx.nested ? codeLines(node.value) : fence(node.value, node.lang ?? '')
    case 'html':
      return isComment(node.value) ? '' : lines(text(node.value))
    case 'table':
      return table(node, ctx)
    case 'definition':
      return ''
    case 'footnoteDefinition': {
      const [first = '', ...rest] = blocks(node.children, ctx)
      return [lineStart(`${text(`[^${node.label ?? node.identifier}]:`)} ${first}`), ...rest].join(
        '\n\n',
      )
    }
    default:
      return 'children' in node
        ? blocks(node.children as RootContent[], ctx).join('\n\n')
        : 'value' in node
          ? lineStart(text(String(node.value)))
          : ''
  }
}

/** An HTML comment is invisible where the author wrote it: it stays so. Other HTML shows as text. */
function isComment(html: string): boolean {
  return /^<!--[\s\S]*-->$/.test(html.trim())
}

/** Two spaces: the hard line break that CommonMark, MDX and Python-Markdown share. */
const HARD_BREAK = '  \n'

/** Inline content, each of its lines (after hard breaks) kept from starting a block. */
function lines(content: string): string {
  return content.split('\n').map(lineStart).join('\n')
}

/** Code where a fence would not be seen: one code span per line, joined by hard line breaks. */
function codeLines(value: string): string {
  return value
    .split(/\r\n?|\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => code(line))
    .join(HARD_BREAK)
}

function list(node: List, ctx: Context): string {
  const start = node.start ?? 1
  const inner = { ...ctx, nested: true }
  const loose = node.spread || node.children.some((item) => item.spread)
  return node.children
    .map((item, i) => {
      const marker = node.ordered ? `${start + i}. ` : '- '
      const check = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : ''
      const parts = item.children.map((child) => block(child, inner))
      let body = ''
      parts.forEach((part, j) => {
        if (part === '') return
        // A tight item's nested list follows its paragraph directly; anything else needs a blank line.
        const joint = item.children[j]!.type === 'list' && !loose ? '\n' : '\n\n'
        body = body === '' ? part : `${body}${joint}${part}`
      })
      // Four columns: what Python-Markdown needs, and at least the marker's width for CommonMark.
      const indent = ' '.repeat(Math.max(4, marker.length))
      return `${marker}${check}${prefixLines(body, indent, '').replace(/^ +/, '')}`
    })
    .join(loose ? '\n\n' : '\n')
}

function table(node: Table, ctx: Context): string {
  const inner = { ...ctx, inTable: true }
  const columns = node.align?.length ?? node.children[0]?.children.length ?? 0
  if (columns === 0) return ''
  const rows = node.children.map((row) => {
    const cells = row.children.slice(0, columns).map((cell) => inline(cell.children, inner))
    while (cells.length < columns) cells.push('')
    return `| ${cells.join(' | ')} |`
  })
  const align = Array.from({ length: columns }, (_, i) => {
    const a = node.align?.[i]
    return a === 'left' ? ':---' : a === 'right' ? '---:' : a === 'center' ? ':---:' : '---'
  })
  return [rows[0], `| ${align.join(' | ')} |`, ...rows.slice(1)].join('\n')
}

function inline(nodes: readonly PhrasingContent[], ctx: Context): string {
  return nodes.map((n) => phrasing(n, ctx)).join('')
}

function phrasing(node: PhrasingContent, ctx: Context): string {
  switch (node.type) {
    case 'text':
      return text(node.value)
    case 'html':
      return isComment(node.value) ? '' : text(node.value)
    case 'inlineCode':
      return ctx.inTable ? cellCode(node.value) : code(node.value)
    case 'emphasis':
      return wrap('*', inline(node.children, ctx))
    case 'strong':
      return wrap('**', inline(node.children, ctx))
    case 'delete':
      return wrap('~~', inline(node.children, ctx))
    case 'break':
      return ctx.inTable ? ' ' : HARD_BREAK
    case 'link':
      return link(inline(node.children, ctx), node.url, ctx)
    case 'linkReference': {
      const label = inline(node.children, ctx)
      const definition = ctx.definitions.get(node.identifier)
      return definition ? link(label, definition.url, ctx) : label
    }
    case 'image':
      return image(node.alt ?? '', node.url, ctx)
    case 'imageReference': {
      const definition = ctx.definitions.get(node.identifier)
      return definition ? image(node.alt ?? '', definition.url, ctx) : text(node.alt ?? '')
    }
    case 'footnoteReference':
      return text(`[^${node.label ?? node.identifier}]`)
    default:
      return plain(node)
  }
}

/** A node this printer does not know (from a future parser extension): its text, escaped. */
function plain(node: Nodes): string {
  if ('value' in node) return text(String(node.value))
  return 'children' in node ? node.children.map((child) => plain(child as Nodes)).join('') : ''
}

function wrap(delimiter: string, content: string): string {
  return content === '' ? '' : `${delimiter}${content}${delimiter}`
}

function link(label: string, destination: string, ctx: Context): string {
  const safe = url(destination, ctx.base)
  if (!safe) return label
  return `[${label === '' ? text(destination) : label}](${safe})`
}

/**
 * Only absolute images are kept: Docusaurus bundles a relative image at build
 * time and fails when the file is not there, which it never is for a
 * catalog's docs folder. Others show their alt text.
 */
function image(alt: string, destination: string, ctx: Context): string {
  const safe = url(destination, ctx.base)
  return safe && /^https?:/i.test(safe) ? `![${text(alt)}](${safe})` : text(alt)
}

function prefixLines(value: string, prefix: string, emptyPrefix: string): string {
  return value
    .split('\n')
    .map((line) => (line === '' ? emptyPrefix : prefix + line))
    .join('\n')
}
