// errcat/hono: answers every error of a Hono application in the catalog's
// envelope, on Node, Bun, Deno and workers alike.
//
//   const errors = errcat(catalog, { notFound: NOT_FOUND })
//   app.use(errors)               // also catches throws that are not Errors
//   app.onError(errors.onError)
//   app.notFound(errors.notFound)
//
// Hono hands only `Error` instances to `onError`; a thrown string, null or
// plain object escapes it and reaches the middleware instead, which is why
// both exist. Either one alone still answers what it sees.
import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import {
  type AdapterOptions,
  createAdapterHandler,
  pathOf,
  type RequestProblem,
  type RuntimeCatalog,
} from '../../index.ts'

export interface ErrcatHono extends MiddlewareHandler {
  /** For `app.onError`. */
  onError: ErrorHandler
  /** For `app.notFound`: the configured `notFound` error; without one, Hono's plain 404. */
  notFound: NotFoundHandler
  /** Settles once OpenTelemetry is loaded (errors are answered before that too). */
  ready: Promise<void>
}

// Hono's built-in middleware throws HTTPException with these statuses for a
// body it cannot take (validator: malformed JSON or form data; bodyLimit).
const REQUEST_PROBLEMS: Readonly<Record<number, RequestProblem>> = {
  400: 'malformed-body',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
}

/**
 * Hono's request errors. Other HTTPExceptions (401 from jwt or bearerAuth,
 * 403 from csrf, …) become the internal error unless `mapError` maps them:
 * their messages are Hono's, not the catalog's.
 */
export function honoRequestProblem(thrown: unknown): RequestProblem | undefined {
  return thrown instanceof HTTPException ? REQUEST_PROBLEMS[thrown.status] : undefined
}

export function errcat(catalog: RuntimeCatalog, options: AdapterOptions = {}): ErrcatHono {
  const handle = createAdapterHandler(catalog, options, honoRequestProblem)
  // Contexts whose error this adapter has answered, so that the middleware does not answer twice.
  const answered = new WeakSet<Context>()

  function respond(thrown: unknown, c: Context): Response {
    answered.add(c)
    const response = handle(thrown, {
      method: c.req.method,
      // Not `c.req.path`, which Hono percent-decodes: `instance` is the path as the client sent it.
      path: pathOf(c.req.url),
      headers: c.req.raw.headers,
    })
    return new Response(response.body, { status: response.status, headers: response.headers })
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    try {
      await next()
    } catch (thrown) {
      c.res = respond(thrown, c)
      return
    }
    // An Error that another `onError` answered: answer it in the envelope instead.
    if (c.error !== undefined && !answered.has(c)) c.res = respond(c.error, c)
  }

  const onError: ErrorHandler = (error, c) => respond(error, c)
  const notFound: NotFoundHandler = (c) =>
    options.notFound ? respond(options.notFound(), c) : c.text('404 Not Found', 404)

  return Object.assign(middleware, { onError, notFound, ready: handle.ready })
}

export default errcat
