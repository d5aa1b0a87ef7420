// Gateway pass-through (seed 001): an API in front of an upstream service
// re-emits the upstream's errors in its own envelope, keeping their business
// code. The upstream body is read with the upstream catalog's envelope (the
// same template its server wrote it with); the error with the same code (else
// key, else symbol) in this API's catalog answers it. An upstream failure that
// cannot be read as one of its errors (an HTML page from a proxy, an empty or
// truncated body) has no business code to keep: it becomes this API's
// HTTP-layer error, "not found" when the upstream said 404 and "bad gateway"
// otherwise.

import { CatalogError, type ErrorOptions } from './catalog-error.ts'
import { decodeChunks } from './decode-chunks.ts'
import type { ErrorDefinition } from './definition.ts'
import type { ErrorMeta, ReadResult } from './envelope/types.ts'
import { type ErrorSet, errorMetas } from './error-meta.ts'
import { type HeaderSource, readHeader } from './headers.ts'
import type { EnvelopeReader } from './reader.ts'

/** An error of this API: a factory of its generated module (`allErrors.NOT_FOUND`), or anything with its definition. */
export type ErrorEntry = { readonly definition: ErrorDefinition }

export interface PassThroughOptions {
  /**
   * The upstream service: the reader of its envelope (its generated module's
   * `envelopeReader`) and its errors (that module's `allErrors`).
   */
  upstream: { reader: EnvelopeReader; errors: ErrorSet }
  /** This API's errors (its module's `allErrors`), searched by code, then key, then symbol. */
  errors: ErrorSet
  /** This API's HTTP-layer errors, for upstream failures that carry no error it can re-emit. */
  fallback: {
    /** When the upstream answered 404. */
    notFound: ErrorEntry
    /** Any other failure: a 5xx, an HTML page, an empty or truncated body, an unknown error. */
    badGateway: ErrorEntry
  }
  /** Chooses this API's error for an upstream error yourself; return undefined for the default match. */
  map?: (upstream: ErrorMeta, read: ReadResult) => ErrorEntry | undefined
  /**
   * The most bytes of an upstream body that may be an error that are read: any non-2xx
   * body, and a 2xx body when the upstream's envelope has `errorWhen`. A longer body
   * counts as unreadable (`badGateway`). Default: 1 MiB.
   */
  maxErrorBodyBytes?: number
}

export interface PassThrough {
  /**
   * This API's error for an upstream answer, given its status and raw body
   * text; undefined when the answer is a success.
   */
  errorOf(status: number, body: string, headers?: HeaderSource): CatalogError | undefined
  /**
   * Reads an upstream fetch `Response`: throws this API's error when it is a
   * failure, else returns the parsed JSON body (undefined for an empty one).
   */
  unwrap(response: Response): Promise<unknown>
}

/** The cause of a passed-through error, for logs: what the upstream actually sent. Never on the wire. */
export class UpstreamError extends Error {
  readonly status: number
  /** The start of the upstream body (at most 2,000 characters). */
  readonly body: string
  constructor(status: number, body: string) {
    super(`upstream answered HTTP ${status}`)
    this.name = 'UpstreamError'
    this.status = status
    this.body = body.length > 2000 ? `${body.slice(0, 2000)}…` : body
  }
}

const MiB = 1024 * 1024

export function createPassThrough(options: PassThroughOptions): PassThrough {
  const envelope = options.upstream.reader
  const index = envelope.index(errorMetas(options.upstream.errors))
  const own = ownErrors(options.errors)
  const { notFound, badGateway } = options.fallback
  const maxBytes = options.maxErrorBodyBytes ?? MiB
  // With `errorWhen`, a 2xx may be an error too, and only its body tells: it is read
  // under the same bound, or an upstream could make the gateway buffer any size.
  const successMayBeError = envelope.hasErrorWhen

  function httpLayer(status: number, text: string, read?: ReadResult): CatalogError {
    const entry = status === 404 ? notFound : badGateway
    const errorOptions: ErrorOptions = { cause: new UpstreamError(status, text) }
    if (read && Object.keys(read.fields).length > 0) errorOptions.upstream = read.fields
    return new CatalogError(entry.definition, undefined, errorOptions)
  }

  function errorOf(status: number, text: string, headers?: HeaderSource): CatalogError | undefined {
    const success = status >= 200 && status < 300
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      // Not JSON at all (HTML, empty, truncated): no business code can be kept.
      return success ? undefined : httpLayer(status, text)
    }
    if (success && !envelope.isError(status, body)) return undefined
    const read = envelope.read(status, body, index)
    const upstream = read.error
    const entry = upstream && (options.map?.(upstream, read) ?? own(upstream))
    if (!entry) return httpLayer(status, text, read)
    const definition = entry.definition
    const errorOptions: ErrorOptions = {
      cause: new UpstreamError(status, text),
      upstream: read.fields,
    }
    if (read.violations) errorOptions.violations = read.violations
    const retryAfter = read.retryAfter ?? retryAfterHeader(headers)
    if (retryAfter !== undefined) errorOptions.retryAfter = retryAfter
    return new CatalogError(definition, paramsFor(definition, read.params), errorOptions)
  }

  async function unwrap(response: Response): Promise<unknown> {
    const success = response.status >= 200 && response.status < 300
    let text: string | undefined
    try {
      text =
        success && !successMayBeError ? await response.text() : await readAtMost(response, maxBytes)
    } catch {
      // The connection dropped mid-body, or the body does not decompress: there is nothing
      // to judge, and a fetch TypeError must not reach the app as an internal error.
      throw httpLayer(response.status, '')
    }
    // Too long to be judged: not a success that can be returned, nor an error that can be read.
    if (text === undefined) throw httpLayer(response.status, '')
    const error = errorOf(response.status, text, response.headers)
    if (error) throw error
    if (text === '') return undefined
    try {
      return JSON.parse(text)
    } catch {
      // A success that is not JSON: the upstream is broken in a way clients cannot act on.
      throw httpLayer(response.status, text)
    }
  }

  return { errorOf, unwrap }
}

/** This API's error for an upstream one: same code, else same key, else same symbol. */
function ownErrors(errors: ErrorSet): (upstream: ErrorMeta) => ErrorEntry | undefined {
  const byCode = new Map<number, ErrorEntry>()
  const byKey = new Map<string, ErrorEntry>()
  const bySymbol = new Map<string, ErrorEntry>()
  for (const entry of Object.values(errors)) {
    const { code, key, symbol } = entry.definition
    if (code !== undefined && !byCode.has(code)) byCode.set(code, entry)
    if (key !== undefined && !byKey.has(key)) byKey.set(key, entry)
    bySymbol.set(symbol, entry)
  }
  return (upstream) =>
    (upstream.code !== undefined ? byCode.get(upstream.code) : undefined) ??
    (upstream.key !== undefined ? byKey.get(upstream.key) : undefined) ??
    bySymbol.get(upstream.symbol)
}

/** The upstream's params that this API's error declares. */
function paramsFor(
  definition: ErrorDefinition,
  params: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!definition.params || !params) return undefined
  const out: Record<string, unknown> = {}
  for (const name of definition.params) if (Object.hasOwn(params, name)) out[name] = params[name]
  return out
}

/** `Retry-After` in seconds: a delay, or an HTTP date from now. */
function retryAfterHeader(headers: HeaderSource | undefined): number | undefined {
  const value = headers && readHeader(headers, 'retry-after')?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value)
  // An HTTP date names its day and month; Date.parse also takes `-5` or `2024` as dates.
  if (!/[a-z]/i.test(value)) return undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

/** The body as text, or undefined when it is longer than `limit` bytes (the rest is not read). */
async function readAtMost(response: Response, limit: number): Promise<string | undefined> {
  if (!response.body) return ''
  if (Number(response.headers.get('content-length')) > limit) {
    await response.body.cancel().catch(() => {})
    return undefined
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      return undefined
    }
    chunks.push(value)
  }
  return decodeChunks(chunks, size)
}
