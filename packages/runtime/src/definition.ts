// What the runtime knows about one catalog error, and about the catalog as a
// whole. Generated modules write these out as plain object literals; the
// build (src/emit/runtime-data.ts) is the only producer, so the runtime trusts
// their shape and does no validation on the hot path.
import type { ApiView } from './envelope/types.ts'
import type { EnvelopeWriter } from './envelope.ts'
import type { Message } from './message.ts'

/** Same spelling as the catalog's `retry`. */
export type RetrySpec =
  | 'never'
  | 'safe'
  | { readonly after: number }
  | { readonly afterParam: string }

/** An IETF RateLimit policy: `RateLimit-Policy: "<policy>";q=<quota>;w=<window>`. */
export interface RateLimitSpec {
  readonly policy: string
  readonly quota: number
  readonly window: number
}

/** What every error of one catalog shares; generated modules hold one per catalog. */
export interface CatalogScope {
  /** The catalog id (its `api.name`): type guards compare it. */
  readonly id: string
  /** The default locale, the language of `message`. */
  readonly locale: string
}

export interface ErrorDefinition {
  readonly catalog: CatalogScope
  readonly symbol: string
  readonly code?: number
  readonly key?: string
  readonly status: number
  readonly title: string
  /** The message in the catalog's default locale. */
  readonly message: Message
  /** Translations, by locale. */
  readonly messages?: Readonly<Record<string, Message>>
  /** Names of the declared params; absent when there are none. */
  readonly params?: readonly string[]
  /** Whether the message and params go on the wire. */
  readonly expose: boolean
  /** Whether creating the error captures a stack trace. */
  readonly stack: boolean
  readonly retry: RetrySpec
  readonly rateLimit?: RateLimitSpec
  /** RFC 9457 problem `type`. */
  readonly type: string
  readonly docsUrl?: string
  readonly group?: string
}

export interface LocaleConfig {
  /** Locales that have translations, the default (`scope.locale`) first. */
  readonly available: readonly string[]
  /** Fallback chain per locale, e.g. `pt-BR: [pt, en]`. */
  readonly fallback?: Readonly<Record<string, readonly string[]>>
}

/**
 * Everything a server's error handler needs besides the errors it throws:
 * the wire format, the API, the locales, and the two errors the handler
 * creates itself (unknown exceptions, validation failures).
 */
export interface RuntimeCatalog {
  /** The same scope object as every `ErrorDefinition.catalog` of this catalog. */
  readonly scope: CatalogScope
  readonly api: ApiView
  /** The wire format: the writer `errcat build` generates from the catalog's envelope. */
  readonly envelope: EnvelopeWriter
  readonly locales: LocaleConfig
  /** The error unknown exceptions become; a generic 500 when absent. */
  readonly internal?: ErrorDefinition
  /** The error validation failures become; a generic 400 when absent. */
  readonly validation?: ErrorDefinition
}

/** Identity function that types a hand-written or generated catalog config. */
export function defineCatalog(catalog: RuntimeCatalog): RuntimeCatalog {
  return catalog
}
