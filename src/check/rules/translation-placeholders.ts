import { listPlaceholders, placeholdersOf } from '../messages.ts'
import type { Rule } from '../rule.ts'

export const translationPlaceholders: Rule = {
  id: 'translation-placeholders',
  severity: 'error',
  description:
    "A translation uses other placeholders than the default message: a dropped one loses information, an extra one has no value at runtime (MySQL's message compiler checks the same).",
  hint: 'Use exactly the placeholders of the default message in every translation; only their order and the text around them change.',
  check(catalog, report) {
    for (const error of catalog.errors) {
      const source = placeholdersOf(error)
      if (!source) continue
      const expected = new Set(source.map((p) => p.name))
      for (const [locale, translation] of Object.entries(error.translations)) {
        const found = placeholdersOf(translation)
        if (!found) continue
        const names = new Set(found.map((p) => p.name))
        const missing = [...expected].filter((n) => !names.has(n))
        const extra = [...names].filter((n) => !expected.has(n))
        if (missing.length === 0 && extra.length === 0) continue
        const parts = [
          ...(missing.length ? [`lacks ${listPlaceholders(missing)}`] : []),
          ...(extra.length ? [`has ${listPlaceholders(extra)}, which the message does not`] : []),
        ]
        report({
          message: `${locale} translation of ${error.symbol} ${parts.join(' and ')}`,
          at: translation.at,
          error,
        })
      }
    }
  },
}
