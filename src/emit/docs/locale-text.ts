// Catalog text in one of its locales: messages follow the catalog's fallback
// chain, as the server runtime does when it negotiates Accept-Language.
import type { LoadedCatalog, LoadedError } from '../../catalog/model.ts'

/** The message in `locale`, following the catalog's fallback chain; marked with its language. */
export function messageIn(
  catalog: LoadedCatalog,
  error: LoadedError,
  locale: string,
): { text: string; lang?: string } {
  const chain = [locale, ...(catalog.locales.fallback[locale] ?? [])]
  for (const candidate of chain) {
    if (candidate === catalog.locales.default) break
    const translation = error.translations[candidate]
    if (translation) return { text: translation.message, lang: candidate }
  }
  return { text: error.message, lang: catalog.locales.default }
}

/** A locale's name, in `inLocale`: `ja` in `ja` is 日本語. */
export function localeName(locale: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(locale) ?? locale
  } catch {
    return locale
  }
}
