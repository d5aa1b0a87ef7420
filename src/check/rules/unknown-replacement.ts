import type { LoadedError } from '../../catalog/model.ts'
import { errorAt } from '../locate.ts'
import type { Rule } from '../rule.ts'

export const unknownReplacement: Rule = {
  id: 'unknown-replacement',
  severity: 'error',
  description:
    '`deprecated.replacedBy` must name the symbol of a live error: not an unknown symbol, not an obsolete error, not the error itself. A replacement that is itself deprecated is a warning: point to the final one.',
  hint: 'Set `replacedBy` to the symbol of the error clients should handle instead.',
  check(catalog, report) {
    const bySymbol = new Map(catalog.errors.map((e) => [e.symbol, e]))
    let byCodeOrKey: Map<string, LoadedError> | undefined
    for (const error of catalog.errors) {
      const target = error.deprecated?.replacedBy
      if (target === undefined) continue
      const at = errorAt(catalog, error, 'deprecated', 'replacedBy')
      const replacement = bySymbol.get(target)
      if (!replacement) {
        // People often write the code or key they know; name the symbol for them.
        byCodeOrKey ??= new Map(
          catalog.errors.flatMap((e) => [
            ...(e.code !== undefined ? [[String(e.code), e] as const] : []),
            ...(e.key !== undefined ? [[e.key, e] as const] : []),
          ]),
        )
        const meant = byCodeOrKey.get(target)
        report({
          message: `${error.symbol} is replaced by \`${target}\`, which is not the symbol of any error`,
          at,
          error,
          ...(meant ? { hint: `\`replacedBy\` takes a symbol: write \`${meant.symbol}\`.` } : {}),
        })
      } else if (replacement === error) {
        report({ message: `${error.symbol} names itself as its replacement`, at, error })
      } else if (replacement.obsolete) {
        report({
          message: `${error.symbol} is replaced by ${target}, which is obsolete`,
          at,
          error,
          hint: `Point to the error that replaced ${target}${replacement.deprecated?.replacedBy ? ` (${replacement.deprecated.replacedBy}?)` : ''}.`,
        })
      } else if (replacement.deprecated) {
        const next = replacement.deprecated.replacedBy
        report({
          message: `${error.symbol} is replaced by ${target}, which is deprecated too`,
          at,
          error,
          severity: 'warning',
          hint: next
            ? `Point straight to ${next}, so clients migrate once.`
            : `Point to the error that clients should end up with.`,
        })
      }
    }
  },
}
