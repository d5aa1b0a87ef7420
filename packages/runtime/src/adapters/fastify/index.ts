// errcat/fastify: a Fastify plugin that answers every error in the catalog's
// envelope. It installs the error handler (and, when `notFound` is given, the
// not-found handler) on the instance it is registered on, without
// encapsulation, as fastify-plugin does, so every route of the application
// gets it.
//
//   await app.register(errcat, { catalog, notFound: errors.NOT_FOUND })
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  type AdapterOptions,
  createAdapterHandler,
  type ErrorHandler,
  pathOf,
  type RequestProblem,
  type RuntimeCatalog,
} from '../../index.ts'

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

// Returns nothing on purpose: a handler that returns the reply (a thenable) makes Fastify
// wait on it through a promise and a stream listener, about 1 µs per error response.
function send(
  handle: ErrorHandler,
  thrown: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const response = handle(thrown, {
    method: request.method,
    path: pathOf(request.url),
    headers: request.headers,
  })
  // Bytes go out as they are: a string with a JSON content type would get Fastify's
  // `; charset=utf-8` appended, and every adapter sends the envelope's content type exactly.
  reply.code(response.status).headers(response.headers).send(Buffer.from(response.body))
}

async function plugin(app: FastifyInstance, options: ErrcatFastifyOptions): Promise<void> {
  const { catalog, ...rest } = options
  const handle = createAdapterHandler(catalog, rest, fastifyRequestProblem)
  app.setErrorHandler((error, request, reply) => {
    send(handle, error, request, reply)
  })
  const notFound = options.notFound
  if (notFound)
    app.setNotFoundHandler((request, reply) => {
      send(handle, notFound(), request, reply)
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
