// CORS for the mock only: client developers call it from browser apps on
// other origins (a dev server on another port). It carries no credentials and
// no state, so any origin may read it; the docs pages stay same-origin.
import type { IncomingHttpHeaders } from 'node:http'

const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE'
/** Header names a preflight may ask for: tokens only, so the echo cannot split a header. */
const HEADER_LIST = /^[!#$%&'*+\-.^`|~\w]+(?:\s*,\s*[!#$%&'*+\-.^`|~\w]+)*$/
// Response headers a script may read without being told.
const SAFELISTED = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
])

/** The headers that let a cross-origin page read `headers` (none for same-origin requests). */
export function corsHeaders(
  request: IncomingHttpHeaders,
  headers: Readonly<Record<string, string>>,
): Record<string, string> {
  if (request.origin === undefined) return {}
  const exposed = Object.keys(headers).filter((name) => !SAFELISTED.has(name))
  return {
    'access-control-allow-origin': '*',
    ...(exposed.length > 0 ? { 'access-control-expose-headers': exposed.join(', ') } : {}),
  }
}

/** The answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`). */
export function preflightHeaders(request: IncomingHttpHeaders): Record<string, string> {
  const asked = request['access-control-request-headers']
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': METHODS,
    ...(typeof asked === 'string' && HEADER_LIST.test(asked.trim())
      ? { 'access-control-allow-headers': asked.trim() }
      : {}),
    'access-control-max-age': '600',
  }
}

/** Whether a request is a CORS preflight. */
export function isPreflight(method: string | undefined, request: IncomingHttpHeaders): boolean {
  return method === 'OPTIONS' && typeof request['access-control-request-method'] === 'string'
}
