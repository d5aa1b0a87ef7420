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
//
// Middleware that answers errors itself (rate limits, authentication) returns
// `errors.respond(c, error)` instead of throwing: the same response, which
// outer middleware (CORS, compression) still sees.
import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import {
  type AdapterOptions,
  createAdapterHandler,
  type FactoryArgs,
  type HeaderSource,
  pathOf,
  type RequestProblem,
  type RuntimeCatalog,
} from '../../index.ts'

export interface ErrcatHono extends MiddlewareHandler {
  /** For `app.onError`. */
  onError: ErrorHandler
  /** For `app.notFound`: the configured `notFound` error; without one, Hono's plain 404. */
  notFound: NotFoundHandler
  /**
   * The response to `error` in the catalog's envelope, exactly as a throw would
   * be answered (anything that is not a catalog error becomes the internal
   * error), for a middleware or handler to return. Never throws. A factory and
   * its arguments (`respond(c, BAD_TOKEN, { hint })`) get the same answer as
   * the error they would create, without creating it.
   */
  respond<E>(c: Context, error: E, ...args: FactoryArgs<E>): Response
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

/**
 * The request headers. On @hono/node-server, Node's own header record (`env.incoming`):
 * `c.req.raw.headers` would build a fetch `Headers` of every header of the request, which
 * costs more than answering the error, to read one or two of them.
 */
function headersOf(c: Context): HeaderSource {
  const incoming = (c.env as { incoming?: { headers?: unknown; rawHeaders?: unknown } } | undefined)
    ?.incoming
  if (
    typeof incoming === 'object' &&
    incoming !== null &&
    Array.isArray(incoming.rawHeaders) &&
    typeof incoming.headers === 'object' &&
    incoming.headers !== null
  )
    return incoming.headers as HeaderSource
  return c.req.raw.headers
}

export function errcat(catalog: RuntimeCatalog, options: AdapterOptions = {}): ErrcatHono {
  const handle = createAdapterHandler(catalog, options, honoRequestProblem)
  // Contexts whose error this adapter has answered, so that the middleware does not answer twice.
  const answered = new WeakSet<Context>()

  /**
   * The response to `thrown`, or with `args` (`respond`), to whatever a non-throwing call was
   * handed: a factory is then answered as its call.
   */
  function answer(thrown: unknown, c: Context, args?: unknown[]): Response {
    answered.add(c)
    const info = {
      method: c.req.method,
      // Not `c.req.path`, which Hono percent-decodes: `instance` is the path as the client sent it.
      path: pathOf(c.req.url),
      headers: headersOf(c),
    }
    const response = args === undefined ? handle(thrown, info) : handle.answer(thrown, args, info)
    return new Response(response.body, { status: response.status, headers: response.headers })
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    try {
      await next()
    } catch (thrown) {
      c.res = answer(thrown, c)
      return
    }
    // An Error that another `onError` answered: answer it in the envelope instead.
    if (c.error !== undefined && !answered.has(c)) c.res = answer(c.error, c)
  }

  const onError: ErrorHandler = (error, c) => answer(error, c)
  const notFound: NotFoundHandler = (c) =>
    options.notFound ? answer(options.notFound(), c) : c.text('404 Not Found', 404)
  const respond = (c: Context, error: unknown, ...args: unknown[]): Response => {
    try {
      return answer(error, c, args)
    } catch {
      // Only the Response constructor can throw here, for a status an envelope computed that
      // fetch does not allow with a body (1xx, 204): the caller must still get a response.
      return new Response(null, { status: 500 })
    }
  }

  return Object.assign(middleware, { onError, notFound, respond, ready: handle.ready })
}

export default errcat
