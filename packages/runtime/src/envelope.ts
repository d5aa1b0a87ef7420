// The envelope as servers run it: a writer that `errcat build` generated as
// plain code from the catalog's template (src/emit/envelope-code.ts), and the
// few helpers that code calls. Nothing here parses or compiles a template.
import type { ApiView, ErrorView, RenderedResponse, RequestView } from './envelope/types.ts'

export {
  filterFieldPath,
  filterGrpcStatus,
  filterLower,
  filterNumber,
  filterSeconds,
  filterString,
  filterStringMap,
  filterUpper,
} from './envelope/filter-functions.ts'

type Render<T> = (error: ErrorView, request: RequestView, api: ApiView) => T

export interface EnvelopeWriter {
  readonly contentType: string
  /** A fixed HTTP status (APIs that answer errors with 200), or one computed per error. */
  readonly status?: number | Render<unknown>
  readonly headers?: Render<Record<string, unknown>>
  readonly body: Render<unknown>
  /**
   * True when the body reads nothing of the request or of one occurrence (params,
   * violations, retry delay, upstream fields): it is then the same for every response
   * of an error without params in one locale, and the handler caches its bytes.
   */
  readonly cacheable: boolean
  /** Client side: whether a response is an error (`errorWhen`), for 2xx answers. */
  readonly errorWhen?: (body: unknown, status: number) => boolean
}

/** Marks a writer made by `errcat build` (or `envelopeWriter`), so handlers can tell it from a template. */
const WRITER = Symbol.for('errcat.EnvelopeWriter')

export function defineEnvelope(writer: EnvelopeWriter): EnvelopeWriter {
  return Object.defineProperty(writer, WRITER, { value: true })
}

export function isEnvelopeWriter(value: unknown): value is EnvelopeWriter {
  return typeof value === 'object' && value !== null && WRITER in value
}

/** The status and headers of a response: the status falls back to the error's own. */
export function renderHead(
  writer: EnvelopeWriter,
  error: ErrorView,
  request: RequestView,
  api: ApiView,
): Omit<RenderedResponse, 'body'> {
  const headers: Record<string, string> = {}
  if (writer.headers) {
    const values = writer.headers(error, request, api)
    for (const name in values) {
      const value = values[name]
      if (value !== undefined && value !== null) headers[name] = headerValue(value)
    }
  }
  const status =
    typeof writer.status === 'number'
      ? writer.status
      : writer.status
        ? (asStatus(writer.status(error, request, api)) ?? error.status)
        : error.status
  return { status, headers, contentType: writer.contentType }
}

/** The whole response a writer renders for an error. */
export function renderEnvelope(
  writer: EnvelopeWriter,
  error: ErrorView,
  request: RequestView,
  api: ApiView,
): RenderedResponse {
  return { ...renderHead(writer, error, request, api), body: writer.body(error, request, api) }
}

// ── What generated writers call. Short names: the generated module repeats them. ──

/** An own member of an object or array; undefined for anything else. */
export function tMember(value: unknown, key: string | number): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined
  return (value as Record<string | number, unknown>)[key]
}

/** How a value reads inside text: undefined and null as nothing, objects as JSON. */
export function tText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value) ?? ''
    } catch {
      return ''
    }
  }
  return String(value)
}

/** JavaScript's truthiness, except that empty arrays and objects are false too. */
export function tTruthy(value: unknown): boolean {
  if (!value) return false
  if (typeof value !== 'object') return true
  if (Array.isArray(value)) return value.length > 0
  for (const key in value) if (Object.hasOwn(value, key)) return true
  return false
}

/** `||` of the template language: the left value when truthy, else the right one. */
export function tOr(left: unknown, right: unknown): unknown {
  return tTruthy(left) ? left : right
}

/** `&&` of the template language. */
export function tAnd(left: unknown, right: unknown): unknown {
  return tTruthy(left) ? right : left
}

/** `==`: strict, except that null and undefined (a missing member) are equal. */
export function tEquals(a: unknown, b: unknown): boolean {
  return a === b || ((a === null || a === undefined) && (b === null || b === undefined))
}

/** Ordering of two numbers or two strings: negative, 0 or positive; NaN (every test false) otherwise. */
export function tOrder(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  return Number.NaN
}

/** An array without its undefined items (members a template left out). */
export function tCompact(items: unknown[]): unknown[] {
  for (let i = 0; i < items.length; i++) {
    if (items[i] === undefined) return items.filter((item) => item !== undefined)
  }
  return items
}

/** `$each`: the rendered items, or undefined (left out) when there are none. */
export function tEach(source: unknown, render: (item: unknown) => unknown): unknown[] | undefined {
  if (!Array.isArray(source) || source.length === 0) return undefined
  const out: unknown[] = []
  for (const item of source) {
    const value = render(item)
    if (value !== undefined) out.push(value)
  }
  return out.length ? out : undefined
}

/** A status from a template: an integer from 100 to 599, or its digits as text. */
function asStatus(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined
}

const UNSAFE_HEADER_CHARS = /[^\t\x20-\x7e]/

/**
 * Header values cannot hold line breaks (they would split the response: header
 * injection) nor text outside Latin-1 (Node and fetch reject it): breaks become
 * spaces, other control characters go, non-ASCII text is percent-encoded.
 */
function headerValue(value: unknown): string {
  const text = typeof value === 'string' ? value : tText(value)
  if (!UNSAFE_HEADER_CHARS.test(text)) return text
  return text.replace(/[\r\n]+/g, ' ').replace(/[^\t\x20-\x7e]/gu, (c) => {
    if (c < ' ' || c === '\x7f') return ''
    try {
      return encodeURIComponent(c)
    } catch {
      return '' // a lone surrogate
    }
  })
}
