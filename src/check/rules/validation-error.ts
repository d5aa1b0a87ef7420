import { errorAt, where } from '../locate.ts'
import type { Rule } from '../rule.ts'
import { statusCarriesMeaning } from '../status.ts'

export const validationError: Rule = {
  id: 'validation-error',
  severity: 'error',
  description:
    'At most one error may be marked `validation: true`: the adapters turn request-validation failures (Standard Schema, ajv) into it, with field violations. Several are an error; a validation error that is not 4xx is a warning.',
  hint: 'Keep `validation: true` on one 400 or 422 error.',
  check(catalog, report) {
    const validations = catalog.errors.filter((e) => e.validation)
    const [chosen, ...others] = validations
    for (const error of others) {
      report({
        message: `${error.symbol} is marked validation, and so is ${chosen!.symbol} (${where(chosen!.at)}); only one can be`,
        at: errorAt(catalog, error, 'validation'),
        error,
      })
    }
    for (const error of validations) {
      if ((error.status >= 400 && error.status < 500) || !statusCarriesMeaning(catalog, error))
        continue
      report({
        message: `validation error ${error.symbol} has status ${error.status}; invalid requests are client errors`,
        at: errorAt(catalog, error, 'validation'),
        error,
        severity: 'warning',
        hint: 'Give it status 400 or 422.',
      })
    }
  },
}
