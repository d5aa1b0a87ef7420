// readme.io exports: Markdown with `[block:parameters]` … `[/block]` holding
// a table as JSON. Keys are sparse and out of order (`"151-1"` before
// `"0-0"`, headers as `"h-0"`), cells hold Markdown and HTML
// (`<a name="9023">9032</a>`). Rows are read in row order, each at the line
// of its code cell's key; the Markdown around the blocks (headings above a
// block name its group) is read as Markdown.

import type { Importer, PageImport } from '../../find/page.ts'
import { PageBuilder } from '../../find/page-builder.ts'
import { addTable, type Cell, type TableRowInput } from '../../find/table-rows.ts'
import { lineLocator, readFrontMatter, splitLines } from '../../find/text.ts'
import { cellFromMarkdown } from './markdown-inline.ts'
import { expandMacros, parseMarkdownTree } from './markdown-tree.ts'
import type { Interleaved } from './markdown-walker.ts'
import { MarkdownWalker } from './markdown-walker.ts'

const OPEN = /^\[block:([A-Za-z][\w-]{0,40})\]\s*$/
const CLOSE = /^\[\/block\]\s*$/
// A cell key, wherever it sits (one per line in exports, all on one line in
// hand-written blocks).
const CELL_KEY = /"(h-\d{1,3}|\d{1,6}-\d{1,3})"\s*:/g
const STRING_ENTRY = /"((?:[^"\\]|\\.){1,60})"\s*:\s*"((?:[^"\\]|\\.)*)"/g

interface Block {
  type: string
  /** 1-based lines of `[block:…]` and `[/block]`. */
  start: number
  end: number
  json: string
}

export function findBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!)
    if (!open) continue
    let j = i + 1
    while (j < lines.length && !CLOSE.test(lines[j]!)) j++
    blocks.push({
      type: open[1]!,
      start: i + 1,
      end: j + 1,
      json: lines.slice(i + 1, j).join('\n'),
    })
    i = j
  }
  return blocks
}

/** The block's JSON; when it is not valid JSON, its `"key": "string"` pairs. */
function readJson(json: string): { data: Record<string, unknown>; strict: boolean } {
  try {
    const value: unknown = JSON.parse(json)
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return { data: value as Record<string, unknown>, strict: true }
    }
  } catch {
    // fall through to the lenient reading
  }
  const data: Record<string, string> = {}
  for (const m of json.matchAll(STRING_ENTRY)) {
    try {
      data[JSON.parse(`"${m[1]}"`)] = JSON.parse(`"${m[2]}"`)
    } catch {
      // a pair with a broken escape: leave it out
    }
  }
  return { data: { data }, strict: false }
}

function parametersTable(builder: PageBuilder, block: Block): void {
  const { data: json, strict } = readJson(block.json)
  if (!strict)
    builder.guess(
      block.start,
      'the [block:parameters] JSON is not valid; read its "key": "value" pairs',
    )
  const cellsData = (json.data && typeof json.data === 'object' ? json.data : {}) as Record<
    string,
    unknown
  >
  // Line of each key inside the block, for row lines.
  const keyLines = new Map<string, number>()
  const lineOf = lineLocator(block.json)
  for (const m of block.json.matchAll(CELL_KEY)) {
    if (!keyLines.has(m[1]!)) keyLines.set(m[1]!, block.start + lineOf(m.index))
  }
  const rows = new Map<number, Map<number, string>>()
  const header = new Map<number, string>()
  let width = typeof json.cols === 'number' && json.cols > 0 && json.cols <= 50 ? json.cols : 0
  for (const [key, value] of Object.entries(cellsData)) {
    const text = typeof value === 'string' ? value : value == null ? '' : String(value)
    const h = /^h-(\d{1,3})$/.exec(key)
    if (h) {
      header.set(Number(h[1]), text)
      width = Math.max(width, Number(h[1]) + 1)
      continue
    }
    const m = /^(\d{1,6})-(\d{1,3})$/.exec(key)
    if (!m) continue
    const [r, c] = [Number(m[1]), Number(m[2])]
    if (!rows.has(r)) rows.set(r, new Map())
    rows.get(r)!.set(c, text)
    width = Math.max(width, c + 1)
  }
  const cell = (text: string): Cell =>
    text.trim() === '' ? { text: '' } : cellFromMarkdown(text, parseMarkdownTree)
  const body: TableRowInput[] = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const values = rows.get(r)!
      const lines = [...values.keys()].map((c) => keyLines.get(`${r}-${c}`) ?? block.start)
      const line = keyLines.get(`${r}-0`) ?? Math.min(...lines)
      const raw = [...values.keys()]
        .sort((a, b) => a - b)
        .map((c) => `${JSON.stringify(`${r}-${c}`)}: ${JSON.stringify(values.get(c))}`)
        .join(', ')
      return {
        cells: Array.from({ length: width }, (_, c) => cell(values.get(c) ?? '')),
        line,
        raw,
      }
    })
  addTable(builder, {
    ...(header.size > 0
      ? { header: Array.from({ length: width }, (_, c) => cell(header.get(c) ?? '')) }
      : {}),
    rows: body,
    line: block.start,
  })
}

export function parseReadmeBlocks(input: string): PageImport {
  const lines = splitLines(input)
  const blocks = findBlocks(lines)
  // The Markdown around the blocks, with the blocks blanked out.
  const markdown = [...lines]
  for (const b of blocks) for (let l = b.start; l <= b.end; l++) markdown[l - 1] = ''
  const text = expandMacros(markdown.join('\n'))
  const builder = new PageBuilder('readme-blocks', readFrontMatter(lines).title)
  const interleaved: Interleaved[] = blocks.flatMap((block): Interleaved[] => {
    if (block.type === 'parameters')
      return [{ line: block.start, run: () => parametersTable(builder, block) }]
    if (block.type === 'api-header') {
      const title = readJson(block.json).data.title
      if (typeof title === 'string' && title.trim()) {
        return [{ line: block.start, run: (walker) => walker.heading(2, title, block.start) }]
      }
    }
    return []
  })
  const walker = new MarkdownWalker(builder, text, splitLines(text))
  walker.walk(parseMarkdownTree(text).children, interleaved)
  return builder.page
}

export function detectReadmeBlocks(text: string): number {
  return /^\[block:parameters\]\s*$/m.test(text) ? 0.95 : 0
}

export const readmeBlocksImporter: Importer = {
  format: 'readme-blocks',
  detect: detectReadmeBlocks,
  parse: parseReadmeBlocks,
}
