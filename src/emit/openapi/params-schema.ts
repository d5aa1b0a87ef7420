// Typed `params`: where the envelope puts `{{ error.params }}` as it is, the
// envelope's schema only knows "an object". Each error knows its params, so
// its schema lists them (a client generator then types `params.hint`), and
// the general schema says any member may appear (`additionalProperties`),
// which generators read as an open record rather than an empty one.
import type { LoadedError } from '../../catalog/model.ts'
import type { EnvelopeTemplate, Param } from '../../catalog/schema.ts'
import { parseEnvelope } from '../../envelope/parse-envelope.ts'
import type { TNode } from '../../envelope/template.ts'
import type { JsonSchema } from './error-bodies.ts'

type BodyPath = (string | number)[]

/** A body member holding `error.params` (no `param`), or one param (`error.params.name`). */
export interface ParamsPlace {
  path: BodyPath
  param?: string
}

export function paramsPlaces(envelope: EnvelopeTemplate): ParamsPlace[] {
  const parsed = parseEnvelope(envelope).envelope
  const out: ParamsPlace[] = []
  if (parsed) collect(parsed.body, [], out)
  return out
}

function collect(node: TNode, path: BodyPath, out: ParamsPlace[]): void {
  switch (node.kind) {
    case 'object':
      for (const m of node.members) collect(m.node, [...path, m.key], out)
      return
    case 'array':
      node.items.forEach((item, i) => {
        collect(item, [...path, i], out)
      })
      return
    case 'if':
      collect(node.then, path, out)
      if (node.else) collect(node.else, path, out)
      return
    case 'expr': {
      const { expr } = node
      if (expr.kind !== 'path' || expr.root !== 'error' || expr.members[0] !== 'params') return
      if (expr.members.length === 1) out.push({ path })
      else if (expr.members.length === 2) out.push({ path, param: String(expr.members[1]) })
      return
    }
  }
}

/** A copy of `schema` with the params typed: one error's, or any error's (no error). */
export function withParams(
  schema: JsonSchema,
  places: ParamsPlace[],
  error?: LoadedError,
): JsonSchema {
  if (places.length === 0) return schema
  // Only the nodes on the way to a params member are copied: a whole copy per
  // error was a quarter of the time spent on the bodies of 10,000 errors.
  const copy = { ...schema }
  const copied = new Set<JsonSchema>([copy])
  for (const { path, param } of places) {
    const target = copyPath(copy, path, copied)
    if (!target) continue
    const exposed = error?.expose ? error.params : undefined
    if (param !== undefined) {
      // An error without that param leaves the member out: only its own params are typed.
      const declared = exposed?.[param]
      if (declared) Object.assign(target, paramSchema(declared))
    } else if (target.type === 'object') {
      if (!error) target.additionalProperties = true
      else if (exposed && Object.keys(exposed).length > 0) typeParams(target, exposed)
    }
  }
  return copy
}

/** The node at `path`, after copying it and its ancestors (those not yet in `copied`). */
function copyPath(
  root: JsonSchema,
  path: BodyPath,
  copied: Set<JsonSchema>,
): JsonSchema | undefined {
  let holder = root
  for (const step of path) {
    const key = typeof step === 'number' ? 'prefixItems' : 'properties'
    const container = holder[key] as Record<string | number, unknown> | unknown[] | undefined
    const node = (container as Record<string | number, unknown> | undefined)?.[step]
    if (typeof node !== 'object' || node === null) return undefined
    if (!copied.has(container as JsonSchema)) {
      const fresh = Array.isArray(container) ? [...container] : { ...container }
      copied.add(fresh as JsonSchema)
      holder[key] = fresh
    }
    const own = holder[key] as Record<string | number, unknown>
    if (!copied.has(own[step] as JsonSchema)) {
      const fresh = { ...(node as JsonSchema) }
      copied.add(fresh)
      own[step] = fresh
    }
    holder = own[step] as JsonSchema
  }
  return holder
}

function typeParams(target: JsonSchema, params: Record<string, Param>): void {
  const entries = Object.entries(params)
  target.properties = Object.fromEntries(entries.map(([name, p]) => [name, paramSchema(p)]))
  const required = entries.filter(([, p]) => !p.optional).map(([name]) => name)
  if (required.length > 0) target.required = required
}

function paramSchema(param: Param): JsonSchema {
  const description = param.description ? { description: param.description } : {}
  if (param.type === 'enum') return { ...description, type: 'string', enum: param.values ?? [] }
  return { ...description, type: param.type }
}
