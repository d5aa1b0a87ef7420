// Seed 002, Seven Bridges: a readme.io `[block:parameters]` table, JSON whose
// `"<row>-<col>"` cells are listed out of order. Column 0 is a section's range
// label (`**2xxx:**`) or the code inside `<a name="…">`; column 1 the section's
// title (bold) or the message.
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5'
import { type Fact, lineOf, type PageRow, type PageTable } from './model.ts'

/**
 * The page's published address. The seed is its source and does not carry it;
 * every row's "more info" link is this plus the row's anchor.
 */
export const SEVEN_BRIDGES_PAGE = 'https://docs.sevenbridges.com/docs/api-status-codes'

interface Block {
  data: Record<string, string>
  cols: number
  rows: number
}

const BOLD = /^\*\*(.+?)\*\*$/

export function readSevenBridges(text: string): PageTable {
  const open = '[block:parameters]'
  const start = text.indexOf(open)
  const end = text.indexOf('[/block]', start)
  if (start < 0 || end < 0) throw new Error('no [block:parameters] in the seed')
  const block = JSON.parse(text.slice(start + open.length, end)) as Block
  const { data } = block
  if (block.cols !== 2 || data['h-0'] !== 'Code' || data['h-1'] !== 'Description')
    throw new Error(`unexpected columns: ${data['h-0']}, ${data['h-1']}`)
  const rows: PageRow[] = []
  const seen = new Set<string>()
  let blankRows = 0
  let section: { range: string; title: string } | undefined
  for (let r = 0; r < block.rows; r++) {
    const code = data[`${r}-0`]?.trim() ?? ''
    const description = data[`${r}-1`]?.trim() ?? ''
    if (code === '' && description === '') {
      blankRows++
      continue
    }
    const line = lineOf(text, `"${r}-${code === '' ? 1 : 0}":`, start)
    const range = BOLD.exec(code)
    const title = BOLD.exec(description)
    if (range && title) {
      // A label's colon (`**2xxx:**`) leads into the rows; it is not part of the range.
      section = { range: range[1]!.replace(/:$/, ''), title: title[1]! }
      continue
    }
    const anchor = anchorOf(code)
    if (!anchor || !section) throw new Error(`seed line ${line}: not a code row: ${code}`)
    // A label the page repeats is a second row of that code: named by its row number.
    const id = seen.has(anchor.label) ? `${anchor.label} (page row ${r})` : anchor.label
    seen.add(anchor.label)
    const facts: Fact[] = [
      { name: 'Code', kind: 'code', value: anchor.label },
      { name: 'anchor', kind: 'anchor', value: anchor.name },
      { name: 'more info', kind: 'link', value: `${SEVEN_BRIDGES_PAGE}#${anchor.name}` },
      { name: 'Description', kind: 'text', value: description },
      { name: 'section', kind: 'section', value: section.title },
      { name: 'range', kind: 'range', value: section.range },
    ]
    rows.push({ id, line, facts })
  }
  return { rows, blankRows }
}

const isElement = (node: T.Node): node is T.Element => 'tagName' in node

/** `<a name="9023">9032</a>`: the anchor and the label the page shows, which may differ. */
function anchorOf(html: string): { name: string; label: string } | undefined {
  const nodes = parseFragment(html).childNodes
  const a = nodes.length === 1 && isElement(nodes[0]!) ? nodes[0] : undefined
  const name = a?.tagName === 'a' ? a.attrs.find((x) => x.name === 'name')?.value : undefined
  const text = a?.childNodes.length === 1 ? a.childNodes[0] : undefined
  if (name === undefined || text?.nodeName !== '#text') return undefined
  return { name, label: (text as T.TextNode).value }
}
