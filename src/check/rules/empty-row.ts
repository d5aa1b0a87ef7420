import type { Rule } from '../rule.ts'

export const emptyRow: Rule = {
  id: 'empty-row',
  severity: 'warning',
  description:
    'The page an imported draft came from has an empty table row or list item (recorded under `imported.skipped`). Readers of the page see a hole.',
  hint: 'Remove the empty row from the page (or fill it in), then delete the entry from `imported.skipped`.',
  check(catalog, report) {
    for (const { file, report: imported } of catalog.imported ?? []) {
      for (const [i, skipped] of (imported.skipped ?? []).entries()) {
        if (skipped.reason !== 'empty-row') continue
        report({
          message: `${imported.from} has an empty row at page line ${skipped.line}`,
          at: catalog.locate(file, ['imported', 'skipped', i]),
        })
      }
    }
  },
}
