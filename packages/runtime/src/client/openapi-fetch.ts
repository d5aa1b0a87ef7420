// errcat/client/openapi-fetch: middleware that makes a client's calls reject
// with the parsed, typed API error (errors in HTTP 200 bodies too), where
// openapi-fetch would return an untyped `error` by status. `client.use(errcatMiddleware(parser))`;
// for retries, create the client with `fetch: createRetryingFetch({ parser })`.
import type { Middleware } from 'openapi-fetch'
import type { ErrorShape } from './error-info.ts'
import type { ErrorParser } from './parse.ts'

export function errcatMiddleware<S extends ErrorShape>(parser: ErrorParser<S>): Middleware {
  return {
    async onResponse({ response }) {
      // An error response is read here (the call rejects); a 2xx only from a clone.
      const error = await parser.parse(response)
      if (error) throw error
      return undefined
    },
  }
}
