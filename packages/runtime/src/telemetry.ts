// OpenTelemetry, when the application has it. `@opentelemetry/api` is an
// optional peer dependency: it is imported once, lazily, and when it is
// absent nothing else happens. Without an SDK the API hands out
// non-recording spans and no-op meters, so `isRecording()` is checked first
// and the cost stays a function call.
import type { CatalogError } from './catalog-error.ts'

/** The part of `@opentelemetry/api` used here, typed structurally so that the peer stays optional. */
export interface OpenTelemetryApi {
  trace: { getActiveSpan(): SpanLike | undefined }
  metrics: {
    getMeter(
      name: string,
      version?: string,
    ): {
      createCounter(
        name: string,
        options?: { description?: string; unit?: string },
      ): { add(value: number, attributes?: Record<string, string | number>): void }
    }
  }
}

interface SpanLike {
  isRecording(): boolean
  setAttribute(key: string, value: string | number): unknown
  setStatus(status: { code: number; message?: string }): unknown
  recordException(exception: { name?: string; message?: string; stack?: string }): unknown
}

/** `SpanStatusCode.ERROR`, without importing the enum. */
const SPAN_STATUS_ERROR = 2
// A variable specifier keeps bundlers from trying to resolve the optional peer.
const SPECIFIER = '@opentelemetry/api'

let loading: Promise<OpenTelemetryApi | undefined> | undefined

/** Imports `@opentelemetry/api` once per process; undefined when it is not installed. */
export function loadOpenTelemetry(): Promise<OpenTelemetryApi | undefined> {
  loading ??= import(SPECIFIER).then(
    (module: { default?: OpenTelemetryApi } & Partial<OpenTelemetryApi>) =>
      module.trace && module.metrics ? (module as OpenTelemetryApi) : module.default,
    () => undefined,
  )
  return loading
}

/** What is recorded of an answered error: a CatalogError, or a factory call answered without one. */
export type RecordedError = Pick<CatalogError, 'definition' | 'message'>

export type ErrorRecorder = (error: RecordedError, responseStatus: number) => void

/**
 * Records each answered error: on the active span (`error.type`, status ERROR
 * for 5xx, an exception event, without the message when the error is not
 * exposed) and in the `errcat.errors` counter.
 */
export function createRecorder(api: OpenTelemetryApi): ErrorRecorder {
  const counter = api.metrics.getMeter('errcat').createCounter('errcat.errors', {
    description: 'Error responses, by catalog symbol and HTTP response status',
    unit: '{error}',
  })
  return (error, responseStatus) => {
    const { symbol, status, expose } = error.definition
    const span = api.trace.getActiveSpan()
    if (span?.isRecording()) {
      span.setAttribute('error.type', symbol)
      // Server errors fail the span; client errors are the client's (OTel HTTP semantic conventions).
      if (status >= 500)
        span.setStatus(
          expose
            ? { code: SPAN_STATUS_ERROR, message: error.message }
            : { code: SPAN_STATUS_ERROR },
        )
      span.recordException(
        expose
          ? { name: symbol, message: error.message }
          : // The stack's first line repeats the message: leave both out.
            { name: symbol },
      )
    }
    counter.add(1, { 'error.type': symbol, 'http.response.status_code': responseStatus })
  }
}
