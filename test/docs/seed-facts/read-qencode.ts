// Seed 000, Qencode: front matter, then one HTML table whose columns are the
// `ERROR_*` name, the numeric value and a description.
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5'
import { afterFrontMatter, collapse, type PageRow, type PageTable } from './model.ts'

const COLUMNS = ['ERROR CODE', 'VALUE', 'DESCRIPTION']

const isElement = (node: T.Node): node is T.Element => 'tagName' in node

function* elements(node: T.ParentNode, tag: string): Generator<T.Element> {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue
    if (child.tagName === tag) yield child
    yield* elements(child, tag)
  }
}

const textOf = (node: T.Node): string =>
  node.nodeName === '#text'
    ? (node as T.TextNode).value
    : isElement(node)
      ? node.childNodes.map(textOf).join('')
      : ''

export function readQencode(text: string): PageTable {
  const { body, lineOffset } = afterFrontMatter(text)
  const fragment = parseFragment(body, { sourceCodeLocationInfo: true })
  const tables = [...elements(fragment, 'table')]
  if (tables.length !== 1) throw new Error(`expected one table, found ${tables.length}`)
  const header = [...elements(tables[0]!, 'th')].map((th) => collapse(textOf(th)))
  if (header.join('|') !== COLUMNS.join('|'))
    throw new Error(`unexpected columns: ${header.join(', ')}`)
  const rows: PageRow[] = []
  for (const tbody of elements(tables[0]!, 'tbody'))
    for (const tr of elements(tbody, 'tr')) {
      const cells = [...elements(tr, 'td')].map((td) => collapse(textOf(td)))
      if (cells.length !== COLUMNS.length)
        throw new Error(`row with ${cells.length} cells: ${cells.join(' | ')}`)
      const [name, value, description] = cells as [string, string, string]
      rows.push({
        id: value,
        line: (tr.sourceCodeLocation?.startLine ?? 0) + lineOffset,
        facts: [
          { name: 'VALUE', kind: 'code', value },
          { name: 'ERROR CODE', kind: 'symbol', value: name },
          { name: 'DESCRIPTION', kind: 'text', value: description },
        ],
      })
    }
  return { rows, blankRows: 0 }
}
