// Evaluates a prebuilt message AST (see ./message.ts) for one locale.
// Rendering an error response must never throw: a missing value prints as
// `{name}` (typed factories make that a compile error, so it only happens
// with hand-built params), and so does a value that cannot be read or turned
// into text (a throwing getter or toString, a null-prototype object from a
// query parser, a revoked Proxy); a locale Intl rejects falls back to the
// runtime's default locale, and options it rejects to its default options.
import type { Message, MessagePart } from './message.ts'

type Params = Readonly<Record<string, unknown>>

/** Renders `message` with `params` (an error's params object) in `locale`. */
export function formatMessage(message: Message, params: object, locale: string): string {
  return typeof message === 'string'
    ? message
    : formatParts(message, params as Params, locale, undefined)
}

/** The value's text; undefined for a missing value, or one whose text cannot be had without throwing. */
function textOf(value: unknown): string | undefined {
  if (value === undefined) return undefined
  try {
    return String(value)
  } catch {
    return undefined
  }
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
        out += textOf(paramValue(params, part.name)) ?? `{${part.name}}`
        break
      }
      case 'number': {
        const value = paramValue(params, part.name)
        const n = toNumber(value)
        if (n === undefined) out += textOf(value) ?? `{${part.name}}`
        else out += numberFormat(locale, part.options).format(part.scale ? n * part.scale : n)
        break
      }
      case 'date':
      case 'time': {
        const value = paramValue(params, part.name)
        const date =
          typeof value === 'number' || typeof value === 'string' ? new Date(value) : undefined
        if (!date || Number.isNaN(date.getTime())) out += textOf(value) ?? `{${part.name}}`
        else out += dateFormat(locale, part.options ?? DEFAULT_DATE_OPTIONS[part.type]).format(date)
        break
      }
      case 'plural': {
        const value = paramValue(params, part.name)
        const n = toNumber(value)
        if (n === undefined) {
          out += textOf(value) ?? `{${part.name}}`
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
        const key = textOf(paramValue(params, part.name))
        const chosen =
          (key === undefined ? undefined : caseOf(part.cases, key)) ?? caseOf(part.cases, 'other')
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
  try {
    // Own properties only: a param named `constructor` must not find Object.prototype's.
    return Object.hasOwn(params, name) ? (params[name] ?? undefined) : undefined
  } catch {
    return undefined // a getter or Proxy trap that throws: as if the param were missing
  }
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

// Options come from the catalog's skeletons (`::currency/ABCDE`, 150 fraction digits), which
// Intl may reject in any locale: such a placeholder is formatted with the defaults.
function numberFormat(locale: string, options: Intl.NumberFormatOptions | undefined) {
  return cached(numberFormats, options ?? DEFAULT_KEY, locale, (l) => {
    try {
      return new Intl.NumberFormat(l, options)
    } catch (error) {
      if (options === undefined) throw error
      return new Intl.NumberFormat(l)
    }
  })
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  return cached(dateFormats, options, locale, (l) => {
    try {
      return new Intl.DateTimeFormat(l, options)
    } catch {
      return new Intl.DateTimeFormat(l)
    }
  })
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
