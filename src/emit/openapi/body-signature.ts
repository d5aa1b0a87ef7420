// Whether a body could match the schemas of two errors at once. `oneOf`
// rejects a body that matches two of its schemas, so the JSON Schema and
// OpenAPI targets only offer `oneOf` over errors whose schemas exclude each
// other: some member both require holds a different constant in each (or is
// required in one and forbidden in the other).
import type { ErrorBody } from './error-bodies.ts'

/** JSON Pointer of a member → its constant (as JSON), or ABSENT when forbidden. */
export type Signature = Map<string, string>

const ABSENT = '\u0000absent'

export function signatureOf(schema: unknown, path = '', out: Signature = new Map()): Signature {
  if (typeof schema !== 'object' || schema === null) return out
  const node = schema as Record<string, unknown>
  if ('const' in node) {
    out.set(path, JSON.stringify(node.const))
    return out
  }
  // Only members a body must have pin it down; an optional constant matches its absence too.
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : [])
  const properties = (node.properties ?? {}) as Record<string, unknown>
  for (const [name, member] of Object.entries(properties)) {
    const at = `${path}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`
    if (member === false) out.set(at, ABSENT)
    else if (required.has(name)) signatureOf(member, at, out)
  }
  const prefix = Array.isArray(node.prefixItems) ? node.prefixItems : []
  const minItems = typeof node.minItems === 'number' ? node.minItems : 0
  prefix.slice(0, minItems).forEach((item, i) => {
    signatureOf(item, `${path}/${i}`, out)
  })
  return out
}

/** True when some member gives each signature a different value. */
export function distinguishes(a: Signature, b: Signature): boolean {
  for (const [path, value] of a) {
    const other = b.get(path)
    if (other !== undefined && other !== value) return true
  }
  return false
}

/** The first two errors (in catalog order) that one body could match both of, if any. */
export function findOverlap(bodies: readonly ErrorBody[]): [ErrorBody, ErrorBody] | undefined {
  const signatures = bodies.map((b) => signatureOf(b.schema))
  for (let i = 0; i < bodies.length; i++) {
    for (let j = i + 1; j < bodies.length; j++) {
      if (!distinguishes(signatures[i]!, signatures[j]!)) return [bodies[i]!, bodies[j]!]
    }
  }
  return undefined
}

/** How an overlap reads in a description. */
export function describeOverlap([a, b]: [ErrorBody, ErrorBody]): string {
  return `\`${a.meta.symbol}\` and \`${b.meta.symbol}\` send the same identifying members, so one body can match both`
}
