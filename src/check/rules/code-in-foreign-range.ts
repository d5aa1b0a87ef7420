import type { LoadedGroup } from '../../catalog/model.ts'
import { errorAt } from '../locate.ts'
import { codePlacement, formatRange } from '../ranges.ts'
import type { Rule } from '../rule.ts'

function owner(group: LoadedGroup): string {
  const who = group.owner ? `owned by ${group.owner}, ` : ''
  return `group ${group.id} (${who}declared in ${group.file})`
}

export const codeInForeignRange: Rule = {
  id: 'code-in-foreign-range',
  severity: 'error',
  description:
    "An error's code lies in the range of a group it does not belong to, typically one that another included catalog (another service) owns. The two teams will hand out the same numbers.",
  hint: 'Renumber the error inside a range of its own file, or move it to the catalog that owns the range.',
  check(catalog, report) {
    const groups = new Map(catalog.groups.map((g) => [g.id, g]))
    for (const error of catalog.errors) {
      if (error.code === undefined) continue
      const group = error.group !== undefined ? groups.get(error.group) : undefined
      const placement = codePlacement(catalog, error.code, group, error.file)
      if (placement.kind !== 'foreign') continue
      // Foreign owners always have a range: that is how the code was placed in them.
      const range = formatRange(placement.owner.range!)
      const declared =
        placement.group && placement.group !== placement.owner
          ? `, but ${error.symbol} belongs to group ${placement.group.id}`
          : `, but ${error.symbol} is declared in ${error.file}`
      report({
        message: `code ${error.code} of ${error.symbol} is in the range ${range} of ${owner(placement.owner)}${declared}`,
        at: errorAt(catalog, error, 'code'),
        error,
      })
    }
  },
}
