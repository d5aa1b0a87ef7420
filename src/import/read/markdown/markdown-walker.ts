// Walks a Markdown tree in page order and hands what it finds to the shared
// builders: tables to table-rows, lists to lists, headings to sections, HTML
// blocks to the HTML importer, and Win32-style "bold symbol / code / text"
// paragraph blocks to rows of their own.
import type { List, ListItem, Nodes, Paragraph, RootContent, Table, TableRow } from 'mdast'
import { codeKind, isProseCode } from '../../find/code-token.ts'
import { type Field, fieldListEntry, parseField } from '../../find/field-list.ts'
import { addListItems, type ListItemInput } from '../../find/lists.ts'
import type { PageBuilder } from '../../find/page-builder.ts'
import { Sections } from '../../find/sections.ts'
import { addTable, type Cell, type TableRowInput } from '../../find/table-rows.ts'
import { normalizeSpace } from '../../find/text.ts'
import { addHtml } from '../html.ts'
import { cellOf, plainText, sourceOf } from './markdown-inline.ts'
import { phrasing } from './markdown-tree.ts'

/** A pipe row's cells: outer pipes dropped, split on pipes that are not escaped. */
export function pipeCells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
  const cells: string[] = []
  let start = 0
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\') i++
    else if (inner[i] === '|') {
      cells.push(inner.slice(start, i).trim())
      start = i + 1
    }
  }
  cells.push(inner.slice(start).trim())
  return cells
}

/** Something to run between two top-level nodes, before the first node at or after `line`. */
export interface Interleaved {
  line: number
  run(walker: MarkdownWalker): void
}

export class MarkdownWalker {
  private readonly sections: Sections
  /** A Win32-style entry: a bold symbol paragraph, then a code paragraph, then its text. */
  private block: { symbol: string; anchor?: string; line: number; code?: string } | undefined
  /**
   * An HTML definition list whose terms and definitions are Markdown between
   * tag lines (`<dl> <dt>`, then the term, then `</dt> <dd>`, the text,
   * `</dd>`): the items read so far, and where the reading is.
   */
  private dl:
    | {
        items: ListItemInput[]
        at?: 'dt' | 'dd'
        term?: { text: string; line: number }
        definition: string[]
      }
    | undefined
  /** A paragraph that is one code in bold (`**E_ROW_EMPTY**`), when it was the last node: a field list may follow. */
  private boldCode: { code: string; line: number; anchor?: string } | undefined
  /** The last pipe table: its header and last line, for a part of it cut off by a blank line. */
  private lastTable: { header: Cell[]; width: number; end: number } | undefined

  constructor(
    private readonly builder: PageBuilder,
    private readonly source: string,
    private readonly lines: readonly string[],
  ) {
    this.sections = new Sections(builder)
  }

  walk(nodes: readonly RootContent[], interleaved: readonly Interleaved[] = []): void {
    const pending = [...interleaved].sort((a, b) => a.line - b.line)
    const runUntil = (line: number) => {
      while (pending.length > 0 && pending[0]!.line <= line) {
        this.flushBlock()
        this.sections.flush()
        pending.shift()!.run(this)
      }
    }
    for (const node of nodes) {
      runUntil(this.line(node))
      this.node(node)
    }
    runUntil(Number.POSITIVE_INFINITY)
    this.flushDefinitions()
    this.flushBlock()
    this.sections.finish()
  }

  /** An HTML block read apart from the Markdown (a table written over blank lines). */
  html(value: string, line: number): void {
    this.flushBlock()
    this.sections.flush()
    addHtml(this.builder, value, line - 1)
  }

  /** A heading that is not Markdown (a readme.io `[block:api-header]`). */
  heading(level: number, text: string, line: number): void {
    const role = this.sections.heading(level, text, line)
    if (role === 'title' && !this.builder.page.title) this.builder.page.title = text.trim()
  }

  private line(node: Nodes): number {
    return node.position?.start.line ?? 1
  }

  private node(node: RootContent): void {
    const boldCode = this.boldCode
    this.boldCode = undefined
    switch (node.type) {
      case 'heading': {
        this.flushBlock()
        this.flushDefinitions()
        const { text, anchor } = plainText(node.children)
        const role = this.sections.heading(node.depth, text, this.line(node), anchor)
        if (role === 'title' && !this.builder.page.title) this.builder.page.title = text.trim()
        return
      }
      case 'table':
        this.flushBlock()
        this.sections.flush()
        this.table(node)
        return
      case 'list':
        if (boldCode && this.fieldList(boldCode, node)) return
        this.flushBlock()
        if (this.sections.inEntry)
          this.sections.text(plainText([node]).text, sourceOf(node, this.source))
        else this.list(node)
        return
      case 'paragraph':
        this.paragraph(node)
        return
      case 'html':
        this.flushBlock()
        if (this.definitionTags(node.value)) return
        if (/<(?:table|dl|h[1-6])\b/i.test(node.value)) {
          this.sections.flush()
          addHtml(this.builder, node.value, this.line(node) - 1)
        }
        return
      case 'code':
      case 'blockquote':
        if (this.sections.inEntry)
          this.sections.text(plainText([node]).text || ' ', sourceOf(node, this.source))
        return
      default:
        return
    }
  }

  /** A cell's Markdown without the pipes around it. */
  private cellSource(cell: Nodes): string {
    const own = (cell.data as { source?: string } | undefined)?.source
    if (own !== undefined) return own.trim()
    return sourceOf(cell, this.source)
      .replace(/^\s*\|/, '')
      .replace(/(?<!\\)\|\s*$/, '')
      .trim()
  }

  /** A row's cells. A loop, not closures: it runs once a row of tables of 100,000 rows. */
  private cells(row: TableRow): Cell[] {
    const cells: Cell[] = []
    for (const cell of row.children) cells.push(cellOf(cell.children, this.cellSource(cell)))
    return cells
  }

  private table(table: Table): void {
    const [head, ...body] = table.children
    const rows: TableRowInput[] = []
    for (const row of body) {
      const line = this.line(row)
      rows.push({ cells: this.cells(row), line, raw: (this.lines[line - 1] ?? '').trim() })
    }
    const header = head ? this.cells(head) : undefined
    addTable(this.builder, {
      ...(header ? { header } : {}),
      rows,
      line: this.line(table),
    })
    this.lastTable = header
      ? { header, width: header.length, end: table.position?.end.line ?? this.line(table) }
      : undefined
  }

  /**
   * Pipe rows right after a table, cut off from it by a blank line: Markdown
   * reads them as a paragraph, the page means more rows of the same table.
   */
  private tableContinued(node: Paragraph): boolean {
    const last = this.lastTable
    const line = this.line(node)
    if (!last || line - last.end > 3) return false
    const source = sourceOf(node, this.source)
    const lines = source.split(/\r?\n/)
    const rows = lines.map((l) => (/^\s{0,3}\|/.test(l) ? pipeCells(l) : undefined))
    if (rows.some((r) => r === undefined || r.length < Math.max(2, last.width - 1))) return false
    addTable(this.builder, {
      header: last.header,
      rows: rows.map((cells, i) => ({
        cells: cells!.slice(0, last.width).map((c) => cellOf(phrasing(c), c)),
        line: line + i,
        raw: lines[i]!.trim(),
      })),
      line,
    })
    last.end = line + lines.length - 1
    return true
  }

  private listItem(item: ListItem): ListItemInput | undefined {
    const [first, ...rest] = item.children
    if (first?.type !== 'paragraph') return undefined
    const { text, anchor } = plainText(first.children)
    // `* 1000` / `: Authentication failed` parses as one paragraph.
    const split = /\n[ \t]*:[ \t]+/.exec(text)
    let term = split ? text.slice(0, split.index) : (text.split('\n')[0] ?? '')
    let definition = split ? text.slice(split.index + split[0].length) : undefined
    const more: string[] = []
    for (const child of rest) {
      // MDN: `- term` then a nested `  - : definition`.
      if (definition === undefined && child.type === 'list' && child.children.length === 1) {
        const inner = child.children[0]!
        const p = inner.children[0]
        const innerText = p?.type === 'paragraph' ? plainText(p.children).text : ''
        if (innerText.startsWith(': ')) {
          definition = innerText.slice(2)
          for (const c of inner.children.slice(1)) more.push(sourceOf(c, this.source).trim())
          continue
        }
      }
      more.push(sourceOf(child, this.source).trim())
    }
    if (!split && definition === undefined) term = term.trim()
    const line = this.line(item)
    return {
      term,
      ...(definition !== undefined ? { definition } : {}),
      ...(more.length ? { description: more.filter(Boolean).join('\n\n') } : {}),
      line,
      raw: (this.lines[line - 1] ?? '').trim(),
      ...(anchor !== undefined ? { anchor } : {}),
    }
  }

  private list(list: List): void {
    const items = list.children.map((item) => this.listItem(item))
    const found = addListItems(
      this.builder,
      items.filter((i): i is ListItemInput => i !== undefined),
    )
    if (found > 0) return
    // A list of prose may hold a list of errors one level down.
    for (const item of list.children) {
      for (const child of item.children) if (child.type === 'list') this.list(child)
    }
  }

  private paragraph(node: Paragraph): void {
    if (this.dl?.at) {
      const text = normalizeSpace(plainText(node.children).text)
      if (this.dl.at === 'dt') this.dl.term ??= { text: '', line: this.line(node) }
      if (this.dl.at === 'dt') this.dl.term!.text += ` ${text}`
      else this.dl.definition.push(text)
      return
    }
    if (this.tableContinued(node)) return
    const { text, anchor } = plainText(node.children)
    const plain = text.trim()
    const line = this.line(node)
    const meaningful = node.children.filter(
      (c) => c.type !== 'html' && !(c.type === 'text' && !c.value.trim()),
    )
    const symbolOnly =
      meaningful.length === 1 &&
      meaningful[0]!.type === 'strong' &&
      /^[A-Z][A-Za-z0-9]*_[A-Za-z0-9_]+$/.test(plain)
    const boldOnly = meaningful.length === 1 && meaningful[0]!.type === 'strong'
    if (boldOnly && !this.sections.inEntry && codeKind(plain) && isProseCode(plain))
      this.boldCode = { code: plain, line, ...(anchor !== undefined ? { anchor } : {}) }
    if (symbolOnly) {
      this.flushBlock()
      this.block = { symbol: plain, line, ...(anchor !== undefined ? { anchor } : {}) }
      return
    }
    if (this.block) {
      if (this.block.code === undefined) {
        const m = /^(-?\d{1,15}|0x[0-9A-Fa-f]{1,16})(?:\s*\(\s*0x[0-9A-Fa-f]{1,16}\s*\))?$/.exec(
          plain,
        )
        if (m) {
          this.block.code = m[1]!
          return
        }
        this.block = undefined
      } else {
        const b = this.block
        this.block = undefined
        this.builder.addRow({
          code: b.code!,
          symbol: b.symbol,
          line: b.line,
          message: plain.replace(/\s+/g, ' '),
          ...(b.anchor !== undefined ? { anchor: b.anchor, label: b.symbol } : {}),
        })
        return
      }
    }
    if (this.sections.inEntry) {
      // Under an error heading: a name alone in bold is its symbol; `Example:`
      // and one code span is the message the API sends.
      const name = /^[A-Za-z][A-Za-z0-9_]{2,79}$/.test(plain) && /_|[a-z][A-Z]/.test(plain)
      if (name && meaningful.length === 1 && meaningful[0]!.type === 'strong') {
        if (this.sections.symbol(plain)) return
      }
      const example = /^(?:examples?|sample|message)(?:\s*:)?\s*`([^`]*)`$/i.exec(plain)
      if (example && this.sections.example(example[1]!)) return
    }
    if (this.sections.text(plain, sourceOf(node, this.source))) return
    // A definition outside a list: `1000` / `: Authentication failed`.
    const split = /\n[ \t]*:[ \t]+/.exec(text)
    if (split) {
      addListItems(this.builder, [
        {
          term: text.slice(0, split.index),
          definition: text.slice(split.index + split[0].length),
          line,
          raw: (this.lines[line - 1] ?? '').trim(),
        },
      ])
    }
  }

  /**
   * A list right after a code in bold, every item a `Name: value` field
   * (`- **Message**: text`): one entry, its parts named by the fields (see
   * field-list.ts). Returns whether the list was read so.
   */
  private fieldList(bold: { code: string; line: number; anchor?: string }, list: List): boolean {
    const fields: Field[] = []
    for (const item of list.children) {
      const [first, ...rest] = item.children
      if (first?.type !== 'paragraph') return false
      const field = parseField(plainText(first.children).text)
      if (!field) return false
      const more = rest.map((c) => dedent(sourceOf(c, this.source))).filter(Boolean)
      fields.push(more.length ? { ...field, more: more.join('\n\n') } : field)
    }
    const parts = fieldListEntry(fields)
    if (!parts) return false
    // The bold line was also a Win32-style symbol waiting for its code line.
    if (this.block?.line === bold.line) this.block = undefined
    this.flushBlock()
    this.builder.addRow({
      code: bold.code,
      line: bold.line,
      ...parts,
      ...(bold.anchor !== undefined ? { anchor: bold.anchor, label: bold.code } : {}),
    })
    return true
  }

  /**
   * Follows `<dl>`, `<dt>`, `<dd>` tags in an HTML block that leaves one of
   * them open (the Markdown between the blocks is the term or definition).
   * Returns whether the block was such a tag block.
   */
  private definitionTags(html: string): boolean {
    const tags = [...html.matchAll(/<(\/?)(dl|dt|dd)\b[^>]{0,200}>/gi)]
    if (tags.length === 0) return false
    const opens = tags.filter((t) => t[1] === '' && t[2]!.toLowerCase() !== 'dl').length
    const closes = tags.filter((t) => t[1] === '/' && t[2]!.toLowerCase() !== 'dl').length
    // Every <dt>/<dd> closed in the block itself: a whole list, for the HTML reader.
    if (!this.dl && opens === closes) return false
    // Text inside the block itself (`<dt>TERM</dt>`) is for the HTML reader too.
    if (html.replace(/<[^>]{0,400}>/g, '').trim() !== '') return false
    for (const t of tags) {
      const name = t[2]!.toLowerCase()
      const closing = t[1] === '/'
      this.dl ??= { items: [], definition: [] }
      const dl = this.dl
      if (name === 'dl') {
        if (closing) this.flushDefinitions()
      } else if (!closing) {
        if (name === 'dt') this.definitionItem()
        dl.at = name as 'dt' | 'dd'
      } else dl.at = undefined
    }
    return true
  }

  /** Ends the term and definition read so far as one item. */
  private definitionItem(): void {
    const dl = this.dl
    if (!dl?.term) return
    const term = dl.term.text.trim()
    dl.items.push({
      term,
      definition: dl.definition.join(' '),
      line: dl.term.line,
      raw: (this.lines[dl.term.line - 1] ?? '').trim(),
    })
    dl.term = undefined
    dl.definition = []
  }

  private flushDefinitions(): void {
    if (!this.dl) return
    this.definitionItem()
    const items = this.dl.items
    this.dl = undefined
    if (items.length > 0) addListItems(this.builder, items)
  }

  private flushBlock(): void {
    const b = this.block
    this.block = undefined
    if (b?.code !== undefined) {
      this.builder.addRow({
        code: b.code,
        symbol: b.symbol,
        line: b.line,
        ...(b.anchor !== undefined ? { anchor: b.anchor, label: b.symbol } : {}),
      })
    }
  }
}

/** Lines of a nested block without the indentation they share. */
function dedent(text: string): string {
  const lines = text.split('\n')
  const common = lines.reduce(
    (min, l) => (l.trim() ? Math.min(min, l.length - l.trimStart().length) : min),
    Number.MAX_SAFE_INTEGER,
  )
  return lines
    .map((l) => l.slice(Math.min(common, l.length - l.trimStart().length)))
    .join('\n')
    .trim()
}
