// Markdown and MDX pages: GFM pipe tables (ragged rows, missing closing
// pipes, HTML in cells), one heading per error, bullet and definition lists,
// and HTML blocks (tables inside .md files), parsed with
// mdast-util-from-markdown so node positions give line numbers. Front matter
// gives the title and is otherwise ignored; MDX's ESM and JSX are blanked
// out first (see mdx.ts).
import { applyExampleMessages } from '../../find/example-messages.ts'
import type { Importer, PageImport } from '../../find/page.ts'
import { PageBuilder } from '../../find/page-builder.ts'
import { isDelimiterRow, readFrontMatter, splitLines } from '../../find/text.ts'
import { expandMacros, parseMarkdownTree } from './markdown-tree.ts'
import { type Interleaved, MarkdownWalker } from './markdown-walker.ts'
import { blankMdx, codeFenceTracker, looksLikeMdx } from './mdx.ts'

export function parseMarkdown(input: string): PageImport {
  const lines = splitLines(input)
  const mdx = looksLikeMdx(lines)
  if (mdx) blankMdx(lines)
  const joined = lines.join('\n')
  const text = expandMacros(joined)
  const frontMatter = readFrontMatter(lines)
  const builder = new PageBuilder(mdx ? 'mdx' : 'markdown', frontMatter.title)
  const { markdown, html } = setHtmlTablesApart(text)
  const tree = parseMarkdownTree(markdown)
  // The same lines unless macros were expanded: not split again.
  const textLines = text === joined ? lines : splitLines(text)
  new MarkdownWalker(builder, markdown, textLines).walk(tree.children, html)
  applyExampleMessages(builder.page, text)
  return builder.page
}

/**
 * HTML tables written over blank lines (a WordPress export: each `<td>` on
 * lines of its own, indented): Markdown ends an HTML block at a blank line
 * and reads the rest as code and paragraphs. Each such table, from its
 * `<table` line to its `</table>`, is read as one HTML block at its line; the
 * Markdown keeps its place as blank lines, so offsets and lines stay true.
 */
function setHtmlTablesApart(text: string): { markdown: string; html: Interleaved[] } {
  if (!/<table\b/i.test(text)) return { markdown: text, html: [] }
  const lines = text.split('\n')
  const html: Interleaved[] = []
  const inCode = codeFenceTracker()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (inCode(line) || !/^\s{0,3}<table\b/i.test(line) || /<\/table>/i.test(line)) continue
    let end = i + 1
    let blank = false
    while (end < lines.length && !/<\/table>/i.test(lines[end]!)) {
      if (lines[end]!.trim() === '') blank = true
      end++
    }
    if (end >= lines.length || !blank) {
      i = end
      continue
    }
    const value = lines.slice(i, end + 1).join('\n')
    const at = i + 1
    html.push({ line: at, run: (walker) => walker.html(value, at) })
    for (let k = i; k <= end; k++) lines[k] = lines[k]!.replace(/[^\r]/g, ' ')
    i = end
  }
  return { markdown: html.length ? lines.join('\n') : text, html }
}

/** Markdown structure: ATX headings, pipe-table delimiter rows, list items, front matter, MDX. */
export function detectMarkdown(text: string): number {
  const lines = splitLines(text.slice(0, 200_000))
  let headings = 0
  let tables = 0
  let lists = 0
  let definitions = 0
  for (const line of lines) {
    if (/^#{1,6}\s+\S/.test(line)) headings++
    else if (isDelimiterRow(line) && line.includes('|')) tables++
    else if (/^\s{0,3}[*+-]\s+\S/.test(line)) lists++
    else if (/^:\s+\S/.test(line)) definitions++
  }
  const frontMatter = readFrontMatter(lines).endLine > 0
  if (looksLikeMdx(lines)) return 0.75
  if (headings > 0 && (tables > 0 || lists > 0 || definitions > 0)) return 0.7
  if (frontMatter && (headings > 0 || tables > 0 || lists > 0)) return 0.65
  if (headings > 0) return 0.5
  if (tables > 0) return 0.45
  if (lists > 0 || definitions > 0) return 0.3
  return 0
}

export const markdownImporter: Importer = {
  format: 'markdown',
  detect: detectMarkdown,
  parse: parseMarkdown,
}
