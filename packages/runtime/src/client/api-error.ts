// The error a client gets back from a failed response. One class for both
// outcomes (a catalog error, or something the catalog does not describe) so
// that `err.is('BAD_TOKEN')` type-checks on the union and narrows it: `known`
// and `symbol` tell them apart at run time.
import type { FieldViolation } from '../envelope/types.ts'
import type { ErrorInfo, ErrorShape } from './error-info.ts'

/** Why a response could not be read as a catalog error. */
export type UnknownReason =
  /** The body names an error the catalog (or the part of it this app imports) does not have. */
  | 'unknown-error'
  /** The body is not JSON: an HTML page from a proxy, plain text, truncated JSON. */
  | 'not-json'
  | 'empty'
  /** The body is longer than the parser reads. */
  | 'too-large'
  /** JSON that carries no error member of the envelope. */
  | 'wrong-shape'

export interface ApiErrorInit {
  status: number
  headers: Readonly<Record<string, string>>
  message: string
  text: string
  info?: ErrorInfo | undefined
  reason?: UnknownReason | undefined
  code?: number | undefined
  key?: string | undefined
  params?: Record<string, unknown> | undefined
  requestId?: string | undefined
  retryAfter?: number | undefined
  retryable: boolean
  violations?: FieldViolation[] | undefined
}

/**
 * The shape `is(symbol)` narrows to: that error's, or, for an error typed without its
 * catalog (`catch (e) { if (e instanceof ApiError && e.is('X')) … }`), one with untyped params.
 */
type Narrowed<S extends ErrorShape, K> = string extends S['symbol']
  ? {
      symbol: K
      code: number | undefined
      key: string | undefined
      status: number
      params: Record<string, unknown>
    }
  : Extract<S, { symbol: K }>

/** Any error this catalog's parser returns: narrow it with `is(symbol)` or `known`. */
export type ParsedError<S extends ErrorShape = ErrorShape> = KnownApiError<S> | UnknownApiError<S>

export interface KnownApiError<S extends ErrorShape = ErrorShape> extends ApiError<S> {
  readonly known: true
  readonly symbol: S['symbol']
  readonly code: S['code']
  readonly key: S['key']
  readonly params: S['params']
  readonly info: ErrorInfo<S>
  readonly reason: undefined
}

export interface UnknownApiError<S extends ErrorShape = ErrorShape> extends ApiError<S> {
  readonly known: false
  readonly symbol: undefined
  readonly info: undefined
  readonly reason: UnknownReason
}

export class ApiError<S extends ErrorShape = ErrorShape> extends Error {
  /** Whether the body named an error of the catalog. */
  readonly known: boolean
  readonly symbol: S['symbol'] | undefined
  /** The code the body carried: the catalog's, or an unknown one (a newer server). */
  readonly code: number | undefined
  readonly key: string | undefined
  /** The HTTP status of the response (200 for errors signalled in the body). */
  readonly status: number
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>
  /** Params the body carried, converted to the types the catalog declares. */
  readonly params: S['params'] | Record<string, unknown>
  readonly requestId: string | undefined
  /**
   * Seconds to wait before retrying: what the body says, else Retry-After, else the
   * rate-limit fields (RateLimit, X-RateLimit-Reset), else the catalog's fixed delay.
   */
  readonly retryAfter: number | undefined
  /** Whether retrying may succeed: the catalog's `retry`, or the status for unknown errors. */
  readonly retryable: boolean
  readonly violations: readonly FieldViolation[]
  /** The start of the raw body, for logs (bounded in size). */
  readonly text: string
  readonly info: ErrorInfo<S> | undefined
  readonly reason: UnknownReason | undefined

  constructor(init: ApiErrorInit) {
    super(init.message)
    this.name = 'ApiError'
    this.known = init.info !== undefined
    this.symbol = init.info?.symbol
    this.code = init.info?.code ?? init.code
    this.key = init.info?.key ?? init.key
    this.status = init.status
    this.headers = init.headers
    this.params = init.params ?? {}
    this.requestId = init.requestId
    this.retryAfter = init.retryAfter
    this.retryable = init.retryable
    this.violations = init.violations ?? []
    this.text = init.text
    this.info = init.info as ErrorInfo<S> | undefined
    this.reason = init.info ? undefined : (init.reason ?? 'unknown-error')
  }

  /** The title of a catalog error; for other errors, undefined. */
  get title(): string | undefined {
    return this.info?.title
  }

  /** Where the error is documented. */
  get docsUrl(): string | undefined {
    return this.info?.docsUrl
  }

  /** Whether this is the catalog error `symbol`; narrows `params` to its declared params. */
  is<K extends S['symbol']>(symbol: K): this is KnownApiError<Narrowed<S, K>> {
    return this.symbol === symbol
  }
}
