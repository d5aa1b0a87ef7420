import type { LoadedError } from '../../catalog/model.ts'
import { errorAt, where } from '../locate.ts'
import type { Rule } from '../rule.ts'

export const obsoleteReuse: Rule = {
  id: 'obsolete-reuse',
  severity: 'error',
  description:
    'An error uses the code or key of an obsolete error. Obsolete codes stay reserved forever: old clients, logs and support tickets still carry the old meaning.',
  hint: 'Give the new error a code or key that was never used; keep the obsolete entry as it is.',
  check(catalog, report) {
    const byCode = new Map<number, LoadedError>()
    const byKey = new Map<string, LoadedError>()
    for (const error of catalog.errors) {
      if (!error.obsolete) continue
      if (error.code !== undefined && !byCode.has(error.code)) byCode.set(error.code, error)
      if (error.key !== undefined && !byKey.has(error.key)) byKey.set(error.key, error)
    }
    if (byCode.size === 0 && byKey.size === 0) return
    for (const error of catalog.errors) {
      if (error.obsolete) continue
      const sameCode = error.code !== undefined ? byCode.get(error.code) : undefined
      if (sameCode) {
        report({
          message: `${error.symbol} reuses code ${error.code} of obsolete ${sameCode.symbol} (${where(sameCode.at)})`,
          at: errorAt(catalog, error, 'code'),
          error,
        })
      }
      const sameKey = error.key !== undefined ? byKey.get(error.key) : undefined
      if (sameKey) {
        report({
          message: `${error.symbol} reuses key \`${error.key}\` of obsolete ${sameKey.symbol} (${where(sameKey.at)})`,
          at: errorAt(catalog, error, 'key'),
          error,
        })
      }
    }
  },
}
