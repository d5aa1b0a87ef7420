// Markdown → an mdast-shaped tree, with GFM tables and strikethrough, as every
// Markdown-based importer reads it. Parsed with markdown-it, whose block
// tokens keep line maps: about ten times faster than mdast-util-from-markdown
// (which positions every node) and linear on the hostile pages that made
// micromark quadratic (`*a_` repeated in a table cell, long table rows).
// Only what the walker reads is built: block nodes carry start and end
// offsets of their lines, table cells their own Markdown (`data.source`),
// inline nodes no position at all. Inline Markdown is parsed only where a
// cell or paragraph holds a character that can start inline syntax; the
// rest (most cells of a large table) is plain text as it stands.
import MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import type {
  BlockContent,
  Heading,
  List,
  ListItem,
  Nodes,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast'
import { trimEndRun } from '../../../text/trim.ts'
import { lineStarts } from '../../find/text.ts'

/**
 * KumaScript-style macros (`{{HTTPStatus(404, "404 Not Found")}}`, MDN) read
 * as their last quoted argument, or their first argument; `{{Sidebar}}` goes.
 */
export function expandMacros(text: string): string {
  if (!text.includes('{{')) return text
  return text.replace(
    /\{\{\s*[A-Za-z][\w-]{0,60}(?:\(([^(){}\n]{0,400})\))?\s*\}\}/g,
    (_, args?: string) => {
      if (!args) return ''
      const quoted = [...args.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? '')
      return quoted.at(-1) ?? args.split(',')[0]!.trim()
    },
  )
}

// Autolinks of bare URLs (linkify) and typography are left out: they add
// nothing to an import. Nesting deeper than markdown-it's `maxNesting` (100)
// is read as text, which bounds the recursion below.
const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false })
md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'])

/**
 * Characters that can start inline Markdown; text without any of them is
 * plain text. An underscore between two letters or digits (`ERROR_12`) can
 * neither open nor close emphasis (CommonMark's flanking rules), so it does
 * not count.
 */
const INLINE_SYNTAX = /[\n\\`*~[\]!<&]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/

type Parent = { children: Nodes[] }

class TreeBuilder {
  private readonly starts: number[]
  private i = 0

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {
    // Line starts as markdown-it splits lines (\r\n, \r or \n).
    this.starts = lineStarts(text)
  }

  /** The position of lines [from, to) (0-based, markdown-it's `map`). */
  private position(map: [number, number] | null): Nodes['position'] {
    if (!map) return undefined
    const [from, to] = map
    const start = this.starts[from] ?? this.text.length
    let end = this.starts[to] ?? this.text.length
    // The end of the last line, without its line break.
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--
    return {
      start: { line: from + 1, column: 1, offset: start },
      end: { line: Math.max(from + 1, to), column: 1, offset: end },
    }
  }

  root(): Root {
    const root: Root = { type: 'root', children: [] }
    this.blocks(root as Parent, undefined)
    return root
  }

  /** Block tokens up to the closing token of type `close` (or the end). */
  private blocks(parent: Parent, close: string | undefined): void {
    const tokens = this.tokens
    while (this.i < tokens.length) {
      const t = tokens[this.i]!
      if (t.type === close) {
        this.i++
        return
      }
      const node = this.block(t)
      if (node) parent.children.push(node)
    }
  }

  private block(t: Token): RootContent | undefined {
    const position = this.position(t.map)
    switch (t.type) {
      case 'heading_open': {
        const inline = this.tokens[this.i + 1]
        this.i += 3
        // Front matter in the middle of a page (pages joined together) reads
        // as a setext heading of `key: value` lines: it is none.
        if ((t.markup === '-' || t.markup === '=') && isKeyValues(inline?.content ?? ''))
          return undefined
        const heading: Heading = {
          type: 'heading',
          depth: Number(t.tag.slice(1)) as Heading['depth'],
          children: phrasing(inline?.content ?? ''),
        }
        if (position) heading.position = position
        return heading
      }
      case 'paragraph_open': {
        const inline = this.tokens[this.i + 1]
        this.i += 3
        return { type: 'paragraph', children: phrasing(inline?.content ?? ''), position }
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        this.i++
        const list: List = {
          type: 'list',
          ordered: t.type === 'ordered_list_open',
          children: [],
          position,
        }
        const close = t.type === 'bullet_list_open' ? 'bullet_list_close' : 'ordered_list_close'
        while (this.i < this.tokens.length && this.tokens[this.i]!.type !== close) {
          const item = this.tokens[this.i]!
          this.i++
          if (item.type !== 'list_item_open') continue
          const node: ListItem = {
            type: 'listItem',
            children: [],
            position: this.position(item.map),
          }
          this.blocks(node as Parent, 'list_item_close')
          list.children.push(node)
        }
        this.i++
        return list
      }
      case 'blockquote_open': {
        this.i++
        const quote = { type: 'blockquote' as const, children: [] as BlockContent[], position }
        this.blocks(quote as Parent, 'blockquote_close')
        return quote
      }
      case 'fence':
      case 'code_block':
        this.i++
        return {
          type: 'code',
          lang: t.info.trim().split(/\s/)[0] || null,
          value: t.content.replace(/\n$/, ''),
          position,
        }
      case 'html_block':
        this.i++
        return { type: 'html', value: trimEndRun(t.content, '\n'), position }
      case 'hr':
        this.i++
        return { type: 'thematicBreak', position }
      case 'table_open':
        return this.table(position)
      default:
        this.i++
        return undefined
    }
  }

  private table(position: Nodes['position']): Table {
    const table: Table = { type: 'table', children: [], position }
    this.i++
    let row: TableRow | undefined
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i]!
      this.i++
      if (t.type === 'table_close') break
      if (t.type === 'tr_open') {
        row = { type: 'tableRow', children: [], position: this.position(t.map) }
        table.children.push(row)
      } else if ((t.type === 'th_open' || t.type === 'td_open') && row) {
        const content = this.tokens[this.i]?.type === 'inline' ? this.tokens[this.i]!.content : ''
        row.children.push(new LazyCell(content))
      }
    }
    return table
  }
}

/**
 * A table cell whose inline nodes are parsed when they are read, each time:
 * the walker reads each cell once, right into a Cell, so the nodes die young.
 * Parsed here for the whole page, they outlived every collection of the young
 * generation until the walk (on a 10 MB table, most of the collector's time).
 */
class LazyCell implements TableCell {
  readonly type = 'tableCell'
  readonly data: TableCell['data']

  constructor(source: string) {
    this.data = { source } as TableCell['data']
  }

  get children(): PhrasingContent[] {
    return phrasing((this.data as { source: string }).source)
  }
}

function isKeyValues(content: string): boolean {
  const lines = content.split('\n')
  return lines.length >= 2 && lines.every((l) => /^[A-Za-z_][\w-]{0,40}:(?:\s|$)/.test(l))
}

/** Inline tokens → mdast phrasing nodes. */
function inlineNodes(tokens: readonly Token[]): PhrasingContent[] {
  const root: Parent = { children: [] }
  const stack: Parent[] = [root]
  // Loops, not closures: this runs once per table cell with inline syntax.
  for (const t of tokens) {
    const node = inlineNode(t)
    if (node) {
      stack[stack.length - 1]!.children.push(node)
      if ('children' in node) stack.push(node as Parent)
    } else if (CLOSING.has(t.type) && stack.length > 1) stack.pop()
  }
  return root.children as PhrasingContent[]
}

const CLOSING = new Set(['strong_close', 'em_close', 's_close', 'link_close'])

/** The node an inline token opens or stands for; none for closing tokens and empty ones. */
function inlineNode(t: Token): Nodes | undefined {
  switch (t.type) {
    case 'text':
    case 'text_special':
      return { type: 'text', value: t.content }
    case 'softbreak':
      return { type: 'text', value: '\n' }
    case 'hardbreak':
      return { type: 'break' }
    case 'code_inline':
      return { type: 'inlineCode', value: t.content }
    case 'html_inline':
      return { type: 'html', value: t.content }
    case 'image':
      return { type: 'image', url: t.attrGet('src') ?? '', alt: t.content }
    case 'strong_open':
      return { type: 'strong', children: [] }
    case 'em_open':
      return { type: 'emphasis', children: [] }
    case 's_open':
      return { type: 'delete', children: [] }
    case 'link_open':
      return { type: 'link', url: t.attrGet('href') ?? '', children: [] }
    default:
      if (CLOSING.has(t.type)) return undefined
      return t.content ? { type: 'text', value: t.content } : undefined
  }
}

/** Inline Markdown → phrasing nodes; plain text stays one text node. */
export function phrasing(content: string): PhrasingContent[] {
  if (content === '') return []
  if (!INLINE_SYNTAX.test(content)) return [{ type: 'text', value: content }]
  const tokens: Token[] = []
  md.inline.parse(content, md, {}, tokens)
  return inlineNodes(tokens)
}

/**
 * Front matter (`---` YAML or `+++` TOML from line 1 to its closing fence,
 * within 200 lines) turned into spaces: offsets and lines stay true.
 */
function blankFrontMatter(text: string): string {
  const fence = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text)
  if (!fence) return text
  const close = new RegExp(
    `\\n(?:${fence[1] === '---' ? '---|\\.\\.\\.' : '\\+\\+\\+'})[ \\t]*(?:\\r?\\n|$)`,
  )
  const head = text.split('\n', 201).join('\n')
  const m = close.exec(head)
  if (!m) return text
  const end = m.index + m[0].length
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end)
}

export function parseMarkdownTree(text: string): Root {
  return new TreeBuilder(text, md.parse(blankFrontMatter(text), {})).root()
}
