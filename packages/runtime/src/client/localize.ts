// Localized messages from the bundles of `errcat build --target locales`:
// an index of locales and one JSON file per locale, loaded when first needed
// (a French user downloads fr.json, and en.json only if fr.json lacks an
// error). The chain is the server's (the bundle's `fallback`), and a message
// is formatted in the locale of the bundle it came from, as the server does,
// so both render the same text.
import { formatMessage } from '../format-message.ts'
import type { Message, MessagePart } from '../message.ts'
import type { ApiError } from './api-error.ts'
import type { ErrorShape } from './error-info.ts'

export interface LocalizerOptions {
  /**
   * Fetches a file of the bundle folder by name (`index.json`, `fr.json`) and returns its
   * parsed JSON: `(file) => fetch(`/locales/${file}`).then((r) => r.json())`, or a dynamic
   * import. A rejection counts as a missing bundle.
   */
  load(file: string): Promise<unknown>
}

export interface Localizer {
  /**
   * `error`'s message in the best of `locales` (a tag, or the user's list such as
   * `navigator.languages`). The message the response carried when no bundle has the
   * error, when it is not a catalog error, or when the params its text needs did not
   * come over the wire.
   */
  message(error: ApiError<ErrorShape>, locales: string | readonly string[]): Promise<string>
  /** The bundle locale chosen for `locales`, followed by its fallbacks. */
  chain(locales: string | readonly string[]): Promise<string[]>
}

interface LocaleIndex {
  default: string
  locales: Record<string, { file: string; fallback: string[] }>
}
interface Bundle {
  messages: Record<string, Message>
}

const FORMAT = 1

export function createLocalizer(options: LocalizerOptions): Localizer {
  const files = new Map<string, Promise<unknown>>()
  const load = (file: string) => {
    let pending = files.get(file)
    if (!pending) {
      pending = options.load(file).catch(() => undefined)
      files.set(file, pending)
    }
    return pending
  }
  const index = async () => validIndex(await load('index.json'))

  async function chain(locales: string | readonly string[]): Promise<string[]> {
    const known = await index()
    if (!known) return []
    const locale = negotiate(typeof locales === 'string' ? [locales] : locales, known)
    return [locale, ...(known.locales[locale]?.fallback ?? [])]
  }

  async function message(error: ApiError<ErrorShape>, locales: string | readonly string[]) {
    const symbol = error.symbol
    const known = await index()
    if (symbol === undefined || !known) return error.message
    for (const locale of await chain(locales)) {
      const entry = known.locales[locale]
      const bundle = entry && validBundle(await load(entry.file))
      if (!bundle || !Object.hasOwn(bundle.messages, symbol)) continue
      const text = bundle.messages[symbol]!
      const params = error.params as Record<string, unknown>
      // Without its params the text would show `{name}`: the server's own message is better.
      if (!argNames(text).every((name) => Object.hasOwn(params, name))) return error.message
      return formatMessage(text, params, locale)
    }
    return error.message
  }

  return { message, chain }
}

/** RFC 4647 lookup over the bundle locales, then any regional variant, then the default. */
function negotiate(wanted: readonly string[], index: LocaleIndex): string {
  const byLower = new Map(Object.keys(index.locales).map((l) => [l.toLowerCase(), l]))
  for (const tag of wanted) {
    if (typeof tag !== 'string') continue
    const parts = tag.toLowerCase().split('-')
    for (let n = parts.length; n > 0; n--) {
      const match = byLower.get(parts.slice(0, n).join('-'))
      if (match) return match
    }
    for (const [lower, locale] of byLower) if (lower.startsWith(`${parts[0]}-`)) return locale
  }
  return index.default
}

/** The params a message reads. */
function argNames(message: Message, out: string[] = []): string[] {
  if (typeof message === 'string') return out
  for (const part of message as readonly MessagePart[]) {
    if (typeof part === 'string' || part.type === 'pound') continue
    out.push(part.name)
    if (part.type === 'plural' || part.type === 'select')
      for (const value of Object.values(part.cases)) argNames(value, out)
  }
  return out
}

function validIndex(value: unknown): LocaleIndex | undefined {
  const index = value as Partial<LocaleIndex> | undefined
  return index &&
    (index as { format?: unknown }).format === FORMAT &&
    typeof index.default === 'string' &&
    typeof index.locales === 'object'
    ? (index as LocaleIndex)
    : undefined
}

function validBundle(value: unknown): Bundle | undefined {
  const bundle = value as Partial<Bundle> | undefined
  return bundle &&
    (bundle as { format?: unknown }).format === FORMAT &&
    typeof bundle.messages === 'object' &&
    bundle.messages !== null
    ? (bundle as Bundle)
    : undefined
}
