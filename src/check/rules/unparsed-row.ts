import type { Rule } from '../rule.ts'

function excerpt(raw: string): string {
  const line = raw.replace(/\s+/g, ' ').trim()
  return line.length > 80 ? `${line.slice(0, 77)}...` : line
}

export const unparsedRow: Rule = {
  id: 'unparsed-row',
  severity: 'warning',
  description:
    '`errcat import` could not turn a row of the page into an error (recorded under `imported.skipped`). The draft may be missing an error.',
  hint: 'Add the error by hand if the row is one, then delete the entry from `imported.skipped`.',
  check(catalog, report) {
    for (const { file, report: imported } of catalog.imported ?? []) {
      for (const [i, skipped] of (imported.skipped ?? []).entries()) {
        if (skipped.reason !== 'unparsed') continue
        report({
          message: `${imported.from} line ${skipped.line} was not understood${skipped.raw ? `: ${excerpt(skipped.raw)}` : ''}`,
          at: catalog.locate(file, ['imported', 'skipped', i]),
        })
      }
    }
  },
}
