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
import { MarkdownWalker } from './markdown-walker.ts'
import { blankMdx, looksLikeMdx } from './mdx.ts'

export function parseMarkdown(input: string): PageImport {
  const lines = splitLines(input)
  const mdx = looksLikeMdx(lines)
  if (mdx) blankMdx(lines)
  const text = expandMacros(lines.join('\n'))
  const frontMatter = readFrontMatter(lines)
  const builder = new PageBuilder(mdx ? 'mdx' : 'markdown', frontMatter.title)
  const tree = parseMarkdownTree(text)
  new MarkdownWalker(builder, text, splitLines(text)).walk(tree.children)
  applyExampleMessages(builder.page, text)
  return builder.page
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
