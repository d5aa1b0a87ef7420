import type { LoadedError } from '../../catalog/model.ts'
import { errorAt, where } from '../locate.ts'
import type { Rule } from '../rule.ts'

export const duplicateKey: Rule = {
  id: 'duplicate-key',
  severity: 'error',
  description:
    'Two errors share a string key, across all included files. Clients switch on the key, so one of them can never be told apart.',
  hint: 'Give one of the errors its own key. If both mean the same thing, merge them.',
  check(catalog, report) {
    const first = new Map<string, LoadedError>()
    for (const error of catalog.errors) {
      // Reuse of an obsolete error's key is obsolete-reuse's finding.
      if (error.key === undefined || error.obsolete) continue
      const previous = first.get(error.key)
      if (!previous) {
        first.set(error.key, error)
        continue
      }
      report({
        message: `key \`${error.key}\` of ${error.symbol} is already used by ${previous.symbol} (${where(errorAt(catalog, previous, 'key'))})`,
        at: errorAt(catalog, error, 'key'),
        error,
      })
    }
  },
}
