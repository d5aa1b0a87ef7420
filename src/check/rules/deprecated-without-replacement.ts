import { errorAt } from '../locate.ts'
import type { Rule } from '../rule.ts'

export const deprecatedWithoutReplacement: Rule = {
  id: 'deprecated-without-replacement',
  severity: 'warning',
  description:
    'A deprecated error names no `replacedBy` and gives no `note`: clients learn that it goes away, not what to handle instead.',
  hint: 'Add `replacedBy: <SYMBOL>` under `deprecated`, or a `note` saying why there is no replacement.',
  check(catalog, report) {
    for (const error of catalog.errors) {
      if (!error.deprecated || error.obsolete) continue
      if (error.deprecated.replacedBy || error.deprecated.note) continue
      report({
        message: `${error.symbol} is deprecated without \`replacedBy\``,
        at: errorAt(catalog, error, 'deprecated'),
        error,
      })
    }
  },
}
