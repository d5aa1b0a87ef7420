// The names errcat gives its OpenAPI components, and the mark it leaves on
// them. Every name starts with `ErrcatError`, which a user's own components are
// unlikely to use; the mark lets a later merge find, replace and remove exactly
// what errcat wrote, and nothing else.

export const OPENAPI_VERSION = '3.1.0'

/** Vendor extension on everything errcat generates: `x-errcat: generated`. */
export const MARK_KEY = 'x-errcat'
export const MARK_VALUE = 'generated'

/** The general error body. */
export const GENERAL_SCHEMA = 'ErrcatError'

/** One error's body: `ErrcatError_BAD_TOKEN`. */
export const errorSchemaName = (symbol: string) => `${GENERAL_SCHEMA}_${symbol}`

/** The response of one HTTP status: `ErrcatError404`. */
export const responseName = (status: number) => `ErrcatError${status}`

export const schemaRef = (name: string) => `#/components/schemas/${name}`
export const responseRef = (status: number) => `#/components/responses/${responseName(status)}`

const RESPONSE_REF = /^#\/components\/responses\/ErrcatError(\d{3})$/

/** The status of a `$ref` to one of errcat's responses, else undefined. */
export function errcatResponseStatus(ref: unknown): number | undefined {
  const match = typeof ref === 'string' ? RESPONSE_REF.exec(ref) : null
  return match ? Number(match[1]) : undefined
}

export function isMarked(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)[MARK_KEY] === MARK_VALUE
  )
}
