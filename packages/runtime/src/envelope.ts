// The envelope as servers run it: a writer that `errcat build` generated as
// plain code from the catalog's template (src/emit/envelope-code.ts), and the
// few helpers that code calls. Nothing here parses or compiles a template.
import { truthy as tTruthy } from './envelope/evaluate.ts'
import type { ApiView, ErrorView, RenderedResponse, RequestView } from './envelope/types.ts'
import { asStatus, headerValue } from './envelope/values.ts'

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
// The interpreter's own functions where they exist, so both read values alike.

export {
  equals as tEquals,
  member as tMember,
  truthy as tTruthy,
} from './envelope/evaluate.ts'
export { textOf as tText } from './envelope/render.ts'

/** `||` of the template language: the left value when truthy, else the right one. */
export function tOr(left: unknown, right: unknown): unknown {
  return tTruthy(left) ? left : right
}

/** `&&` of the template language. */
export function tAnd(left: unknown, right: unknown): unknown {
  return tTruthy(left) ? right : left
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
