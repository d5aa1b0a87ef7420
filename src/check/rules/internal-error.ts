import { errorAt, where } from '../locate.ts'
import type { Rule } from '../rule.ts'
import { statusCarriesMeaning } from '../status.ts'

export const internalError: Rule = {
  id: 'internal-error',
  severity: 'error',
  description:
    'Exactly one error should be marked `internal: true`: the runtime turns every unknown exception into it, without its message or stack. None is a warning (the runtime falls back to a bare 500 without a catalog code); several are an error; a non-5xx internal error is a warning.',
  hint: 'Mark one 5xx error `internal: true`, e.g. `INTERNAL: { code: 1, status: 500, title: Internal error, internal: true }`.',
  check(catalog, report) {
    const internals = catalog.errors.filter((e) => e.internal)
    if (internals.length === 0) {
      if (catalog.errors.length === 0) return
      report({
        message: 'no error is marked `internal: true`; unknown exceptions will get no catalog code',
        at: catalog.locate(catalog.root, ['errors'], 'key'),
        severity: 'warning',
      })
      return
    }
    const [chosen, ...others] = internals
    for (const error of others) {
      report({
        message: `${error.symbol} is marked internal, and so is ${chosen!.symbol} (${where(chosen!.at)}); only one can be`,
        at: errorAt(catalog, error, 'internal'),
        error,
        hint: 'Keep `internal: true` on one error and remove it from the others.',
      })
    }
    for (const error of internals) {
      if (error.status >= 500 || !statusCarriesMeaning(catalog, error)) continue
      report({
        message: `internal error ${error.symbol} has status ${error.status}; unknown exceptions are server errors`,
        at: errorAt(catalog, error, 'internal'),
        error,
        severity: 'warning',
        hint: 'Give it status 500.',
      })
    }
  },
}
