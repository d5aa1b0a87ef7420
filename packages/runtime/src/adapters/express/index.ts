// errcat/express: Express 5 error middleware that answers every error in the
// catalog's envelope, and a not-found middleware for the end of the stack.
//
//   const errors = errcat(catalog, { notFound: NOT_FOUND })
//   app.use(errors.notFound) // after the routes
//   app.use(errors)          // last
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express'
import {
  type AdapterOptions,
  createAdapterHandler,
  pathOf,
  type RequestProblem,
  type RuntimeCatalog,
} from '../../index.ts'

export interface ErrcatExpress extends ErrorRequestHandler {
  /**
   * Passes the configured `notFound` error on to the error middleware; without
   * one it calls `next()`, leaving Express's own 404.
   */
  notFound: RequestHandler
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

  function errorMiddleware(error: unknown, req: Request, res: Response, next: NextFunction) {
    const response = handle(error, {
      method: req.method,
      path: pathOf(req.originalUrl),
      headers: req.headers,
    })
    // A response already under way cannot be replaced (the error is still logged and
    // recorded above): Express's final handler closes the connection.
    if (res.headersSent) return next(error)
    // Node's own writer rather than res.send: the body and its content type go out exactly as
    // rendered, with no charset appended and no ETag, as with every other adapter.
    res.statusCode = response.status
    for (const name in response.headers) res.setHeader(name, response.headers[name]!)
    res.end(response.body)
  }

  const notFound: RequestHandler = (_req, _res, next) => {
    if (options.notFound) next(options.notFound())
    else next()
  }

  return Object.assign(errorMiddleware, { notFound, ready: handle.ready })
}

export default errcat
