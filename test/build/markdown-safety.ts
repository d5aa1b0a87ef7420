// What the Markdown target promises, checked on its output with the GFM
// parser the repository already has: the MDX compiler and Python-Markdown are
// not installed here, so their hazards are checked on the GFM tree instead.
// Nothing parses as HTML but errcat's own anchors; no text holds a raw `<`,
// `{` or `}` (MDX would open JSX or an expression there); every code block is
// fenced (MDX has no indented code) and outside lists and quotes (where
// Python-Markdown does not see fences); no line starts MDX's ESM; every table
// row has as many cells as its header.
import assert from 'node:assert/strict'
import type { Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'

export interface CheckedPage {
  tree: Root
  /** Headings as plain text, with their depth. */
  headings: { depth: number; text: string }[]
  /** The ids of errcat's `<a id>` anchors, in order. */
  anchors: string[]
  /** Per table: the header's cell count and each body row's. */
  tables: { columns: number; rows: number[] }[]
  /** Every link destination. */
  links: string[]
  /** The plain text of every paragraph, table cell and list item, decoded. */
  text: string
}

const ANCHOR = /^<a id="([^"<>&{}]+)" name="\1">$/

export function checkMarkdown(source: string, where = 'page'): CheckedPage {
  const tree = fromMarkdown(source, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  })
  const page: CheckedPage = { tree, headings: [], anchors: [], tables: [], links: [], text: '' }
  // The source with code, errcat's anchors and link destinations blanked out: what is left is
  // text and Markdown punctuation, where MDX and Docusaurus must find nothing of theirs.
  const scanned = [...source]
  const blank = (from: number, to: number) => scanned.fill(' ', from, to)
  const codeLines = new Set<number>()

  const visit = (node: Nodes, containers: string[]) => {
    const start = node.position?.start.offset ?? 0
    const end = node.position?.end.offset ?? 0
    const slice = source.slice(start, end)
    switch (node.type) {
      case 'html': {
        const match = ANCHOR.exec(node.value)
        assert.ok(match || node.value === '</a>', `${where}: HTML from catalog text: ${node.value}`)
        if (match) page.anchors.push(match[1]!)
        blank(start, end)
        break
      }
      case 'code':
        assert.match(slice, /^(`{3,}|~{3,})/, `${where}: indented code, which MDX lacks`)
        assert.deepEqual(containers, [], `${where}: a fence inside ${containers.join(' > ')}`)
        for (let l = node.position!.start.line; l <= node.position!.end.line; l++) codeLines.add(l)
        blank(start, end)
        break
      case 'inlineCode':
        blank(start, end)
        break
      case 'definition':
        assert.equal(node.label, '//', `${where}: a link definition from catalog text`)
        blank(start, end)
        break
      case 'link':
      case 'image':
        // GFM's literal autolinks (`https://…` in text) are found after parsing and have no position.
        if (node.position) {
          assert.ok(!slice.startsWith('<'), `${where}: an autolink, which MDX lacks`)
          blank(start + slice.lastIndexOf(']('), end)
        }
        page.links.push(node.url)
        break
      case 'heading':
        page.headings.push({ depth: node.depth, text: plainText(node) })
        break
      case 'table': {
        const [header, ...rows] = node.children
        page.tables.push({
          columns: header!.children.length,
          rows: rows.map((r) => r.children.length),
        })
        for (const row of rows)
          assert.equal(row.children.length, header!.children.length, `${where}: a table row`)
        break
      }
    }
    if ('children' in node) {
      const inside =
        node.type === 'list' || node.type === 'blockquote' ? [...containers, node.type] : containers
      for (const child of node.children) visit(child as Nodes, inside)
    }
  }
  visit(tree, [])

  const lines = source.split('\n')
  scanned
    .join('')
    .replace(/\\[\s\S]/g, '  ')
    .split('\n')
    .forEach((line, i) => {
      const at = `${where}:${i + 1}`
      assert.doesNotMatch(line, /[<{}]/, `${at}: MDX would read JSX or an expression: ${line}`)
      assert.doesNotMatch(line, /:[A-Za-z:]/, `${at}: a Docusaurus directive: ${line}`)
      if (!codeLines.has(i + 1))
        assert.doesNotMatch(lines[i]!, /^(?:import|export)\s/, `${at}: MDX would read ESM`)
    })
  page.text = plainText(tree)
  return page
}

export function plainText(node: Nodes): string {
  if ('value' in node && node.type !== 'html') return node.value
  return 'children' in node ? node.children.map((c) => plainText(c as Nodes)).join('') : ''
}
