// errcat/client/ky: ky hooks that throw the parsed API error instead of ky's
// HTTPError, and retry what the catalog marks retryable (errors in HTTP 200
// bodies too) after the delay the server asked for, within ky's retry limit
// and retry methods. `ky.create({ prefixUrl, ...errcatKy(parser) })`.
import ky, { type AfterResponseHook, type Options } from 'ky'
import { ApiError } from './api-error.ts'
import type { ErrorShape } from './error-info.ts'
import type { ErrorParser } from './parse.ts'

export interface KyIntegrationOptions {
  /** Retry retryable errors with ky's retry (limit and methods from ky's `retry` option). Default: true. */
  retry?: boolean
  /** The header whose presence makes any method safe to resend. Default: `idempotency-key`. */
  idempotencyHeader?: string
}

export function errcatKy<S extends ErrorShape>(
  parser: ErrorParser<S>,
  options: KyIntegrationOptions = {},
): Pick<Options, 'hooks' | 'retry'> {
  const keyHeader = options.idempotencyHeader ?? 'idempotency-key'
  const afterResponse: AfterResponseHook = async (request, kyOptions, response, state) => {
    // ky hands hooks a clone: reading it leaves the response ky returns untouched.
    const error = await parser.parse(response)
    if (!error) return
    const retry = kyOptions.retry
    const resendable =
      (retry.methods ?? []).includes(request.method.toLowerCase()) || request.headers.has(keyHeader)
    const delay = error.retryAfter === undefined ? undefined : error.retryAfter * 1000
    if (
      options.retry !== false &&
      error.retryable &&
      resendable &&
      state.retryCount < (retry.limit ?? 0) &&
      (delay === undefined || delay <= (retry.maxRetryAfter ?? Number.POSITIVE_INFINITY))
    )
      return ky.retry(delay === undefined ? {} : { delay })
    throw error
  }
  return {
    hooks: { afterResponse: [afterResponse] },
    // ky retries whatever a hook throws; the hook above has already decided for API errors.
    retry: { shouldRetry: ({ error }) => (error instanceof ApiError ? false : undefined) },
  }
}
