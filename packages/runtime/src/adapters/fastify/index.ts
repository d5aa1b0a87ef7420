// errcat/fastify: a Fastify plugin that answers every error in the catalog's
// envelope. It installs the error handler (and, when `notFound` is given, the
// not-found handler) on the instance it is registered on, without
// encapsulation, as fastify-plugin does, so every route of the application
// gets it, and decorates replies with `sendError` for hooks that answer
// without throwing.
//
//   await app.register(errcat, { catalog, notFound: errors.NOT_FOUND })
//   app.addHook('onRequest', async (request, reply) => {
//     if (limited(request)) return reply.sendError(errors.RATE_LIMIT_EXCEEDED)
//   })
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
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

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Answers `error` in the catalog's envelope without throwing, exactly as a
     * throw would be answered, through `reply.send` (so `onSend` and
     * `onResponse` hooks run). Anything that is not a catalog error becomes the
     * internal error. Returns the reply: in an async hook, `return` it, which
     * tells Fastify the request is answered.
     *
     * A factory and its arguments (`sendError(RATE_LIMIT_EXCEEDED)`,
     * `sendError(BAD_TOKEN, { hint })`) get the same answer as the error they
     * would create, without creating it: cheaper under abuse.
     */
    sendError<E>(error: E, ...args: FactoryArgs<E>): this
  }
}

export interface ErrcatFastifyOptions extends AdapterOptions {
  /** The runtime catalog: `catalog` from the generated module. */
  catalog: RuntimeCatalog
}

// Fastify's content-type parser reports a body it cannot take with these codes.
const REQUEST_PROBLEMS: Readonly<Record<string, RequestProblem>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed-body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
}

/** Fastify's own request errors; its validation errors (`error.validation`) the core reads itself. */
export function fastifyRequestProblem(thrown: unknown): RequestProblem | undefined {
  if (!(thrown instanceof Error)) return undefined
  const code = (thrown as { code?: unknown }).code
  return typeof code === 'string' && Object.hasOwn(REQUEST_PROBLEMS, code)
    ? REQUEST_PROBLEMS[code]
    : undefined
}

/**
 * The bytes of a body. The same body as last time (one error repeated under load: a rate
 * limit, a bad token) is not encoded again; those responses share one Buffer, which onSend
 * hooks may read or replace, as with any payload, but not write into.
 */
function encoder(): (body: string) => Buffer {
  let lastBody = ''
  let lastBytes = Buffer.alloc(0)
  return (body) => {
    if (body !== lastBody) {
      lastBytes = Buffer.from(body)
      lastBody = body
    }
    return lastBytes
  }
}

function infoOf(request: FastifyRequest): RequestInfo {
  return { method: request.method, path: pathOf(request.url), headers: request.headers }
}

// Returns nothing on purpose: a handler that returns the reply (a thenable) makes Fastify
// wait on it through a promise and a stream listener, about 1 µs per error response.
function send(
  response: ErrorResponse,
  encode: (body: string) => Buffer,
  reply: FastifyReply,
): void {
  // Bytes go out as they are: a string with a JSON content type would get Fastify's
  // `; charset=utf-8` appended, and every adapter sends the envelope's content type exactly.
  reply.code(response.status).headers(response.headers).send(encode(response.body))
}

async function plugin(app: FastifyInstance, options: ErrcatFastifyOptions): Promise<void> {
  const { catalog, ...rest } = options
  const handle = createAdapterHandler(catalog, rest, fastifyRequestProblem)
  const encode = encoder()
  app.setErrorHandler((error, request, reply) => {
    send(handle(error, infoOf(request)), encode, reply)
  })
  app.decorateReply(
    'sendError',
    function sendError(this: FastifyReply, error: unknown, ...args: unknown[]) {
      try {
        send(handle.answer(error, args, infoOf(this.request)), encode, this)
      } catch {
        // reply.send throws inside a Fastify `onError` hook (FST_ERR_SEND_INSIDE_ONERR), where
        // the error handler answers anyway: a caller answering an error must not get a second one.
      }
      return this
    },
  )
  const notFound = options.notFound
  if (notFound)
    app.setNotFoundHandler((request, reply) => {
      send(handle(notFound(), infoOf(request)), encode, reply)
    })
  // Telemetry is loaded by the time the application listens.
  await handle.ready
}

// fastify-plugin's markers, without the dependency: no encapsulation, a name in errors and logs.
Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'errcat',
  [Symbol.for('plugin-meta')]: { name: 'errcat', fastify: '4.x || 5.x' },
})

/** The plugin: `app.register(errcat, { catalog, ...options })`. */
export const errcat = plugin
export default plugin
