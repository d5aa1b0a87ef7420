import type { LoadedError } from '../../catalog/model.ts'
import { errorAt, where } from '../locate.ts'
import { nextFreeCode } from '../ranges.ts'
import type { Rule } from '../rule.ts'

export const duplicateCode: Rule = {
  id: 'duplicate-code',
  severity: 'error',
  description:
    'Two errors share a numeric code, across all included files. Clients switch on the code, so one of them can never be told apart.',
  hint: 'Give one of the errors a free code. If both mean the same thing, merge them.',
  check(catalog, report) {
    const first = new Map<number, LoadedError>()
    for (const error of catalog.errors) {
      // Reuse of an obsolete error's code is obsolete-reuse's finding.
      if (error.code === undefined || error.obsolete) continue
      const previous = first.get(error.code)
      if (!previous) {
        first.set(error.code, error)
        continue
      }
      const group = catalog.groups.find((g) => g.id === error.group)
      const free = group ? nextFreeCode(catalog, group) : undefined
      report({
        message: `code ${error.code} of ${error.symbol} is already used by ${previous.symbol} (${where(errorAt(catalog, previous, 'code'))})`,
        at: errorAt(catalog, error, 'code'),
        error,
        ...(free !== undefined
          ? {
              hint: `Give ${error.symbol} a free code (${free} is the next free one in group ${group!.id}), or merge the two errors if they mean the same.`,
            }
          : {}),
      })
    }
  },
}
