import { errorAt, messageField } from '../locate.ts'
import type { Rule } from '../rule.ts'

/**
 * An identifier, not a sentence: no spaces, words joined by `_` or `.`, e.g.
 * `services_api_error_codes_rating_restriction` or `errors.auth.expired`.
 * A single word ("Unauthorized") or a word with a hyphen ("e-mail") is text.
 */
export function looksLikeI18nKey(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+$/.test(text.trim())
}

export const rawI18nKey: Rule = {
  id: 'raw-i18n-key',
  severity: 'warning',
  description:
    'A message or title is an untranslated i18n key (`services_api_error_codes_rating_restriction`, as Gengo ships for 2501 and 2502) instead of text a person can read.',
  hint: 'Write the sentence the key stands for; translations go in the locale files.',
  check(catalog, report) {
    for (const error of catalog.errors) {
      const rawMessage = looksLikeI18nKey(error.message)
      const rawTitle = looksLikeI18nKey(error.title)
      if (!rawMessage && !rawTitle) continue
      // Without a `message`, the message is the title: one finding, at the title.
      const message = rawMessage ? messageField(catalog, error) : undefined
      const which =
        message?.field === 'message' ? (rawTitle ? 'title and message' : 'message') : 'title'
      report({
        message: `the ${which} of ${error.symbol} ${which.includes(' and ') ? 'look' : 'looks'} like an i18n key, not text: \`${rawMessage ? error.message : error.title}\``,
        at: message?.at ?? errorAt(catalog, error, 'title'),
        error,
      })
    }
  },
}
