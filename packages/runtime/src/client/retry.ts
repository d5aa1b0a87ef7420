// A fetch that retries what is worth retrying: errors the catalog marks
// retryable (also those signalled in HTTP 200 bodies), statuses that say
// "later" when the error is unknown, and network failures. It waits what the
// server asks (body, Retry-After, RateLimit fields) or else backs off
// exponentially with full jitter, within caps on attempts, on one wait and on
// the total time; it never resends a non-idempotent request unless told to or
// the request carries an idempotency key. It returns the last response, as
// fetch would, so it drops into any client that takes a `fetch`.
import type { ParsedError } from './api-error.ts'
import { type Clock, systemClock } from './clock.ts'
import type { ErrorShape } from './error-info.ts'
import type { ErrorParser } from './parse.ts'

export type RetryReason =
  | 'success'
  | 'retryable'
  | 'network-error'
  | 'not-retryable'
  | 'not-idempotent'
  | 'body-not-replayable'
  | 'attempts-exhausted'
  | 'wait-too-long'
  | 'out-of-time'

/** What the wrapper saw after one attempt and what it decided. */
export interface AttemptEvent<S extends ErrorShape = ErrorShape> {
  /** 1 for the first request. */
  attempt: number
  method: string
  url: string
  response?: Response
  /** The API error the response carries. */
  error?: ParsedError<S>
  /** The network failure fetch threw. */
  failure?: unknown
  /** `retry` after `delay` ms; `return` the response; `throw` the network failure. */
  decision: 'retry' | 'return' | 'throw'
  reason: RetryReason
  /** Milliseconds to wait before the next attempt (`retry`), or the wait refused. */
  delay?: number
  /** Whether the server chose the delay (body or headers) or the backoff did. */
  delayFrom?: 'server' | 'backoff'
  /** Milliseconds since the first attempt started. */
  elapsed: number
}

export interface RetryOptions<S extends ErrorShape = ErrorShape> {
  parser: ErrorParser<S>
  /** The fetch to call. Default: the global one. */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>
  /** Most requests sent, the first included. Default: 3. */
  attempts?: number
  /** First backoff ceiling in ms, doubled each attempt. Default: 300. */
  baseDelay?: number
  /** Longest single wait in ms; a server asking for longer is not retried. Default: 30,000. */
  maxDelay?: number
  /** Longest total time in ms, waits included, before giving up. Default: 60,000. */
  maxElapsed?: number
  /** Retry POST and PATCH even without an idempotency key. Default: false. */
  retryNonIdempotent?: boolean
  /** The header whose presence makes any method safe to resend. Default: `idempotency-key`. */
  idempotencyHeader?: string
  /** Called once per attempt with its decision. */
  onAttempt?: (event: AttemptEvent<S>) => void
  clock?: Clock
  /** In [0, 1): the jitter. Default: `Math.random`. */
  random?: () => number
}

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

const IDEMPOTENT = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']

export function createRetryingFetch<S extends ErrorShape>(options: RetryOptions<S>): FetchLike {
  const { parser } = options
  const attempts = Math.max(1, options.attempts ?? 3)
  const base = options.baseDelay ?? 300
  const maxDelay = options.maxDelay ?? 30_000
  const maxElapsed = options.maxElapsed ?? 60_000
  const clock = options.clock ?? systemClock
  const random = options.random ?? Math.random
  const keyHeader = options.idempotencyHeader ?? 'idempotency-key'

  return async function retryingFetch(input, init) {
    const fetchImpl = options.fetch ?? globalThis.fetch
    const request = input instanceof Request ? input : undefined
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase()
    const url = request ? request.url : String(input)
    const signal = init?.signal ?? request?.signal ?? undefined
    const mayResend =
      IDEMPOTENT.includes(method) ||
      options.retryNonIdempotent === true ||
      new Headers(init?.headers ?? request?.headers).has(keyHeader)
    // A stream body is gone once sent; a Request is cloned before each attempt instead.
    const replayable = !(init?.body instanceof ReadableStream)
    const started = clock.now()

    for (let attempt = 1; ; attempt++) {
      const event = { attempt, method, url } as AttemptEvent<S>
      let response: Response | undefined
      try {
        response = await fetchImpl(request ? request.clone() : input, init)
      } catch (failure) {
        // Cancelled by the caller: never retried.
        if (signal?.aborted) throw failure
        event.failure = failure
      }
      const error = response ? await errorOf(response) : undefined
      if (error) event.error = error
      if (response) event.response = response
      event.elapsed = clock.now() - started

      const verdict = decide(event, attempt, mayResend, replayable)
      event.reason = verdict
      if (verdict === 'retryable' || verdict === 'network-error') {
        const { delay, from } = delayFor(attempt, error)
        event.delay = delay
        event.delayFrom = from
        if (delay > maxDelay) event.reason = 'wait-too-long'
        else if (event.elapsed + delay > maxElapsed) event.reason = 'out-of-time'
      }
      const retry = event.reason === 'retryable' || event.reason === 'network-error'
      event.decision = retry ? 'retry' : response ? 'return' : 'throw'
      options.onAttempt?.(event)
      if (!retry) {
        if (response) return response
        throw event.failure
      }
      // The body of a response that is retried is never read: free the connection.
      await response?.body?.cancel().catch(() => {})
      await clock.sleep(event.delay!, signal)
    }
  }

  /** Parses a clone of an error response, so that the one returned keeps its body. */
  function errorOf(response: Response): Promise<ParsedError<S> | undefined> {
    if (response.status < 400 && !parser.reader.hasErrorWhen) return Promise.resolve(undefined)
    // A 2xx is read from a clone by the parser itself.
    return parser.parse(response.status >= 400 ? response.clone() : response)
  }

  function decide(
    event: AttemptEvent<S>,
    attempt: number,
    mayResend: boolean,
    replayable: boolean,
  ): RetryReason {
    if (event.response && !event.error) return 'success'
    if (event.error && !event.error.retryable) return 'not-retryable'
    if (!mayResend) return 'not-idempotent'
    if (!replayable) return 'body-not-replayable'
    if (attempt >= attempts) return 'attempts-exhausted'
    return event.error ? 'retryable' : 'network-error'
  }

  function delayFor(
    attempt: number,
    error: ParsedError<S> | undefined,
  ): { delay: number; from: 'server' | 'backoff' } {
    // The parser read it from the body, Retry-After or the rate-limit fields.
    const server = error?.retryAfter
    if (server !== undefined) return { delay: Math.ceil(server * 1000), from: 'server' }
    const ceiling = Math.min(maxDelay, base * 2 ** (attempt - 1))
    return { delay: Math.floor(random() * ceiling), from: 'backoff' }
  }
}
