// The core every adapter calls: anything thrown → the response to send.
// Adapters only translate their framework's request into `RequestInfo` and
// write the returned status, headers and body.

import { genericInternalError, genericValidationError } from './builtin-errors.ts'
import {
  type CatalogError,
  createWithoutStack,
  type ErrorOptions,
  isAnyCatalogError,
} from './catalog-error.ts'
import { isErrorFactory } from './define-error.ts'
import type { ErrorDefinition, RuntimeCatalog } from './definition.ts'
import { filterFieldPath } from './envelope/filter-functions.ts'
import type { ErrorView, FieldViolation, RenderedResponse, RequestView } from './envelope/types.ts'
import { type EnvelopeWriter, isEnvelopeWriter, renderHead } from './envelope.ts'
import { formatMessage } from './format-message.ts'
import { type HeaderSource, readHeader } from './headers.ts'
import { createLocaleNegotiator, pickTranslation } from './locale.ts'
import { FactoryCall, type Occurrence } from './occurrence.ts'
import { type RequestIdRule, resolveRequestId } from './request-id.ts'
import { addRetryHeaders } from './retry-headers.ts'
import {
  createRecorder,
  type ErrorRecorder,
  loadOpenTelemetry,
  type OpenTelemetryApi,
} from './telemetry.ts'
import { readViolations } from './violations.ts'

export interface RequestInfo {
  method: string
  /** The request path, used as the problem `instance`; without the query string. */
  path: string
  headers: HeaderSource
}

export interface ErrorInfo {
  /** What was thrown, untouched: message, stack and cause included. */
  error: unknown
  /** What the client is told about it. */
  catalogError: CatalogError
  requestId: string
  request: RequestInfo
}

export interface HandlerOptions {
  /** The request-id header, read and written. Default: `x-request-id`. */
  requestIdHeader?: string
  /**
   * Which incoming request ids are kept and echoed; the others are replaced by a new UUID.
   * Default: 1–128 letters, digits and `-_.:`. Your rule cannot widen the floor: visible ASCII
   * without quotes or angle brackets, at most 256 characters.
   */
  acceptRequestId?: RequestIdRule
  /** Called for every handled error, e.g. to log it. A hook that throws does not affect the response. */
  onError?: (info: ErrorInfo) => void
  /**
   * Whether validation failures list their field violations (pointer, message, reason).
   * Default: true. When false, the response only says that the request is not valid.
   */
  exposeValidationDetails?: boolean
  /**
   * Record errors with OpenTelemetry: `true` (default) imports `@opentelemetry/api` if
   * installed; pass the API module itself where dynamic imports do not resolve (bundles).
   */
  telemetry?: boolean | OpenTelemetryApi
  /**
   * Turns errors the application or its framework throws into catalog errors
   * (e.g. a framework's 404 or body-too-large error), before they would
   * become the internal error. Return undefined to leave the value alone.
   */
  mapError?: (thrown: unknown, tools: MapErrorTools) => CatalogError | undefined
}

/** What `mapError` may use to build its answer. */
export interface MapErrorTools {
  /**
   * The catalog's validation error with these field violations, exactly as the
   * handler builds it for zod or ajv failures (e.g. for a body that does not parse).
   */
  validationError(violations: readonly FieldViolation[], cause?: unknown): CatalogError
}

export interface ErrorResponse {
  status: number
  /** Lower-case names. */
  headers: Record<string, string>
  /** The serialized body. */
  body: string
  /** The catalog error that was answered. */
  error: CatalogError
  requestId: string
}

export interface ErrorHandler {
  (thrown: unknown, request: RequestInfo): ErrorResponse
  /**
   * What the adapters' non-throwing paths answer: for a factory, the answer to
   * `factory(...args)`, without creating the error unless something reads it (an `onError`
   * hook, or the response's `error`); for anything else, `handle(value, request)`.
   */
  answer(value: unknown, args: readonly unknown[], request: RequestInfo): ErrorResponse
  /** Settles once optional integrations (OpenTelemetry) are loaded; errors are handled before that too. */
  readonly ready: Promise<void>
}

const EMPTY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>
// Header values must not let a template inject a line break or a non-Latin-1 byte.
const SAFE_HEADER_VALUE = /^[\t\x20-\x7e]*$/

export function createErrorHandler(
  catalog: RuntimeCatalog,
  options: HandlerOptions = {},
): ErrorHandler {
  const writer = writerOf(catalog)
  // Most envelopes set no header and no status of their own: their head needs no rendering.
  const plainHead = writer.headers === undefined && typeof writer.status !== 'function'
  // Bodies that depend only on the error and the locale, serialized once (see `cacheable`).
  const bodies = new WeakMap<ErrorDefinition, Map<string, string>>()
  const scope = catalog.scope
  const internal = catalog.internal ?? genericInternalError(scope)
  const validation = catalog.validation ?? genericValidationError(scope)
  const negotiate = createLocaleNegotiator(catalog.locales, scope.locale)
  const idHeader = (options.requestIdHeader ?? 'x-request-id').toLowerCase()
  const exposeDetails = options.exposeValidationDetails ?? true
  const { onError, mapError, acceptRequestId } = options

  let record: ErrorRecorder | undefined
  const telemetry = options.telemetry ?? true
  const ready =
    telemetry === false
      ? Promise.resolve()
      : (telemetry === true ? loadOpenTelemetry() : Promise.resolve(telemetry)).then((api) => {
          if (api) record = createRecorder(api)
        })

  const tools: MapErrorTools = {
    validationError: (violations, cause) =>
      createWithoutStack(validation, validationParams(validation, violations), {
        violations,
        cause,
      }),
  }

  function classify(thrown: unknown): CatalogError {
    try {
      if (isAnyCatalogError(thrown)) return thrown
      const mapped = mapError?.(thrown, tools)
      if (mapped !== undefined && isAnyCatalogError(mapped)) return mapped
      const violations = readViolations(thrown)
      if (violations) return tools.validationError(violations, thrown)
    } catch {
      // Reading the value threw (a hostile getter or proxy): it is unknown, hence internal.
    }
    return createWithoutStack(internal, undefined, { cause: thrown })
  }

  /** The locale of the answer: negotiated for exposed errors, whose messages are localized. */
  function localeOf(definition: ErrorDefinition, headers: HeaderSource | undefined): string {
    if (!definition.expose) return definition.catalog.locale
    const acceptLanguage = headers && readHeader(headers, 'accept-language')
    return pickTranslation(definition, negotiate(acceptLanguage))
  }

  function view(error: Occurrence, locale: string): ErrorView {
    const definition = error.definition
    const expose = definition.expose
    const message = !expose
      ? definition.title
      : locale === definition.catalog.locale
        ? error.message
        : formatMessage(definition.messages![locale]!, error.params, locale)
    const violations =
      expose && (exposeDetails || definition !== validation) ? error.violations : undefined
    return {
      symbol: definition.symbol,
      code: definition.code,
      key: definition.key,
      status: definition.status,
      title: definition.title,
      message,
      params: expose ? (error.params as Record<string, unknown>) : EMPTY,
      docsUrl: definition.docsUrl,
      type: definition.type,
      group: definition.group,
      retryAfter: error.retryAfter,
      violations: violations as FieldViolation[] | undefined,
      locale,
      upstream: expose ? (error.upstream as Record<string, unknown> | undefined) : undefined,
    }
  }

  /**
   * Whether this error's body is the same for every occurrence in one locale: the envelope
   * allows it, and nothing of the occurrence is shown (the message of an error with params,
   * violations, upstream fields).
   */
  function cacheable(error: Occurrence): boolean {
    const definition = error.definition
    if (!writer.cacheable) return false
    if (!definition.expose) return true
    if (definition.params || error.upstream) return false
    return !(error.violations && (exposeDetails || definition !== validation))
  }

  /** The serialized body, from the cache when the error is cacheable. */
  function bodyOf(error: Occurrence, errorView: ErrorView, requestView: RequestView): string {
    let byLocale: Map<string, string> | undefined
    if (cacheable(error)) {
      byLocale = bodies.get(error.definition)
      if (!byLocale) {
        byLocale = new Map()
        bodies.set(error.definition, byLocale)
      }
    }
    const locale = errorView.locale ?? ''
    let body = byLocale?.get(locale)
    if (body === undefined) {
      body = JSON.stringify(writer.body(errorView, requestView, catalog.api)) ?? 'null'
      byLocale?.set(locale, body)
    }
    return body
  }

  /** The rendered head; undefined for an envelope with no headers and no status of its own. */
  function headOf(errorView: ErrorView, requestView: RequestView) {
    return plainHead ? undefined : renderHead(writer, errorView, requestView, catalog.api)
  }

  /** The head and body of `error` in `locale`, rendered from its view. */
  function renderViews(error: Occurrence, locale: string, request: RequestInfo, requestId: string) {
    const requestView: RequestView = { id: requestId, path: request.path, method: request.method }
    const errorView = view(error, locale)
    return {
      head: headOf(errorView, requestView),
      body: bodyOf(error, errorView, requestView),
    }
  }

  /** The answer to `error`; the catalog's internal error in its place when `error` does not render. */
  function render<E extends Occurrence>(
    error: E,
    request: RequestInfo,
    requestId: string,
  ): Answer<E | CatalogError> {
    let locale: string
    let head: Omit<RenderedResponse, 'body'> | undefined
    let body: string | undefined
    let answered: E | CatalogError = error
    try {
      locale = localeOf(error.definition, request.headers)
      // A body already serialized needs no view, unless the envelope renders a head from it.
      if (plainHead && cacheable(error)) body = bodies.get(error.definition)?.get(locale)
      if (body === undefined) ({ head, body } = renderViews(error, locale, request, requestId))
    } catch {
      // Params or upstream fields that do not serialize (BigInt, cycles, throwing getters):
      // answer with the catalog's internal error, which holds nothing from the caller.
      const fallback = createWithoutStack(internal, undefined, { cause: error })
      answered = fallback
      try {
        locale = localeOf(fallback.definition, undefined)
        ;({ head, body } = renderViews(fallback, locale, request, requestId))
      } catch {
        return lastResort(fallback, requestId, idHeader)
      }
    }
    const headers: Record<string, string> = {
      'content-type': writer.contentType,
      'content-language': locale,
    }
    headers[idHeader] = requestId
    addRetryHeaders(answered, headers)
    if (head === undefined) {
      const status = typeof writer.status === 'number' ? writer.status : answered.definition.status
      return { status, headers, body, error: answered, requestId }
    }
    for (const name in head.headers) {
      const value = head.headers[name]!
      if (SAFE_HEADER_VALUE.test(value)) headers[name.toLowerCase()] = value
    }
    return { status: head.status, headers, body, error: answered, requestId }
  }

  function recordAnswer(answer: Answer<Occurrence>): void {
    if (!record) return
    try {
      record(answer.error, answer.status)
    } catch {
      // Telemetry never breaks a response either.
    }
  }

  const handle = (thrown: unknown, request: RequestInfo): ErrorResponse => {
    const catalogError = classify(thrown)
    const requestId = resolveRequestId(readHeader(request.headers, idHeader), acceptRequestId)
    if (onError) {
      try {
        onError({ error: thrown, catalogError, requestId, request })
      } catch {
        // A failing log hook must not turn one error into two.
      }
    }
    const response = render(catalogError, request, requestId)
    recordAnswer(response)
    return response
  }

  const answer = (
    value: unknown,
    args: readonly unknown[],
    request: RequestInfo,
  ): ErrorResponse => {
    if (!isErrorFactory(value)) return handle(value, request)
    const factory = value
    const definition = factory.definition
    // Where the factory takes them: `(params?, options?)`, or `(options?)` without params.
    const params = definition.params ? (args[0] as object | undefined) : undefined
    const options = (definition.params ? args[1] : args[0]) as ErrorOptions | undefined
    // onError is promised the error itself, made by the factory (with its stack, if any).
    if (onError) return handle(Reflect.apply(factory, undefined, args), request)
    const call = new FactoryCall(definition, params, options)
    const requestId = resolveRequestId(readHeader(request.headers, idHeader), acceptRequestId)
    const rendered = render(call, request, requestId)
    recordAnswer(rendered)
    if (rendered.error !== call) return rendered as ErrorResponse
    return new FactoryCallResponse(
      rendered.status,
      rendered.headers,
      rendered.body,
      requestId,
      call,
    )
  }
  return Object.assign(handle, { answer, ready })
}

/**
 * The response to a factory call, whose `error` is made on first read. A class: an object
 * literal with a getter costs V8 about as much as the Error it would spare.
 */
class FactoryCallResponse implements ErrorResponse {
  #call: FactoryCall
  #error: CatalogError | undefined

  constructor(
    public status: number,
    public headers: Record<string, string>,
    public body: string,
    public requestId: string,
    call: FactoryCall,
  ) {
    this.#call = call
  }

  get error(): CatalogError {
    this.#error ??= this.#call.toError()
    return this.#error
  }
}

/** A response, with what it answers: a CatalogError, or a factory call not yet made into one. */
type Answer<E extends Occurrence> = Omit<ErrorResponse, 'error'> & { error: E }

function writerOf(catalog: RuntimeCatalog): EnvelopeWriter {
  const envelope: unknown = catalog.envelope
  if (isEnvelopeWriter(envelope)) return envelope
  throw new TypeError(
    'catalog.envelope is not an envelope writer: regenerate the module with `errcat build --target ts` (errcat 0.2 compiles the envelope at build time), or wrap a hand-written template with envelopeWriter() from errcat/envelope.',
  )
}

/** A response that depends on nothing that could fail. */
function lastResort(error: CatalogError, requestId: string, idHeader: string): ErrorResponse {
  return {
    status: 500,
    headers: { 'content-type': 'application/problem+json', [idHeader]: requestId },
    body: '{"type":"about:blank","title":"Internal Server Error","status":500}',
    error,
    requestId,
  }
}

/**
 * Params of the validation error: a declared `field` param gets the first
 * violation's field as a dotted path (`/items/0/sku` → `items[0].sku`), which is
 * how catalogs that name one field in their message use it.
 */
function validationParams(
  definition: ErrorDefinition,
  violations: readonly FieldViolation[],
): Record<string, unknown> | undefined {
  const first = violations[0]
  if (!definition.params?.includes('field') || !first) return undefined
  // The envelope's `fieldPath` filter (imported alone: the filter table would bring every
  // filter into server bundles), so that messages and Google's BadRequest agree.
  return { field: filterFieldPath(first.field) }
}
