// Choosing the message language: Accept-Language negotiation (RFC 9110
// §12.5.4 weights, RFC 4647 lookup with truncation), then, per error, the
// first locale of the chain that the error is translated into. The chosen
// locale goes into Content-Language, so it always names the language of the
// message actually sent.
import type { ErrorDefinition, LocaleConfig } from './definition.ts'

/** The locales to try for one request, best first; always ends with the default locale. */
export type LocaleChain = readonly string[]

interface Range {
  tag: string
  q: number
}

const RANGE = /^(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/
const MAX_RANGES = 32
/**
 * Longer than any real tag (RFC 5646 §4.4.1 asks for 35 characters), and short enough that
 * trying each truncation of one (`negotiate`) stays cheap: a 16 KB range has 5,000 of them.
 */
const MAX_TAG_LENGTH = 128
const CACHE_LIMIT = 512

/** Parses an Accept-Language value into ranges by descending weight; q=0, malformed and over-long entries are dropped. */
export function parseAcceptLanguage(header: string): Range[] {
  const ranges: Range[] = []
  for (const entry of header.split(',', MAX_RANGES)) {
    const [rawTag = '', ...parameters] = entry.split(';')
    const tag = rawTag.trim()
    if (tag.length > MAX_TAG_LENGTH || !RANGE.test(tag)) continue
    let q = 1
    for (const parameter of parameters) {
      const [name, value] = parameter.split('=')
      if (name?.trim().toLowerCase() !== 'q') continue
      q = /^\s*(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/.test(value ?? '') ? Number(value) : -1
    }
    if (q > 0) ranges.push({ tag, q })
  }
  // Array.prototype.sort is stable: equal weights keep the client's order.
  return ranges.sort((a, b) => b.q - a.q)
}

/** Truncations of a tag, longest first: `zh-Hant-TW` → `zh-Hant`, `zh`. */
function truncations(tag: string): string[] {
  const out: string[] = []
  const parts = tag.split('-')
  for (let n = parts.length - 1; n > 0; n--) {
    // RFC 4647 §3.4: never leave a single-letter subtag (an extension marker) at the end.
    if (parts[n - 1]!.length === 1) continue
    out.push(parts.slice(0, n).join('-'))
  }
  return out
}

/**
 * Builds the negotiator for a catalog: `(acceptLanguage) => chain`. Results
 * are cached per header value, since clients send the same few values.
 */
export function createLocaleNegotiator(
  config: LocaleConfig,
  defaultLocale: string,
): (header: string | null | undefined) => LocaleChain {
  const fallback = config.fallback ?? {}
  // Locales a client may ask for: translated ones, and ones the catalog gives a fallback chain.
  const known = new Map<string, string>()
  for (const locale of [defaultLocale, ...config.available, ...Object.keys(fallback)])
    known.set(locale.toLowerCase(), locale)
  const chains = new Map<string, LocaleChain>()
  const chainOf = (locale: string): LocaleChain => {
    let chain = chains.get(locale)
    if (!chain) {
      chain = buildChain(locale, fallback, defaultLocale)
      chains.set(locale, chain)
    }
    return chain
  }
  const defaultChain = chainOf(defaultLocale)
  const cache = new Map<string, LocaleChain>()

  return (header) => {
    if (!header) return defaultChain
    let chain = cache.get(header)
    if (chain) return chain
    const locale = negotiate(parseAcceptLanguage(header), known, defaultLocale)
    chain = chainOf(locale)
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(header, chain)
    return chain
  }
}

function negotiate(ranges: Range[], known: Map<string, string>, defaultLocale: string): string {
  for (const { tag } of ranges) {
    if (tag === '*') return defaultLocale
    const lower = tag.toLowerCase()
    for (const candidate of [lower, ...truncations(lower)]) {
      const match = known.get(candidate)
      if (match) return match
    }
    // `pt` accepts any Portuguese: take a regional locale when the catalog has only that.
    for (const [lowerKnown, locale] of known) if (lowerKnown.startsWith(`${lower}-`)) return locale
  }
  return defaultLocale
}

/** `pt-BR` with `fallback: {pt-BR: [pt-PT]}` → `pt-BR, pt-PT, pt, en`. */
export function buildChain(
  locale: string,
  fallback: Readonly<Record<string, readonly string[]>>,
  defaultLocale: string,
): LocaleChain {
  const explicit = [locale, ...(Object.hasOwn(fallback, locale) ? fallback[locale]! : [])]
  const chain = new Set<string>(explicit)
  for (const l of explicit) for (const t of truncations(l)) chain.add(t)
  chain.add(defaultLocale) // a no-op when the catalog's chain already placed it
  return [...chain]
}

/** The first locale of the chain that the error has a message in; the default locale otherwise. */
export function pickTranslation(definition: ErrorDefinition, chain: LocaleChain): string {
  const defaultLocale = definition.catalog.locale
  const messages = definition.messages
  if (messages) {
    for (const locale of chain) {
      if (locale === defaultLocale) return locale
      if (Object.hasOwn(messages, locale)) return locale
    }
  }
  return defaultLocale
}
