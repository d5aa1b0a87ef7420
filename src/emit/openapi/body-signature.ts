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
  const pair = firstOverlap(
    signatures.map((_, i) => i),
    signatures,
    new Set(),
  )
  return pair && [bodies[pair[0]]!, bodies[pair[1]]!]
}

/**
 * The first pair of `group` (indices, ascending) that no member tells apart.
 * Comparing every pair grows with the square of the catalog: instead, a
 * member that most signatures of the group pin splits them by value (errors
 * on either side differ there), and only the errors left together, and those
 * that do not pin it, are compared.
 */
function firstOverlap(
  group: number[],
  signatures: readonly Signature[],
  used: Set<string>,
): [number, number] | undefined {
  if (group.length < 2) return undefined
  const path = commonestPath(group, signatures, used)
  if (path === undefined) return firstPair(group, group, signatures)
  const parts = new Map<string, number[]>()
  const without: number[] = []
  for (const i of group) {
    const value = signatures[i]!.get(path)
    if (value === undefined) without.push(i)
    else {
      const part = parts.get(value)
      if (part) part.push(i)
      else parts.set(value, [i])
    }
  }
  const inner = new Set(used).add(path)
  let first = firstPair(without, group, signatures)
  for (const part of parts.values()) first = earlier(first, firstOverlap(part, signatures, inner))
  return first
}

/** The member most signatures of the group pin (two at least), not used to split it yet. */
function commonestPath(
  group: number[],
  signatures: readonly Signature[],
  used: Set<string>,
): string | undefined {
  const counts = new Map<string, number>()
  for (const i of group)
    for (const path of signatures[i]!.keys())
      if (!used.has(path)) counts.set(path, (counts.get(path) ?? 0) + 1)
  let best: string | undefined
  let most = 1
  for (const [path, count] of counts) {
    if (count > most) {
      best = path
      most = count
    }
  }
  return best
}

/** The first pair, one of `some` and any other of `group`, that nothing tells apart. */
function firstPair(
  some: number[],
  group: number[],
  signatures: readonly Signature[],
): [number, number] | undefined {
  let first: [number, number] | undefined
  for (const i of some) {
    for (const j of group) {
      if (i === j) continue
      const pair: [number, number] = i < j ? [i, j] : [j, i]
      if (!distinguishes(signatures[i]!, signatures[j]!)) first = earlier(first, pair)
    }
  }
  return first
}

function earlier(
  a: [number, number] | undefined,
  b: [number, number] | undefined,
): [number, number] | undefined {
  if (!a || !b) return a ?? b
  return b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]) ? b : a
}

/** How an overlap reads in a description. */
export function describeOverlap([a, b]: [ErrorBody, ErrorBody]): string {
  return `\`${a.meta.symbol}\` and \`${b.meta.symbol}\` send the same identifying members, so one body can match both`
}
