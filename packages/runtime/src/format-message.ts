// Evaluates a prebuilt message AST (see ./message.ts) for one locale.
// Rendering an error response must never throw: a missing value prints as
// `{name}` (typed factories make that a compile error, so it only happens
// with hand-built params), and a locale Intl rejects falls back to the
// runtime's default locale.
import type { Message, MessagePart } from './message.ts'

type Params = Readonly<Record<string, unknown>>

/** Renders `message` with `params` (an error's params object) in `locale`. */
export function formatMessage(message: Message, params: object, locale: string): string {
  return typeof message === 'string'
    ? message
    : formatParts(message, params as Params, locale, undefined)
}

function formatParts(
  parts: readonly MessagePart[],
  params: Params,
  locale: string,
  pound: number | undefined,
): string {
  let out = ''
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part
      continue
    }
    switch (part.type) {
      case 'arg': {
        const value = paramValue(params, part.name)
        out += value === undefined ? `{${part.name}}` : String(value)
        break
      }
      case 'number': {
        const value = paramValue(params, part.name)
        const n = toNumber(value)
        if (n === undefined) out += value === undefined ? `{${part.name}}` : String(value)
        else out += numberFormat(locale, part.options).format(part.scale ? n * part.scale : n)
        break
      }
      case 'date':
      case 'time': {
        const value = paramValue(params, part.name)
        const date =
          typeof value === 'number' || typeof value === 'string' ? new Date(value) : undefined
        if (!date || Number.isNaN(date.getTime()))
          out += value === undefined ? `{${part.name}}` : String(value)
        else out += dateFormat(locale, part.options ?? DEFAULT_DATE_OPTIONS[part.type]).format(date)
        break
      }
      case 'plural': {
        const value = paramValue(params, part.name)
        const n = toNumber(value)
        if (n === undefined) {
          out += value === undefined ? `{${part.name}}` : String(value)
          break
        }
        const shifted = n - (part.offset ?? 0)
        // `=N` matches the value before the offset; categories the value after it (ICU semantics).
        const chosen =
          caseOf(part.cases, `=${n}`) ??
          caseOf(part.cases, pluralRules(locale, part.ordinal === true).select(shifted)) ??
          caseOf(part.cases, 'other')
        if (chosen !== undefined)
          out += typeof chosen === 'string' ? chosen : formatParts(chosen, params, locale, shifted)
        break
      }
      case 'select': {
        const value = paramValue(params, part.name)
        const chosen =
          (value === undefined ? undefined : caseOf(part.cases, String(value))) ??
          caseOf(part.cases, 'other')
        if (chosen !== undefined)
          out += typeof chosen === 'string' ? chosen : formatParts(chosen, params, locale, pound)
        break
      }
      case 'pound':
        out += pound === undefined ? '#' : numberFormat(locale, undefined).format(pound)
        break
    }
  }
  return out
}

function paramValue(params: Params, name: string): unknown {
  // Own properties only: a param named `constructor` must not find Object.prototype's.
  return Object.hasOwn(params, name) ? (params[name] ?? undefined) : undefined
}

function caseOf(cases: Readonly<Record<string, Message>>, key: string): Message | undefined {
  return Object.hasOwn(cases, key) ? cases[key] : undefined
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value)
    return Number.isNaN(n) ? undefined : n
  }
  return undefined
}

const DEFAULT_DATE_OPTIONS: Record<'date' | 'time', Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'medium' },
}

// Intl constructors cost microseconds each; formatting with a cached one costs
// nanoseconds. Keys: the locale, and the options object itself (the generated
// module holds one options object per placeholder, so identity is stable).
const DEFAULT_KEY = {}
const numberFormats = new WeakMap<object, Map<string, Intl.NumberFormat>>()
const dateFormats = new WeakMap<object, Map<string, Intl.DateTimeFormat>>()
const cardinalRules = new Map<string, Intl.PluralRules>()
const ordinalRules = new Map<string, Intl.PluralRules>()

function cached<F>(
  cache: WeakMap<object, Map<string, F>>,
  key: object,
  locale: string,
  create: (locale: string | undefined) => F,
): F {
  let byLocale = cache.get(key)
  if (!byLocale) {
    byLocale = new Map()
    cache.set(key, byLocale)
  }
  let format = byLocale.get(locale)
  if (!format) {
    format = withValidLocale(locale, create)
    byLocale.set(locale, format)
  }
  return format
}

function withValidLocale<F>(locale: string, create: (locale: string | undefined) => F): F {
  try {
    return create(locale)
  } catch {
    return create(undefined)
  }
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions | undefined) {
  return cached(
    numberFormats,
    options ?? DEFAULT_KEY,
    locale,
    (l) => new Intl.NumberFormat(l, options),
  )
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  return cached(dateFormats, options, locale, (l) => new Intl.DateTimeFormat(l, options))
}

function pluralRules(locale: string, ordinal: boolean): Intl.PluralRules {
  const cache = ordinal ? ordinalRules : cardinalRules
  let rules = cache.get(locale)
  if (!rules) {
    rules = withValidLocale(
      locale,
      (l) => new Intl.PluralRules(l, { type: ordinal ? 'ordinal' : 'cardinal' }),
    )
    cache.set(locale, rules)
  }
  return rules
}
