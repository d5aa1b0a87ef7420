import type { Rule } from '../rule.ts'

export const translationMissing: Rule = {
  id: 'translation-missing',
  severity: 'info',
  description:
    "An error has no translation in a locale the catalog translates other errors into; users of that locale get the fallback (the default locale, or the locale's `fallback` chain). Obsolete and success entries are not reported.",
  hint: 'Add the translation to the locale file (or under `messages:`), or ignore this note until the translators catch up.',
  check(catalog, report) {
    const { default: defaultLocale, available, fallback } = catalog.locales
    const locales = available.filter((l) => l !== defaultLocale)
    if (locales.length === 0) return
    for (const error of catalog.errors) {
      if (error.obsolete || error.success) continue
      for (const locale of locales) {
        if (error.translations[locale]) continue
        const chain = [
          ...(fallback[locale] ?? []).filter((l) => l !== defaultLocale),
          defaultLocale,
        ]
        report({
          message: `${error.symbol} has no ${locale} translation (falls back to ${chain.join(', then ')})`,
          at: error.at,
          error,
        })
      }
    }
  },
}
