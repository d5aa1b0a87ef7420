import { errorAt } from '../locate.ts'
import { codePlacement, formatRange, nextFreeCode } from '../ranges.ts'
import type { Rule } from '../rule.ts'

export const codeOutsideGroupRange: Rule = {
  id: 'code-outside-group-range',
  severity: 'error',
  description:
    "An error's code lies outside its group's range (and in no other group's range), or its key lacks the group's prefix. Docs group errors by range, and the next team to number in that range may take the code.",
  hint: "Renumber the error inside its group's range, move it to the group that owns its code, or widen the range.",
  check(catalog, report) {
    const groups = new Map(catalog.groups.map((g) => [g.id, g]))
    for (const error of catalog.errors) {
      const group = error.group !== undefined ? groups.get(error.group) : undefined
      if (!group) continue
      if (error.code !== undefined) {
        const placement = codePlacement(catalog, error.code, group, error.file)
        if (placement.kind === 'outside') {
          const free = nextFreeCode(catalog, group)
          report({
            message: `code ${error.code} of ${error.symbol} is outside the range ${formatRange(placement.group.range)} of its group ${group.id}`,
            at: errorAt(catalog, error, 'code'),
            error,
            ...(free !== undefined
              ? {
                  hint: `Renumber it (${free} is free in ${group.id}), or widen the group's range.`,
                }
              : {}),
          })
        }
      }
      if (
        error.key !== undefined &&
        group.prefix !== undefined &&
        !error.key.startsWith(group.prefix)
      ) {
        report({
          message: `key \`${error.key}\` of ${error.symbol} lacks the prefix \`${group.prefix}\` of its group ${group.id}`,
          at: errorAt(catalog, error, 'key'),
          error,
          hint: `Rename the key to start with \`${group.prefix}\`, or move the error to the group whose prefix it has.`,
        })
      }
    }
  },
}
