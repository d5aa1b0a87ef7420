// errcat/express: Express 5 error middleware that answers every error in the
// catalog's envelope, and a not-found middleware for the end of the stack.
//
//   const errors = errcat(catalog, { notFound: NOT_FOUND })
//   app.use(errors.notFound) // after the routes
//   app.use(errors)          // last
//
// Middleware that answers errors itself (rate limits, authentication) calls
// `errors.send(req, res, error)` instead of throwing: the same response,
// without an exception on the hot path of an abusive client.
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express'
import {
  type AdapterOptions,
  createAdapterHandler,
  type ErrorResponse,
  type FactoryArgs,
  pathOf,
  type RequestInfo,
  type RequestProblem,
  type RuntimeCatalog,
} from '../../index.ts'

export interface ErrcatExpress extends ErrorRequestHandler {
  /**
   * Passes the configured `notFound` error on to the error middleware; without
   * one it calls `next()`, leaving Express's own 404.
   */
  notFound: RequestHandler
  /**
   * Answers `error` in the catalog's envelope without throwing, writing exactly
   * what the error middleware writes (anything that is not a catalog error
   * becomes the internal error). Never throws. A factory and its arguments
   * (`send(req, res, BAD_TOKEN, { hint })`) get the same answer as the error
   * they would create, without creating it.
   */
  send<E>(req: Request, res: Response, error: E, ...args: FactoryArgs<E>): void
  /** Settles once OpenTelemetry is loaded (errors are answered before that too). */
  ready: Promise<void>
}

// body-parser (express.json(), express.urlencoded(), …) marks the errors it
// raises with a `type`; these are the client's fault.
const REQUEST_PROBLEMS: Readonly<Record<string, RequestProblem>> = {
  'entity.parse.failed': 'malformed-body',
  'request.aborted': 'malformed-body',
  'request.size.invalid': 'malformed-body',
  'entity.too.large': 'payload-too-large',
  'parameters.too.many': 'payload-too-large',
  'encoding.unsupported': 'unsupported-media-type',
  'charset.unsupported': 'unsupported-media-type',
}

/** Express's request errors: body-parser's, recognised by their `type`. */
export function expressRequestProblem(thrown: unknown): RequestProblem | undefined {
  if (!(thrown instanceof Error)) return undefined
  const type = (thrown as { type?: unknown }).type
  return typeof type === 'string' && Object.hasOwn(REQUEST_PROBLEMS, type)
    ? REQUEST_PROBLEMS[type]
    : undefined
}

export function errcat(catalog: RuntimeCatalog, options: AdapterOptions = {}): ErrcatExpress {
  const handle = createAdapterHandler(catalog, options, expressRequestProblem)

  const infoOf = (req: Request): RequestInfo => ({
    method: req.method,
    path: pathOf(req.originalUrl),
    headers: req.headers,
  })

  /** Writes `response`; false when the response had already started. */
  function write(response: ErrorResponse, res: Response): boolean {
    // A response already under way cannot be replaced (the error is still logged and
    // recorded above).
    if (res.headersSent) return false
    // Node's own writer rather than res.send: the body and its content type go out exactly as
    // rendered, with no charset appended and no ETag, as with every other adapter.
    res.statusCode = response.status
    for (const name in response.headers) res.setHeader(name, response.headers[name]!)
    res.end(response.body)
    return true
  }

  function errorMiddleware(error: unknown, req: Request, res: Response, next: NextFunction) {
    // Express's final handler closes the connection of a response it cannot complete.
    if (!write(handle(error, infoOf(req)), res)) next(error)
  }

  function send(req: Request, res: Response, error: unknown, ...args: unknown[]): void {
    try {
      // What Express's final handler does with a started response (the middleware's path):
      // the client must not take a cut-short body for a complete one.
      if (!write(handle.answer(error, args, infoOf(req)), res)) req.socket?.destroy()
    } catch {
      // A setHeader or end that another middleware replaced and that throws: the caller
      // is answering an error already and has nothing better to do with a second one.
    }
  }

  const notFound: RequestHandler = (_req, _res, next) => {
    if (options.notFound) next(options.notFound())
    else next()
  }

  return Object.assign(errorMiddleware, { notFound, send, ready: handle.ready })
}

export default errcat
