// Reading request headers the way each framework hands them over: Node's
// lower-cased record (Fastify, Express, node:http), a fetch `Headers`
// (Hono, workers), or a getter function.

export type HeaderValue = string | readonly string[] | null | undefined

export type HeaderSource =
  | ((name: string) => HeaderValue)
  | { get(name: string): string | null }
  | Readonly<Record<string, HeaderValue>>

/**
 * One header's value, or undefined. `name` must be lower case. A header sent
 * several times yields undefined: none of the headers read here may repeat.
 */
export function readHeader(source: HeaderSource, name: string): string | undefined {
  const value =
    typeof source === 'function'
      ? source(name)
      : typeof source.get === 'function'
        ? (source as { get(name: string): string | null }).get(name)
        : (source as Readonly<Record<string, HeaderValue>>)[name]
  if (typeof value === 'string') return value
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0]
  return undefined
}
