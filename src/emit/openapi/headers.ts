// The headers of an error response, as the example responses show the runtime
// sends them: the request id and Content-Language always, Retry-After and the
// IETF RateLimit fields for the errors that declare them, and the envelope's
// own headers. A header is `required` when every error of the status sends it.
import type { ErrorBody } from './error-bodies.ts'

interface HeaderInfo {
  name: string
  description: string
  schema: Record<string, unknown>
}

const RATE_LIMIT_DRAFT = 'IETF draft-ietf-httpapi-ratelimit-headers'

// In this order in every response; unknown headers follow, by name.
const KNOWN: Record<string, HeaderInfo> = {
  'x-request-id': {
    name: 'X-Request-Id',
    description:
      "The request id: the client's own when it is well-formed, else one the server generated. The adapters' default name; a server may configure another (`requestIdHeader`).",
    schema: { type: 'string' },
  },
  'content-language': {
    name: 'Content-Language',
    description: 'Language of the error message.',
    schema: { type: 'string' },
  },
  'retry-after': {
    name: 'Retry-After',
    description: 'Seconds to wait before retrying (RFC 9110, section 10.2.3).',
    schema: { type: 'integer', minimum: 0 },
  },
  'ratelimit-policy': {
    name: 'RateLimit-Policy',
    description: `The rate-limit policy the request exceeded: its name, quota (\`q\`) and window in seconds (\`w\`) (${RATE_LIMIT_DRAFT}).`,
    schema: { type: 'string' },
  },
  ratelimit: {
    name: 'RateLimit',
    description: `What remains of the policy (\`r\`) and the seconds until it resets (\`t\`) (${RATE_LIMIT_DRAFT}).`,
    schema: { type: 'string' },
  },
}

export function responseHeaders(
  group: readonly ErrorBody[],
  envelopeHeaders: ReadonlyMap<string, string>,
): Record<string, Record<string, unknown>> {
  const counts = new Map<string, number>()
  const examples = new Map<string, string>()
  for (const { headers } of group) {
    for (const [name, value] of Object.entries(headers)) {
      counts.set(name, (counts.get(name) ?? 0) + 1)
      if (!examples.has(name)) examples.set(name, value)
    }
  }
  const order = [...Object.keys(KNOWN), ...envelopeHeaders.keys()]
  const names = [...counts.keys()].sort(
    (a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b),
  )
  const out: Record<string, Record<string, unknown>> = {}
  for (const lower of names) {
    const info = KNOWN[lower] ?? {
      name: envelopeHeaders.get(lower) ?? lower,
      description: "Declared by the catalog's envelope.",
      schema: { type: 'string' },
    }
    const example = examples.get(lower)!
    out[info.name] = {
      description: info.description,
      ...(counts.get(lower) === group.length ? { required: true } : {}),
      schema: info.schema,
      example: info.schema.type === 'integer' ? Number(example) : example,
    }
  }
  return out
}

function rank(order: string[], name: string): number {
  const i = order.indexOf(name)
  return i < 0 ? order.length : i
}
