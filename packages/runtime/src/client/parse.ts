// The parser: a response → a typed error, or undefined for a success. It
// reads with the envelope reader that `errcat build` compiled from the
// catalog's template, so it recognises errors in 4xx/5xx bodies and in 2xx
// bodies (`errorWhen`), and it never throws: whatever cannot be read as a
// catalog error becomes an unknown error that keeps status, headers and the
// start of the body.
import type { ErrorIndex, ReadResult } from '../envelope/types.ts'
import type { EnvelopeReader } from '../reader.ts'
import { ApiError, type ParsedError, type UnknownReason } from './api-error.ts'
import type { ErrorInfo, ErrorInfoSet, ErrorShape, ShapeOf } from './error-info.ts'
import { type HeadersInput, headerRecord, retryAfterSeconds } from './headers.ts'
import { typedParams } from './params.ts'
import { rateLimitDelay } from './rate-limit.ts'
import { readText } from './read-text.ts'

export interface ParserOptions<E extends ErrorInfoSet> {
  /** The generated module's `envelopeReader`. */
  reader: EnvelopeReader
  /**
   * The errors to recognise: the generated module's `allErrors`, or only those the app
   * handles (`{ BAD_TOKEN, SYSTEM_BUSY }`), so that a bundle carries only those; any
   * other becomes an unknown error that still keeps its code.
   */
  errors: E
  /** Most bytes of a body read. Default: 1 MiB. */
  maxBodyBytes?: number
  /** Most characters of the raw body kept on an error (`err.text`). Default: 4,096. */
  maxTextLength?: number
  /** Headers that carry the request id, lower case, tried in order, after the body. */
  requestIdHeaders?: readonly string[]
  /** Milliseconds since the epoch, for `Retry-After` dates and Unix reset times. Default: `Date.now`. */
  now?: () => number
}

/** A response already read: status, headers, and the body as text, bytes or parsed JSON. */
export interface Answer {
  status: number
  headers?: HeadersInput
  body?: unknown
}

/** `S`: the shapes of the errors it was given (see `createErrorParser`). */
export interface ErrorParser<S extends ErrorShape = ErrorShape> {
  /**
   * The error a fetch `Response` carries, or undefined for a success. Reads the body of an
   * error response; a 2xx is read from a clone (and only when the envelope has `errorWhen`),
   * so the caller can still read it.
   */
  parse(response: Response): Promise<ParsedError<S> | undefined>
  /** The same for a response already read. `body`: text, bytes, or parsed JSON. */
  parseAnswer(answer: Answer): ParsedError<S> | undefined
  readonly reader: EnvelopeReader
  readonly errors: ErrorInfoSet
}

const MiB = 1024 * 1024
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-ms-request-id', 'x-amzn-requestid']
/** Statuses a retry may fix when the catalog does not say (RFC 9110 and common practice). */
const RETRYABLE_STATUSES = [408, 425, 429, 500, 502, 503, 504]

export function createErrorParser<const E extends ErrorInfoSet>(
  options: ParserOptions<E>,
): ErrorParser<ShapeOf<E[keyof E]>> {
  type Result = ParsedError<ShapeOf<E[keyof E]>>
  const { reader } = options
  const maxBytes = options.maxBodyBytes ?? MiB
  const maxText = options.maxTextLength ?? 4096
  const requestIdHeaders = options.requestIdHeaders ?? REQUEST_ID_HEADERS
  const now = options.now ?? Date.now
  let index: ErrorIndex | undefined
  // Built on first use: an app that never fails pays nothing.
  const errorIndex = () => {
    index ??= reader.index(Object.values(options.errors))
    return index
  }

  function fromText(status: number, headers: Record<string, string>, text: string, cut: boolean) {
    const failed = status >= 400
    const unknown = (reason: UnknownReason) =>
      failed ? unknownError(status, headers, text, reason) : undefined
    if (cut) return unknown('too-large')
    if (text.trim() === '') return unknown('empty')
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return unknown('not-json')
    }
    return fromJson(status, headers, body, text)
  }

  function fromJson(status: number, headers: Record<string, string>, body: unknown, text: string) {
    if (!reader.isError(status, body)) return undefined
    const read = reader.read(status, body, errorIndex())
    const info = read.error as ErrorInfo | undefined
    if (!info) return unknownError(status, headers, text, readReason(read), read)
    const params = typedParams(info.params, read.params)
    return new ApiError({
      status,
      headers,
      message: read.message ?? info.title,
      text: text.slice(0, maxText),
      info,
      params,
      requestId: read.requestId ?? requestIdOf(headers),
      retryAfter: read.retryAfter ?? retryAfterOf(info, params, headers, status),
      retryable: info.retry !== 'never',
      violations: read.violations,
    }) as Result
  }

  function unknownError(
    status: number,
    headers: Record<string, string>,
    text: string,
    reason: UnknownReason,
    read?: ReadResult,
  ): Result {
    const fields = read?.fields ?? {}
    return new ApiError({
      status,
      headers,
      message: read?.message ?? `HTTP ${status}`,
      text: text.slice(0, maxText),
      reason,
      code: typeof fields.code === 'number' ? fields.code : undefined,
      key: typeof fields.key === 'string' ? fields.key : undefined,
      params: read?.params,
      requestId: read?.requestId ?? requestIdOf(headers),
      retryAfter: read?.retryAfter ?? serverDelay(headers, status),
      retryable: RETRYABLE_STATUSES.includes(status),
      violations: read?.violations,
    }) as Result
  }

  function requestIdOf(headers: Record<string, string>): string | undefined {
    for (const name of requestIdHeaders) if (headers[name]) return headers[name]
    return undefined
  }

  function retryAfterOf(
    info: ErrorInfo,
    params: Record<string, unknown>,
    headers: Record<string, string>,
    status: number,
  ): number | undefined {
    const spec = info.retry
    const fromParam =
      typeof spec === 'object' && 'afterParam' in spec ? params[spec.afterParam] : undefined
    if (typeof fromParam === 'number' && fromParam >= 0) return fromParam
    return (
      serverDelay(headers, status) ??
      (typeof spec === 'object' && 'after' in spec ? spec.after : undefined)
    )
  }

  /** What the headers say about waiting: Retry-After, then the rate-limit fields. */
  function serverDelay(headers: Record<string, string>, status: number): number | undefined {
    const time = now()
    return retryAfterSeconds(headers['retry-after'], time) ?? rateLimitDelay(headers, time, status)
  }

  function parseAnswer(answer: Answer): Result | undefined {
    try {
      const status = validStatus(answer.status)
      const headers = headerRecord(answer.headers)
      const body = answer.body
      if (typeof body === 'string')
        return fromText(status, headers, body.slice(0, maxBytes), body.length > maxBytes)
      if (body instanceof Uint8Array) {
        const cut = body.byteLength > maxBytes
        const text = new TextDecoder().decode(cut ? body.subarray(0, maxBytes) : body)
        return fromText(status, headers, text, cut)
      }
      if (body === undefined || body === null) return fromText(status, headers, '', false)
      return fromJson(status, headers, body, '')
    } catch {
      // Unreachable by design (reader.read never throws); a last guard keeps the promise.
      const status = validStatus(answer.status)
      return status >= 400 ? unknownError(status, {}, '', 'wrong-shape') : undefined
    }
  }

  async function parse(response: Response): Promise<Result | undefined> {
    try {
      const status = response.status
      const success = status < 400
      if (success && !reader.hasErrorWhen) return undefined
      const headers = headerRecord(response.headers)
      if (Number(headers['content-length']) > maxBytes) {
        // Too long to be an error body: a success is left unread for the caller.
        if (success) return undefined
        await response.body?.cancel().catch(() => {})
        return unknownError(status, headers, '', 'too-large')
      }
      const { text, truncated } = await readText(success ? response.clone() : response, maxBytes)
      return fromText(status, headers, text, truncated)
    } catch {
      return response.status >= 400 ? unknownError(response.status, {}, '', 'not-json') : undefined
    }
  }

  return { parse, parseAnswer, reader, errors: options.errors }
}

function validStatus(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 999
    ? value
    : 0
}

/** An unknown error's reason: the body named an error the catalog lacks, or named none. */
function readReason(read: ReadResult): UnknownReason {
  const { code, key, symbol, type } = read.fields
  return code !== undefined || key !== undefined || symbol !== undefined || type !== undefined
    ? 'unknown-error'
    : 'wrong-shape'
}
