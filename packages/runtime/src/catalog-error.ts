// The error servers throw. Creation is on the request path, so the
// constructor only stores references: the message is rendered on first read,
// and expected errors (4xx by default) skip the stack trace, which is what
// makes `new Error` cost microseconds (see docs/runtime.md for the figures).

import type { ErrorDefinition, RetrySpec } from './definition.ts'
import type { FieldViolation } from './envelope/types.ts'
import { formatMessage } from './format-message.ts'
import { buildChain, pickTranslation } from './locale.ts'

/** The literal types a generated module gives each error. */
export interface ErrorShape {
  readonly symbol: string
  readonly code?: number | undefined
  readonly key?: string | undefined
  readonly status: number
  readonly params: object
}

/** The optional second argument of every factory. */
export interface ErrorOptions {
  /** The error that caused this one: kept for logs, never sent. */
  cause?: unknown
  /** Field violations, for validation errors. */
  violations?: readonly FieldViolation[]
  /** Fields of an upstream error that a gateway re-emits. */
  upstream?: Readonly<Record<string, unknown>>
  /** Seconds before a retry may succeed; overrides the catalog's retry policy. */
  retryAfter?: number
}

const EMPTY_PARAMS: Readonly<Record<string, never>> = Object.freeze({})
/** Marks CatalogErrors across copies of this module (two installs, bundles). */
const BRAND = Symbol.for('errcat.CatalogError')

// Set by `createWithoutStack` for the one synchronous constructor call it makes.
let suppressStack = false

export class CatalogError<T extends ErrorShape = ErrorShape> extends Error {
  // `declare`: assigned in the constructor only, so no class-field
  // initialisation runs before it (and absent optional members stay absent).
  declare readonly symbol: T['symbol']
  declare readonly code: T['code']
  declare readonly key: T['key']
  declare readonly status: T['status']
  declare readonly params: Readonly<T['params']>
  declare readonly violations?: readonly FieldViolation[]
  declare readonly upstream?: Readonly<Record<string, unknown>>
  readonly #definition: ErrorDefinition
  readonly #retryAfter: number | undefined
  #message: string | undefined

  constructor(definition: ErrorDefinition, params?: T['params'], options?: ErrorOptions) {
    const limit = Error.stackTraceLimit
    if (!definition.stack || suppressStack) Error.stackTraceLimit = 0
    super(undefined, options?.cause !== undefined ? { cause: options.cause } : undefined)
    Error.stackTraceLimit = limit
    this.#definition = definition
    this.#retryAfter = options?.retryAfter
    this.symbol = definition.symbol
    this.code = definition.code
    this.key = definition.key
    this.status = definition.status
    this.params = declaredParams(definition.params, params) as Readonly<T['params']>
    if (options?.violations !== undefined) this.violations = options.violations
    if (options?.upstream !== undefined) this.upstream = options.upstream
  }

  /** The catalog entry this error was created from. */
  get definition(): ErrorDefinition {
    return this.#definition
  }

  /** The status, under the name Express, Fastify and Koa look for. */
  get statusCode(): number {
    return this.status
  }

  /** Whether the message and params go on the wire. */
  get expose(): boolean {
    return this.#definition.expose
  }

  get title(): string {
    return this.#definition.title
  }

  get retry(): RetrySpec {
    return this.#definition.retry
  }

  /**
   * Seconds before retrying may succeed, from the options or the catalog's retry policy,
   * at most `MAX_RETRY_AFTER`. An unusable delay in the options (NaN, negative, infinite)
   * leaves the catalog's policy in force.
   */
  get retryAfter(): number | undefined {
    return retryDelay(this.#definition, this.params, this.#retryAfter)
  }

  /** The message in `locale`, else in its language (`pt-BR` → `pt`), else in the default locale. */
  messageIn(locale: string): string {
    const definition = this.#definition
    const chosen = pickTranslation(definition, buildChain(locale, {}, definition.catalog.locale))
    return chosen === definition.catalog.locale
      ? this.message
      : formatMessage(definition.messages![chosen]!, this.params, chosen)
  }

  /** What JSON.stringify writes: never the cause or the stack, and no params unless exposed. */
  toJSON(): Record<string, unknown> {
    const definition = this.#definition
    const json: Record<string, unknown> = { name: this.name, symbol: this.symbol }
    if (this.code !== undefined) json.code = this.code
    if (this.key !== undefined) json.key = this.key
    json.status = this.status
    json.message = definition.expose ? this.message : definition.title
    if (definition.expose) {
      if (definition.params) json.params = this.params
      if (this.violations) json.violations = this.violations
    }
    const retryAfter = this.retryAfter
    if (retryAfter !== undefined) json.retryAfter = retryAfter
    return json
  }

  // The message getter is installed below: TypeScript does not let a class
  // turn Error's `message` property into an accessor.
  static {
    Object.defineProperty(CatalogError.prototype, 'message', {
      configurable: true,
      get(this: CatalogError) {
        if (!(#definition in this)) return '' // read on the prototype itself
        if (this.#message === undefined) {
          const definition = this.#definition
          this.#message = formatMessage(definition.message, this.params, definition.catalog.locale)
        }
        return this.#message
      },
      set(this: CatalogError, value: string) {
        // Loggers and frameworks sometimes rewrite messages; let them.
        if (#definition in this) this.#message = String(value)
      },
    })
    Object.defineProperty(CatalogError.prototype, 'name', {
      configurable: true,
      writable: true,
      value: 'CatalogError',
    })
    Object.defineProperty(CatalogError.prototype, BRAND, { value: true })
  }
}

/**
 * The declared params of `params`, copied: TypeScript lets a factory take any
 * object that has them (`BAD_TOKEN(user)`), and its other members (a
 * password, `__proto__`) must not reach the body or the message. Only the
 * declared names are read, so no getter of another member runs.
 */
export function declaredParams(
  names: readonly string[] | undefined,
  params: object | undefined,
): object {
  if (params == null || names === undefined) return EMPTY_PARAMS
  const copy: Record<string, unknown> = {}
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    // Own members only: an absent optional param named `constructor` is not Object's.
    if (!Object.hasOwn(params, name)) continue
    const value = (params as Record<string, unknown>)[name]
    // `__proto__` is a valid param name; assigning it would set the copy's prototype.
    if (name === '__proto__')
      Object.defineProperty(copy, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    else copy[name] = value
  }
  return copy
}

/**
 * The longest retry delay sent, in seconds: one day. Delays come from params, upstream
 * bodies and headers, so anything can arrive (`1e308` would be written `1e+308`, which
 * is no `delay-seconds`, RFC 9110 §10.2.3). A day covers the longest common quota
 * window (daily limits, which reset within 24 hours); a longer wait is no retry hint
 * a client acts on.
 */
export const MAX_RETRY_AFTER = 86_400

/** A delay in seconds, at most `MAX_RETRY_AFTER`; undefined for NaN, negative, infinite or non-numeric values. */
export function validDelay(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return undefined
  return n > MAX_RETRY_AFTER ? MAX_RETRY_AFTER : n
}

/**
 * Seconds before retrying may succeed: `given` (a factory's `retryAfter` option) when usable,
 * else the catalog's retry policy read with `params`; at most `MAX_RETRY_AFTER`.
 */
export function retryDelay(
  definition: ErrorDefinition,
  params: object,
  given: number | undefined,
): number | undefined {
  const delay = validDelay(given)
  if (delay !== undefined) return delay
  const retry = definition.retry
  if (typeof retry !== 'object') return undefined
  if ('after' in retry) return validDelay(retry.after)
  return validDelay((params as Record<string, unknown>)[retry.afterParam])
}

/** True for a CatalogError of any catalog, also one created by another copy of errcat. */
export function isAnyCatalogError(value: unknown): value is CatalogError {
  return (
    value instanceof CatalogError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true &&
      typeof (value as CatalogError).definition === 'object')
  )
}

/** The check behind a generated module's `isCatalogError(e, symbol?)`. */
export function isCatalogErrorOf(value: unknown, catalogId: string, symbol?: string): boolean {
  return (
    isAnyCatalogError(value) &&
    value.definition.catalog.id === catalogId &&
    (symbol === undefined || value.symbol === symbol)
  )
}

/**
 * Creates an error without capturing a stack, whatever the catalog says: for
 * errors the handler makes itself, whose stack would only show the handler.
 */
export function createWithoutStack(
  definition: ErrorDefinition,
  params?: object,
  options?: ErrorOptions,
): CatalogError {
  suppressStack = true
  try {
    return new CatalogError(definition, params, options)
  } finally {
    suppressStack = false
  }
}
