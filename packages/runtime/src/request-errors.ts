// Requests a framework rejects before application code runs: a body that
// does not parse, is too large, or has a media type nothing can read. Each
// adapter recognises its framework's own signal for these (Fastify's
// FST_ERR_CTP_* codes, body-parser's `type`, Hono's HTTPException) and this
// module turns them into catalog errors, so that they reach the client in the
// API's envelope like every other error.
import type { CatalogError } from './catalog-error.ts'
import type { RuntimeCatalog } from './definition.ts'
import {
  createErrorHandler,
  type ErrorHandler,
  type HandlerOptions,
  type MapErrorTools,
} from './handle.ts'

/** A catalog error to answer with: a factory of an error without required params. */
export type ErrorChoice = () => CatalogError

/** Catalog errors for what the framework rejects; all optional. */
export interface RequestErrorOptions {
  /** No route matches the request. Adapters install a not-found handler only when this is given. */
  notFound?: ErrorChoice
  /** The body does not parse (broken JSON, an empty JSON body). Default: the validation error. */
  malformedBody?: ErrorChoice
  /** The body exceeds the framework's size limit (HTTP 413). Default: the validation error. */
  payloadTooLarge?: ErrorChoice
  /** No parser accepts the request's Content-Type (HTTP 415). Default: the validation error. */
  unsupportedMediaType?: ErrorChoice
}

/** The options every adapter takes besides the catalog. */
export interface AdapterOptions extends HandlerOptions, RequestErrorOptions {}

export type RequestProblem = 'malformed-body' | 'payload-too-large' | 'unsupported-media-type'

/**
 * Thrown by body readers (e.g. `readJson` of errcat/fetch) for a body the
 * client got wrong; every adapter answers it as its request problem.
 */
export class RequestBodyError extends Error {
  readonly problem: RequestProblem
  constructor(problem: RequestProblem, message: string) {
    super(message)
    this.name = 'RequestBodyError'
    this.problem = problem
  }
}

/** Tells which request problem a thrown value signals in one framework; undefined for anything else. */
export type RecogniseRequestProblem = (thrown: unknown) => RequestProblem | undefined

// The violation each problem reports when the catalog error is the validation
// error. `field` is the empty pointer: the body as a whole.
const VIOLATIONS = {
  'malformed-body': {
    field: '',
    message: 'The request body could not be parsed.',
    reason: 'malformed_body',
  },
  'payload-too-large': {
    field: '',
    message: 'The request body is too large.',
    reason: 'payload_too_large',
  },
  'unsupported-media-type': {
    field: '',
    message: 'The media type of the request body is not supported.',
    reason: 'unsupported_media_type',
  },
} as const

/** The catalog error for a request problem: the configured one, else the validation error. */
export function requestError(
  problem: RequestProblem,
  options: RequestErrorOptions,
  tools: MapErrorTools,
  cause: unknown,
): CatalogError {
  const chosen =
    problem === 'payload-too-large'
      ? options.payloadTooLarge
      : problem === 'unsupported-media-type'
        ? options.unsupportedMediaType
        : options.malformedBody
  return chosen ? chosen() : tools.validationError([VIOLATIONS[problem]], cause)
}

/**
 * The error handler of one adapter: the application's `mapError` first (it may
 * want its own answer for a framework error), then the framework's request
 * problems, then the handler's own classification.
 */
export function createAdapterHandler(
  catalog: RuntimeCatalog,
  options: AdapterOptions,
  recognise: RecogniseRequestProblem,
): ErrorHandler {
  const userMap = options.mapError
  return createErrorHandler(catalog, {
    ...options,
    mapError(thrown, tools) {
      const mapped = userMap?.(thrown, tools)
      if (mapped !== undefined) return mapped
      const problem = thrown instanceof RequestBodyError ? thrown.problem : recognise(thrown)
      return problem ? requestError(problem, options, tools, thrown) : undefined
    },
  })
}

/**
 * The path of a request target (`/a/b?x=1`) or of an absolute URL
 * (`https://host/a/b?x=1`, as fetch gives it), without the query string or
 * fragment: the problem `instance`.
 */
export function pathOf(target: string): string {
  let start = 0
  if (target.charCodeAt(0) !== 47 /* / */) {
    const scheme = target.indexOf('://')
    if (scheme !== -1) {
      const authorityEnd = indexOfAny(target, scheme + 3, true)
      if (authorityEnd === target.length || target.charCodeAt(authorityEnd) !== 47) return '/'
      start = authorityEnd
    }
  }
  return target.slice(start, indexOfAny(target, start, false))
}

// A loop rather than a regular expression over a slice: this runs for every error response.
/** The index of the first `?` or `#` (or `/` too, with `slash`) from `from`, else the length. */
function indexOfAny(text: string, from: number, slash: boolean): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 63 /* ? */ || c === 35 /* # */ || (slash && c === 47)) return i
  }
  return text.length
}
