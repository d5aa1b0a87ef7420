// Markdown → mdast, with GFM (tables, strikethrough, footnotes, task lists)
// and front matter, as every Markdown-based importer reads it.
import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfm } from 'micromark-extension-gfm'

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

type MicromarkExtension = ReturnType<typeof gfm>

// GFM autolink literals (bare `www.x.com` becoming links) are left out: they
// add nothing to an import (the URL's text stays), and their tokenizer is
// quadratic once a `[` stays unbalanced (a JSON array, a long line), which
// turned a 64 KB page into seconds of parsing. See
// syntax-tree/mdast-util-gfm-autolink-literal#8 and its micromark sibling.
const AUTOLINK_LITERALS = new Set(['emailAutolink', 'protocolAutolink', 'wwwAutolink'])

function gfmWithoutAutolinkLiterals(): MicromarkExtension {
  const extension = gfm()
  const text: NonNullable<MicromarkExtension['text']> = {}
  for (const [code, constructs] of Object.entries(extension.text ?? {})) {
    const list = (Array.isArray(constructs) ? constructs : [constructs]).filter(
      (c): c is NonNullable<typeof c> => c !== undefined && !AUTOLINK_LITERALS.has(c.name ?? ''),
    )
    if (list.length > 0) text[Number(code)] = list
  }
  return { ...extension, text }
}

const GFM = gfmWithoutAutolinkLiterals()
const GFM_MDAST = gfmFromMarkdown().filter((e) => !('literalAutolink' in (e.enter ?? {})))

export function parseMarkdownTree(text: string): Root {
  return fromMarkdown(text, {
    extensions: [GFM, frontmatter(['yaml', 'toml'])],
    mdastExtensions: [...GFM_MDAST, frontmatterFromMarkdown(['yaml', 'toml'])],
  })
}
