import type { LoadedError } from '../../catalog/model.ts'
import { errorAt, where } from '../locate.ts'
import type { Rule } from '../rule.ts'

/** What stays of an identifier once case and separators are gone: `BAD_TOKEN` → `badtoken`. */
function folded(id: string): string {
  return id.replace(/[-_.:]/g, '').toLowerCase()
}

export const symbolCaseCollision: Rule = {
  id: 'symbol-case-collision',
  severity: 'error',
  description:
    'Two symbols (or two keys) differ only in case or separators, e.g. `BAD_TOKEN` and `BADTOKEN`. Generated names, docs anchors and files on case-insensitive systems collide, and people confuse them.',
  hint: 'Rename one of them so that the two read differently.',
  check(catalog, report) {
    const symbols = new Map<string, LoadedError>()
    const keys = new Map<string, LoadedError>()
    for (const error of catalog.errors) {
      const symbol = folded(error.symbol)
      const bySymbol = symbols.get(symbol)
      if (!bySymbol) symbols.set(symbol, error)
      else {
        report({
          message: `symbol ${error.symbol} differs from ${bySymbol.symbol} (${where(bySymbol.at)}) only in case or underscores`,
          at: error.at,
          error,
        })
      }
      if (error.key === undefined) continue
      const key = folded(error.key)
      const byKey = keys.get(key)
      if (!byKey) keys.set(key, error)
      // Identical keys are duplicate-key's finding.
      else if (byKey.key !== error.key) {
        report({
          message: `key \`${error.key}\` of ${error.symbol} differs from \`${byKey.key}\` of ${byKey.symbol} (${where(errorAt(catalog, byKey, 'key'))}) only in case or separators`,
          at: errorAt(catalog, error, 'key'),
          error,
        })
      }
    }
  },
}
