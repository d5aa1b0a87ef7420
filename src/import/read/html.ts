// HTML pages, whole documents or HTML blocks inside Markdown: tables (header
// rows, colspan section rows, codes in anchors), definition lists, lists, and
// one heading per error. parse5 gives every element its source line.
import { parse, parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5'
import { addListItems, type ListItemInput } from '../find/lists.ts'
import type { Importer, PageImport } from '../find/page.ts'
import { PageBuilder } from '../find/page-builder.ts'
import { Sections } from '../find/sections.ts'
import { addTable, type Cell, type TableRowInput } from '../find/table-rows.ts'
import { blankLines, normalizeSpace, readFrontMatter, splitLines } from '../find/text.ts'
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

const isElement = (node: T.Node): node is T.Element => 'tagName' in node
const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value

/** Page furniture: navigation bars, headers and footers of generated docs (DocBook's navheader). */
function isChrome(el: T.Element): boolean {
  if (el.tagName === 'footer' || el.tagName === 'header' || attr(el, 'role') === 'navigation')
    return true
  return /\bnav(?:header|footer|bar|igation)?\b/i.test(attr(el, 'class') ?? '')
}

function collectText(node: T.Node, out: string[]): void {
  if (node.nodeName === '#text') out.push((node as T.TextNode).value)
  else if (isElement(node)) {
    if (SKIP.has(node.tagName)) return
    if (node.tagName === 'br') out.push(' ')
    for (const child of node.childNodes) collectText(child, out)
    if (/^(p|div|li|tr|dt|dd|h[1-6])$/.test(node.tagName)) out.push(' ')
  }
}

export function textOf(node: T.Node): string {
  const out: string[] = []
  collectText(node, out)
  return normalizeSpace(out.join(''))
}

/** The anchor an element is linked with: its own id/name, else the first `<a name>`, `<a id>` or `<span id>` inside. */
export function anchorOf(el: T.Element): string | undefined {
  const own = attr(el, 'id') ?? attr(el, 'name')
  if (own !== undefined) return own
  for (const child of el.childNodes) {
    if (!isElement(child)) continue
    if (child.tagName === 'a' || child.tagName === 'span') {
      const a = attr(child, 'name') ?? attr(child, 'id')
      if (a !== undefined) return a
    }
    const inner = anchorOf(child)
    if (inner !== undefined) return inner
  }
  return undefined
}

function strongText(node: T.Node, inStrong: boolean, out: { all: string; strong: string }): void {
  if (node.nodeName === '#text') {
    const v = (node as T.TextNode).value
    out.all += v
    if (inStrong) out.strong += v
  } else if (isElement(node)) {
    const strong = inStrong || node.tagName === 'b' || node.tagName === 'strong'
    for (const child of node.childNodes) strongText(child, strong, out)
  }
}

function cellOf(el: T.Element): Cell {
  const text = textOf(el)
  const cell: Cell = { text }
  const anchor = anchorOf(el)
  if (anchor !== undefined) cell.anchor = anchor
  const span = Number(attr(el, 'colspan') ?? 1)
  if (span > 1) cell.span = span
  const s = { all: '', strong: '' }
  strongText(el, false, s)
  if (text !== '' && normalizeSpace(s.strong) === normalizeSpace(s.all)) cell.strong = true
  return cell
}

class HtmlWalker {
  private readonly sections: Sections

  constructor(
    private readonly builder: PageBuilder,
    private readonly lineOffset: number,
  ) {
    this.sections = new Sections(builder)
  }

  private line(node: T.Node): number {
    const loc = (node as T.Element).sourceCodeLocation
    return (loc?.startLine ?? 1) + this.lineOffset
  }

  walk(node: T.ParentNode): void {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue
      const tag = child.tagName
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

  private rowsOf(table: T.Element): { row: T.Element; head: boolean }[] {
    const rows: { row: T.Element; head: boolean }[] = []
    for (const child of table.childNodes) {
      if (!isElement(child)) continue
      if (child.tagName === 'tr') rows.push({ row: child, head: false })
      else if (/^(thead|tbody|tfoot)$/.test(child.tagName)) {
        for (const tr of child.childNodes) {
          if (isElement(tr) && tr.tagName === 'tr')
            rows.push({ row: tr, head: child.tagName === 'thead' })
        }
      }
    }
    return rows
  }

  private table(table: T.Element): void {
    const rows = this.rowsOf(table)
    let header: Cell[] | undefined
    const body: TableRowInput[] = []
    for (const { row, head } of rows) {
      const cellEls = row.childNodes.filter(
        (c): c is T.Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'),
      )
      const cells = cellEls.map(cellOf)
      const allTh = cellEls.length > 0 && cellEls.every((c) => c.tagName === 'th')
      if (!header && (head || allTh)) {
        header = cells
        continue
      }
      body.push({ cells, line: this.line(row), raw: cells.map((c) => c.text).join(' | ') })
    }
    addTable(this.builder, { ...(header ? { header } : {}), rows: body, line: this.line(table) })
  }

  private definitions(dl: T.Element): void {
    const items: ListItemInput[] = []
    let current: ListItemInput | undefined
    const children = dl.childNodes.flatMap((c) =>
      isElement(c) && c.tagName === 'div' ? c.childNodes : [c],
    )
    for (const child of children) {
      if (!isElement(child)) continue
      if (child.tagName === 'dt') {
        const anchor = anchorOf(child)
        current = {
          term: textOf(child),
          line: this.line(child),
          raw: textOf(child),
          ...(anchor !== undefined ? { anchor } : {}),
        }
        items.push(current)
      } else if (child.tagName === 'dd' && current) {
        if (current.definition === undefined) current.definition = textOf(child)
        else current.description = [current.description, textOf(child)].filter(Boolean).join('\n\n')
      }
    }
    addListItems(this.builder, items)
  }

  private list(list: T.Element): void {
    const lis = list.childNodes.filter((c): c is T.Element => isElement(c) && c.tagName === 'li')
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

/** The first element nested deeper than MAX_NESTING, found without recursion. */
function deepestElement(root: T.ParentNode): T.Element | undefined {
  const stack: [T.ParentNode, number][] = [[root, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    for (const child of node.childNodes) {
      if (!isElement(child)) continue
      if (depth + 1 > MAX_NESTING) return child
      stack.push([child, depth + 1])
    }
  }
  return undefined
}

/** Adds what an HTML document or fragment holds; `lineOffset` places a fragment within its page. */
export function addHtml(builder: PageBuilder, html: string, lineOffset = 0, whole = false): void {
  const root = whole
    ? parse(html, { sourceCodeLocationInfo: true })
    : parseFragment(html, { sourceCodeLocationInfo: true })
  const deep = deepestElement(root)
  if (deep) throw nestingError('html', (deep.sourceCodeLocation?.startLine ?? 1) + lineOffset)
  const walker = new HtmlWalker(builder, lineOffset)
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
  addHtml(builder, lines.join('\n'), 0, true)
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
