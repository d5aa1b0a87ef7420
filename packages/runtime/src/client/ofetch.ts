// errcat/client/ofetch: an ofetch `onResponse` interceptor that throws the
// parsed API error (errors in HTTP 200 bodies too) instead of ofetch's
// FetchError. ofetch has read the body already: the parser reads `_data`.
// For retries that honour Retry-After, give ofetch the retrying fetch:
// `ofetch.create(errcatOfetch(parser), { fetch: createRetryingFetch({ parser }) })`.
import type { FetchContext, FetchOptions } from 'ofetch'
import type { ErrorShape } from './error-info.ts'
import type { ErrorParser } from './parse.ts'

export function errcatOfetch<S extends ErrorShape>(
  parser: ErrorParser<S>,
): Pick<FetchOptions, 'onResponse'> {
  return {
    onResponse(context: FetchContext) {
      const response = context.response
      if (!response) return
      const error = parser.parseAnswer({
        status: response.status,
        headers: response.headers,
        body: response._data ?? '',
      })
      if (error) throw error
    },
  }
}
