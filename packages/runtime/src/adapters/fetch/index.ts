// errcat/fetch: `(error, request) => Response` for any runtime with fetch's
// Request and Response (Bun, Deno, Cloudflare Workers, Node 20+), and `wrap`
// for a whole fetch handler.
//
//   const errors = errcat(catalog, { notFound: NOT_FOUND })
//   export default { fetch: errors.wrap(route) }
import {
  type AdapterOptions,
  createAdapterHandler,
  type ErrorResponse,
  type FactoryArgs,
  pathOf,
  RequestBodyError,
  type RequestInfo,
  type RuntimeCatalog,
} from '../../index.ts'

export interface ErrcatFetch {
  /**
   * The response for anything thrown while answering `request`. A factory and its arguments
   * (`errors(BAD_TOKEN, request, { hint })`) get the same answer as the error they would
   * create, without creating it.
   */
  <E>(error: E, request: Request, ...args: FactoryArgs<E>): Response
  /** A fetch handler whose throws and rejections are answered in the envelope. */
  wrap<A extends unknown[]>(
    handler: (request: Request, ...rest: A) => Response | Promise<Response>,
  ): (request: Request, ...rest: A) => Promise<Response>
  /** The response for a request no route matches: the configured `notFound` error, else a plain 404. */
  notFound(request: Request): Response
  /** Settles once OpenTelemetry is loaded (errors are answered before that too). */
  ready: Promise<void>
}

// Statuses whose responses have no body (the Response constructor rejects one).
const NULL_BODY = new Set([101, 103, 204, 205, 304])

export function errcat(catalog: RuntimeCatalog, options: AdapterOptions = {}): ErrcatFetch {
  // No framework: the only request problems are those `readJson` reports.
  const handle = createAdapterHandler(catalog, options, () => undefined)

  function infoOf(request: Request): RequestInfo {
    return { method: request.method, path: pathOf(request.url), headers: request.headers }
  }

  function toResponse(response: ErrorResponse, request: Request): Response {
    const body = request.method === 'HEAD' || NULL_BODY.has(response.status) ? null : response.body
    return new Response(body, { status: response.status, headers: response.headers })
  }

  /** What was thrown while answering `request`: a thrown factory is a mistake, answered as one. */
  function answerThrown(error: unknown, request: Request): Response {
    return toResponse(handle(error, infoOf(request)), request)
  }

  function respond(error: unknown, request: Request, ...args: unknown[]): Response {
    return toResponse(handle.answer(error, args, infoOf(request)), request)
  }

  function wrap<A extends unknown[]>(
    handler: (request: Request, ...rest: A) => Response | Promise<Response>,
  ) {
    return async (request: Request, ...rest: A): Promise<Response> => {
      try {
        return await handler(request, ...rest)
      } catch (error) {
        return answerThrown(error, request)
      }
    }
  }

  function notFound(request: Request): Response {
    return options.notFound
      ? answerThrown(options.notFound(), request)
      : new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } })
  }

  return Object.assign(respond, { wrap, notFound, ready: handle.ready })
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i

export interface ReadJsonOptions {
  /** The largest body accepted, in bytes. Default: 1 MiB. */
  limit?: number
}

/**
 * The JSON body of a request, or a `RequestBodyError` that every errcat
 * adapter answers as a client error: not JSON (415), too large (413), or not
 * parseable (the validation error). `request.json()` would throw a
 * SyntaxError instead, which is indistinguishable from a bug of the server
 * and so answered as the internal error.
 */
export async function readJson(request: Request, options: ReadJsonOptions = {}): Promise<unknown> {
  const limit = options.limit ?? 1024 * 1024
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim()
  if (!JSON_MEDIA_TYPE.test(mediaType))
    throw new RequestBodyError('unsupported-media-type', `expected JSON, got "${mediaType}"`)
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declared > limit)
    throw new RequestBodyError('payload-too-large', `${declared} > ${limit} bytes`)
  const text = await readText(request, limit)
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new RequestBodyError('malformed-body', (error as Error).message)
  }
}

async function readText(request: Request, limit: number): Promise<string> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const decoder = new TextDecoder()
  let size = 0
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text + decoder.decode()
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      throw new RequestBodyError('payload-too-large', `more than ${limit} bytes`)
    }
    text += decoder.decode(value, { stream: true })
  }
}

export default errcat
