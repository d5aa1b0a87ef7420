// Markdown → mdast, with GFM (tables, strikethrough, footnotes, task lists)
// and front matter, as every Markdown-based importer reads it.
import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'

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

// Only the GFM parts an error page needs: tables and strikethrough. Autolink
// literals (bare `www.x.com` becoming links) are left out on purpose: they add
// nothing to an import, and their tokenizer is quadratic once a `[` stays
// unbalanced (a JSON array, a long line), which turned a 64 KB page into
// seconds of parsing (syntax-tree/mdast-util-gfm-autolink-literal#8).
const GFM = [gfmTable(), gfmStrikethrough()]
const GFM_MDAST = [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown()]

export function parseMarkdownTree(text: string): Root {
  return fromMarkdown(text, {
    extensions: [...GFM, frontmatter(['yaml', 'toml'])],
    mdastExtensions: [...GFM_MDAST, frontmatterFromMarkdown(['yaml', 'toml'])],
  })
}
