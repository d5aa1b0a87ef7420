import type { Source } from '../../catalog/schema.ts'
import type { Rule } from '../rule.ts'

/**
 * Whether the anchor a page linked a row with disagrees with the code it
 * displayed: Seven Bridges links `#9023` but shows 9032. A numeric label must
 * appear among the anchor's numbers (`error-9023` is fine); other labels are
 * compared as slugs, one containing the other.
 */
export function anchorDisagrees(anchor: string, label: string): boolean {
  const trimmed = label.trim()
  if (/^\d+$/.test(trimmed)) return !(anchor.match(/\d+/g) ?? ([] as string[])).includes(trimmed)
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  const [a, l] = [slug(anchor), slug(trimmed)]
  return !a.includes(l) && !l.includes(a)
}

function pageLine(source: Source): string {
  return source.line !== undefined ? `page line ${source.line}` : 'the page'
}

export const anchorLabelMismatch: Rule = {
  id: 'anchor-label-mismatch',
  severity: 'warning',
  description:
    'In an imported draft, the page linked a row with an anchor that differs from the code it displayed (a typo on the page: one of the two is wrong).',
  hint: 'Find out which number the API really returns, set `code` to it, then delete `source` from the entry.',
  check(catalog, report) {
    for (const error of catalog.errors) {
      const { anchor, label } = error.source ?? {}
      if (anchor === undefined || label === undefined || !anchorDisagrees(anchor, label)) continue
      const kept = error.code ?? error.key
      report({
        message: `${error.symbol}: ${pageLine(error.source!)} links anchor #${anchor} but shows ${label}${kept !== undefined ? `; the draft uses ${kept}` : ''}`,
        at: error.at,
        error,
      })
    }
  },
}
