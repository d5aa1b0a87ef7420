// When the errors of one status can carry an OpenAPI `discriminator`. It must
// name a top-level member that every error's schema requires as a string
// constant, distinct per error: OpenAPI maps discriminator values as strings
// (non-string values are undefined behaviour since OAS 3.1.1) and a generator
// picks the schema by that one member. When any condition fails, the caller
// falls back and the reason goes into the schema's description.

import { isIdentifying, nodeDependencies } from '@errcat/runtime/internal/envelope/dependencies'
import type { EnvelopeTemplate } from '../../catalog/schema.ts'
import { parseEnvelope } from '../../envelope/parse-envelope.ts'
import type { TNode } from '../../envelope/template.ts'
import type { ErrorBody } from './error-bodies.ts'
import { errorSchemaName, schemaRef } from './names.ts'

export type Discrimination =
  | { kind: 'discriminator'; propertyName: string; mapping: Record<string, string> }
  | { kind: 'none'; reason: string }

/** Paths of the body members whose value is the error's code or key (alone or with other identifying members). */
export function codeMembers(envelope: EnvelopeTemplate): string[][] {
  const parsed = parseEnvelope(envelope).envelope
  const out: string[][] = []
  if (parsed) collect(parsed.body, [], out)
  return out
}

function collect(node: TNode, path: string[], out: string[][]): void {
  switch (node.kind) {
    case 'object':
      for (const m of node.members) collect(m.node, [...path, m.key], out)
      return
    case 'array':
      node.items.forEach((item, i) => {
        collect(item, [...path, String(i)], out)
      })
      return
    case 'each':
      return
    case 'if':
      if (isContainer(node.then) || (node.else && isContainer(node.else))) {
        collect(node.then, path, out)
        if (node.else) collect(node.else, path, out)
        return
      }
      break
  }
  const deps = nodeDependencies(node)
  if (isIdentifying(deps) && (deps.has('error.code') || deps.has('error.key'))) out.push(path)
}

const isContainer = (node: TNode) => node.kind === 'object' || node.kind === 'array'

/** The discriminator of a group of errors sharing a status, or why there is none. */
export function discriminate(group: readonly ErrorBody[], carriers: string[][]): Discrimination {
  const candidates = carriers.filter((p) => p.length === 1).map((p) => p[0]!)
  if (candidates.length === 0) {
    const nested = carriers[0]
    return {
      kind: 'none',
      reason: nested
        ? `the code sits in the nested member \`${nested.join('.')}\`, and a discriminator can only name a top-level member`
        : 'the envelope carries neither the code nor the key of the error',
    }
  }
  let first: Discrimination | undefined
  for (const name of candidates) {
    const result = byMember(group, name)
    if (result.kind === 'discriminator') return result
    first ??= result
  }
  return first!
}

function byMember(group: readonly ErrorBody[], name: string): Discrimination {
  const mapping: Record<string, string> = {}
  const owner = new Map<string, string>()
  for (const { schema, meta } of group) {
    const member = (schema.properties as Record<string, unknown> | undefined)?.[name]
    const required = Array.isArray(schema.required) && schema.required.includes(name)
    if (typeof member !== 'object' || member === null || !('const' in member) || !required)
      return { kind: 'none', reason: `\`${meta.symbol}\` sends no \`${name}\` member` }
    const value = (member as { const: unknown }).const
    if (typeof value !== 'string')
      return {
        kind: 'none',
        reason: `\`${name}\` is not a string (${JSON.stringify(value)} for \`${meta.symbol}\`), and OpenAPI defines discriminator values as strings only`,
      }
    const other = owner.get(value)
    if (other !== undefined)
      return {
        kind: 'none',
        reason: `\`${other}\` and \`${meta.symbol}\` share the \`${name}\` ${JSON.stringify(value)}`,
      }
    owner.set(value, meta.symbol)
    mapping[value] = schemaRef(errorSchemaName(meta.symbol))
  }
  return { kind: 'discriminator', propertyName: name, mapping }
}
