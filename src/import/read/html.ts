// HTML pages, whole documents or HTML blocks inside Markdown: tables (header
// rows, colspan section rows, codes in anchors), definition lists, lists, and
// one heading per error. htmlparser2 builds the tree (about four times faster
// than parse5 with source locations, the step that kept a 10 MB page over 5 s)
// with each element's start offset; lines come from the offsets.
import { type AnyNode, DomHandler, type Element, isTag, isText, type ParentNode } from 'domhandler'
import { Parser } from 'htmlparser2'
import { addListItems, type ListItemInput } from '../find/lists.ts'
import type { Importer, PageImport } from '../find/page.ts'
import { PageBuilder } from '../find/page-builder.ts'
import { Sections } from '../find/sections.ts'
import { addTable, type Cell, type TableRowInput } from '../find/table-rows.ts'
import {
  blankLines,
  lineLocator,
  normalizeSpace,
  readFrontMatter,
  splitLines,
} from '../find/text.ts'
import { MAX_NESTING, nestingError } from './limits.ts'

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'head',
  'nav',
  'button',
  'select',
])

const attr = (el: Element, name: string): string | undefined => el.attribs[name]

/** Page furniture: navigation bars, headers and footers of generated docs (DocBook's navheader). */
function isChrome(el: Element): boolean {
  if (el.name === 'footer' || el.name === 'header' || attr(el, 'role') === 'navigation') return true
  return /\bnav(?:header|footer|bar|igation)?\b/i.test(attr(el, 'class') ?? '')
}

/** Elements whose end parts text like a line break. */
const BLOCK_END = /^(p|div|li|tr|dt|dd|h[1-6])$/

function collectText(node: AnyNode, out: string[]): void {
  if (isText(node)) out.push(node.data)
  else if (isTag(node)) {
    if (SKIP.has(node.name)) return
    if (node.name === 'br') out.push(' ')
    for (const child of node.children) collectText(child, out)
    if (BLOCK_END.test(node.name)) out.push(' ')
  }
}

export function textOf(node: AnyNode): string {
  const out: string[] = []
  collectText(node, out)
  return normalizeSpace(out.join(''))
}

/** The anchor an element is linked with: its own id/name, else the first `<a name>`, `<a id>` or `<span id>` inside. */
export function anchorOf(el: Element): string | undefined {
  const own = attr(el, 'id') ?? attr(el, 'name')
  if (own !== undefined) return own
  for (const child of el.children) {
    if (!isTag(child)) continue
    if (child.name === 'a' || child.name === 'span') {
      const a = attr(child, 'name') ?? attr(child, 'id')
      if (a !== undefined) return a
    }
    const inner = anchorOf(child)
    if (inner !== undefined) return inner
  }
  return undefined
}

function strongText(node: AnyNode, inStrong: boolean, out: { all: string; strong: string }): void {
  if (isText(node)) {
    out.all += node.data
    if (inStrong) out.strong += node.data
  } else if (isTag(node)) {
    const strong = inStrong || node.name === 'b' || node.name === 'strong'
    for (const child of node.children) strongText(child, strong, out)
  }
}

/**
 * Whether a `<b>` or `<strong>` is inside: without one no text is bold, and a
 * cell with text is not a bold cell.
 */
function hasStrong(el: Element): boolean {
  for (const child of el.children) {
    if (!isTag(child)) continue
    if (child.name === 'b' || child.name === 'strong' || hasStrong(child)) return true
  }
  return false
}

function cellOf(el: Element): Cell {
  const text = textOf(el)
  const cell: Cell = { text }
  const anchor = anchorOf(el)
  if (anchor !== undefined) cell.anchor = anchor
  const span = Number(attr(el, 'colspan') ?? 1)
  if (span > 1) cell.span = span
  if (text !== '' && hasStrong(el)) {
    const s = { all: '', strong: '' }
    strongText(el, false, s)
    if (normalizeSpace(s.strong) === normalizeSpace(s.all)) cell.strong = true
  }
  return cell
}

class HtmlWalker {
  private readonly sections: Sections

  constructor(
    private readonly builder: PageBuilder,
    /** The 1-based line of an offset in the page. */
    private readonly lineAt: (offset: number) => number,
  ) {
    this.sections = new Sections(builder)
  }

  private line(node: Element): number {
    return this.lineAt(node.startIndex ?? 0)
  }

  walk(node: ParentNode): void {
    for (const child of node.children) {
      if (!isTag(child)) continue
      const tag = child.name
      if (SKIP.has(tag) || isChrome(child)) continue
      const heading = /^h([1-6])$/.exec(tag)
      if (heading) {
        const text = textOf(child)
        const role = this.sections.heading(
          Number(heading[1]),
          text,
          this.line(child),
          anchorOf(child),
        )
        if (role === 'title' && !this.builder.page.title) this.builder.page.title = text
      } else if (tag === 'table') {
        this.sections.flush()
        this.table(child)
      } else if (tag === 'dl') {
        this.sections.flush()
        this.definitions(child)
      } else if ((tag === 'ul' || tag === 'ol') && !this.sections.inEntry) {
        this.list(child)
      } else if (/^(p|pre|ul|ol|blockquote)$/.test(tag)) {
        this.sections.text(textOf(child), textOf(child))
      } else {
        this.walk(child)
      }
    }
  }

  end(): void {
    this.sections.finish()
  }

  private rowsOf(table: Element): { row: Element; head: boolean }[] {
    const rows: { row: Element; head: boolean }[] = []
    for (const child of table.children) {
      if (!isTag(child)) continue
      if (child.name === 'tr') rows.push({ row: child, head: false })
      else if (/^(thead|tbody|tfoot)$/.test(child.name)) {
        for (const tr of child.children) {
          if (isTag(tr) && tr.name === 'tr') rows.push({ row: tr, head: child.name === 'thead' })
        }
      }
    }
    return rows
  }

  private table(table: Element): void {
    const rows = this.rowsOf(table)
    let header: Cell[] | undefined
    const body: TableRowInput[] = []
    for (const { row, head } of rows) {
      // Loops, not closures: this runs once a row of tables of 100,000 rows.
      const cells: Cell[] = []
      let allTh = true
      let raw = ''
      for (const c of row.children) {
        if (!isTag(c) || (c.name !== 'td' && c.name !== 'th')) continue
        if (c.name !== 'th') allTh = false
        const cell = cellOf(c)
        raw += cells.length === 0 ? cell.text : ` | ${cell.text}`
        cells.push(cell)
      }
      if (!header && (head || (allTh && cells.length > 0))) {
        header = cells
        continue
      }
      body.push({ cells, line: this.line(row), raw })
    }
    addTable(this.builder, { ...(header ? { header } : {}), rows: body, line: this.line(table) })
  }

  private definitions(dl: Element): void {
    const items: ListItemInput[] = []
    let current: ListItemInput | undefined
    const children = dl.children.flatMap((c) => (isTag(c) && c.name === 'div' ? c.children : [c]))
    for (const child of children) {
      if (!isTag(child)) continue
      if (child.name === 'dt') {
        const anchor = anchorOf(child)
        current = {
          term: textOf(child),
          line: this.line(child),
          raw: textOf(child),
          ...(anchor !== undefined ? { anchor } : {}),
        }
        items.push(current)
      } else if (child.name === 'dd' && current) {
        if (current.definition === undefined) current.definition = textOf(child)
        else current.description = [current.description, textOf(child)].filter(Boolean).join('\n\n')
      }
    }
    addListItems(this.builder, items)
  }

  private list(list: Element): void {
    const lis = list.children.filter((c): c is Element => isTag(c) && c.name === 'li')
    const items = lis.map((li) => {
      const anchor = anchorOf(li)
      return {
        term: textOf(li),
        line: this.line(li),
        raw: textOf(li),
        ...(anchor !== undefined ? { anchor } : {}),
      }
    })
    if (addListItems(this.builder, items) > 0) return
    for (const li of lis) this.walk(li)
  }
}

/** Stops the parse at the first element nested deeper than MAX_NESTING: the walker recurses. */
class BoundedHandler extends DomHandler {
  /** The offset where the element too deep starts. */
  deepAt: number | undefined

  constructor(private readonly startOf: () => number) {
    // Not `null` for the callback: DomHandler takes an object there for its options.
    super(undefined, { withStartIndices: true })
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    // tagStack holds the document and the open elements: this one would be
    // nested tagStack.length deep.
    if (this.tagStack.length > MAX_NESTING) {
      this.deepAt = this.startOf()
      throw new DeepNesting()
    }
    super.onopentag(name, attribs)
  }
}

class DeepNesting extends Error {}

/** The tree of an HTML document or fragment, each element with its start offset. */
function parseTree(html: string): { root: ParentNode; deepAt?: number } {
  let parser: Parser | undefined
  const handler = new BoundedHandler(() => parser?.startIndex ?? 0)
  parser = new Parser(handler, { decodeEntities: true })
  try {
    parser.end(html)
  } catch (error) {
    if (!(error instanceof DeepNesting)) throw error
    return { root: handler.root, deepAt: handler.deepAt ?? 0 }
  }
  return { root: handler.root }
}

/** Adds what an HTML document or fragment holds; `lineOffset` places a fragment within its page. */
export function addHtml(builder: PageBuilder, page: string, lineOffset = 0): void {
  // NUL is no character of a page: HTML drops it from text (parse5 did),
  // htmlparser2 keeps it. No line break goes with it, so lines stay true.
  const html = page.includes('\u0000') ? page.replaceAll('\u0000', '') : page
  const { root, deepAt } = parseTree(html)
  const locate = lineLocator(html)
  const lineAt = (offset: number) => locate(offset) + lineOffset
  if (deepAt !== undefined) throw nestingError('html', lineAt(deepAt))
  const walker = new HtmlWalker(builder, lineAt)
  walker.walk(root)
  walker.end()
}

export function parseHtml(text: string): PageImport {
  // Front matter (HTML inside a Markdown file, as Qencode's page) is blanked
  // so that lines keep their numbers.
  const lines = splitLines(text)
  const frontMatter = readFrontMatter(lines)
  blankLines(lines, 1, frontMatter.endLine)
  const builder = new PageBuilder('html', frontMatter.title)
  addHtml(builder, lines.join('\n'))
  return builder.page
}

export function detectHtml(text: string): number {
  const lines = splitLines(text.slice(0, 200_000))
  blankLines(lines, 1, readFrontMatter(lines).endLine)
  const body = lines.join('\n').replace(/^\s+/, '')
  const structure = /<(?:table|dl|h[1-6])[\s>]/i.test(body)
  if (/^<(?:!doctype|html|\?xml|!--|[a-z][a-z0-9]*[\s>])/i.test(body)) return structure ? 0.9 : 0.4
  return structure ? 0.35 : 0
}

export const htmlImporter: Importer = { format: 'html', detect: detectHtml, parse: parseHtml }
