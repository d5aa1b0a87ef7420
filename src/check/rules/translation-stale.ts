import type { Rule } from '../rule.ts'

function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ')
  return JSON.stringify(line.length > 70 ? `${line.slice(0, 67)}...` : line)
}

export const translationStale: Rule = {
  id: 'translation-stale',
  severity: 'warning',
  description:
    'A translation records the default-locale message it was made from (`source`), and the message has changed since: the translation may say something else now.',
  hint: 'Update the translation, then set its `source` to the current message.',
  check(catalog, report) {
    for (const error of catalog.errors) {
      for (const [locale, translation] of Object.entries(error.translations)) {
        if (translation.source === undefined || translation.source === error.message) continue
        report({
          message: `${locale} translation of ${error.symbol} was made from ${quote(translation.source)}; the message is now ${quote(error.message)}`,
          at: translation.at,
          error,
        })
      }
    }
  },
}
