import { errorAt } from '../locate.ts'
import type { Rule } from '../rule.ts'

export const obsoleteRuntimeError: Rule = {
  id: 'obsolete-runtime-error',
  severity: 'error',
  description:
    'An obsolete error is marked `internal` or `validation`: the runtime would keep answering with an error the catalog says is never sent any more.',
  hint: 'Move `internal: true` / `validation: true` to the live error that replaced it.',
  check(catalog, report) {
    for (const error of catalog.errors) {
      if (!error.obsolete) continue
      for (const role of ['internal', 'validation'] as const) {
        if (!error[role]) continue
        report({
          message: `${error.symbol} is obsolete but is the ${role} error`,
          at: errorAt(catalog, error, role),
          error,
        })
      }
    }
  },
}
