// The data an envelope template sees, and what compiling one gives back.
// These shapes are the contract between the catalog (build time), the
// server runtime, the client and the OpenAPI generator.

/** One invalid field of a request, as validation libraries report it. */
export interface FieldViolation {
  /** JSON Pointer (RFC 6901) to the field in the request, e.g. `/items/0/name`. */
  field: string
  message: string
  /** Machine-readable reason, e.g. `too_small`. */
  reason?: string
}

/** An error as a template sees it: `error.*`. */
export interface ErrorView {
  symbol: string
  code?: number
  key?: string
  status: number
  title: string
  /** Rendered and localized; for an error that is not exposed, the generic title. */
  message: string
  /** Empty for an error that is not exposed. */
  params: Record<string, unknown>
  docsUrl?: string
  /** RFC 9457 problem type URI. */
  type: string
  group?: string
  /** Seconds. */
  retryAfter?: number
  violations?: FieldViolation[]
  locale?: string
  /** Fields of an upstream error that a gateway re-emits (see `read().fields`). */
  upstream?: Record<string, unknown>
}

/** The request that failed: `request.*`. */
export interface RequestView {
  id?: string
  path?: string
  method?: string
}

/** The API: `api.*`. */
export interface ApiView {
  name: string
  version?: string
  domain?: string
}

export interface RenderedResponse {
  status: number
  headers: Record<string, string>
  contentType: string
  body: unknown
}

/** A problem in an envelope template, found by `validateEnvelope`. */
export interface EnvelopeProblem {
  /** JSON path inside `envelope`, e.g. `['body', 'error', 'code']`. */
  path: (string | number)[]
  /** Offset inside the string at `path`, for problems inside an expression. */
  offset?: number
  message: string
  /** What to do about it. */
  hint: string
}

/** What a client knows of a catalog error, enough to recognise it in a body. */
export interface ErrorMeta {
  symbol: string
  code?: number
  key?: string
  status: number
  type: string
  group?: string
  title: string
}

/** What `read` recovered from a response body. */
export interface ReadResult {
  /** The catalog error the body carries, when it could be told apart from every other. */
  error?: ErrorMeta
  message?: string
  requestId?: string
  /** Seconds. */
  retryAfter?: number
  params?: Record<string, unknown>
  violations?: FieldViolation[]
  /**
   * Every `error.*` member the body carries, named as in `ErrorView` (`code`, `message`,
   * `params`, …), converted back through the template's filters. A gateway passes this
   * object on as `error.upstream`.
   */
  fields: Record<string, unknown>
}

/** Lookup table from a template's identifying members to catalog errors: `buildErrorIndex`. */
export interface ErrorIndex {
  /** The errors the index was built from. */
  readonly errors: readonly ErrorMeta[]
  /** @internal the envelope this index was built for. */
  readonly envelope: unknown
  /** @internal */
  readonly lookup: unknown
}

export interface CompiledEnvelope {
  render(error: ErrorView, request: RequestView, api: ApiView): RenderedResponse
  /** Client side: is this response an error? */
  isError(status: number, body: unknown): boolean
  /** Client side: which catalog error does this body carry, and what did it say. */
  read(status: number, body: unknown, index: ErrorIndex): ReadResult
  /**
   * JSON Schema (2020-12, as OpenAPI 3.1 uses) of the error body. Given an error, the
   * members that identify it become `const`, for a `oneOf` per status.
   */
  bodySchema(error?: ErrorMeta): object
}

/** Thrown by `compileEnvelope` for a template that `validateEnvelope` rejects. */
export class EnvelopeError extends Error {
  readonly problems: EnvelopeProblem[]
  constructor(problems: EnvelopeProblem[]) {
    const first = problems[0]
    const where = (p: EnvelopeProblem) =>
      p.path.length ? `envelope.${p.path.join('.')}` : 'envelope'
    super(
      first
        ? `invalid envelope template: ${where(first)}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`
        : 'invalid envelope template',
    )
    this.name = 'EnvelopeError'
    this.problems = problems
  }
}
