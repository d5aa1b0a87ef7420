// The JSON Schema (2020-12, the dialect of OpenAPI 3.1) of the bodies a
// template renders, derived from the template itself. Given one error, members
// that identify it become `const` (and members it leaves out become `false`),
// so an OpenAPI generator can offer `oneOf` per status with a discriminator.
import type { MemberInfo } from '@errcat/runtime/internal/envelope/context'
import { isIdentifying, nodeDependencies } from '@errcat/runtime/internal/envelope/dependencies'
import {
  isAlwaysOne,
  memberOf,
  type Roots,
  withItem,
} from '@errcat/runtime/internal/envelope/types-of'
import type { Expr } from './expression.ts'
import { FILTER_DOCS } from './filter-docs.ts'
import { memberDoc } from './member-docs.ts'
import type { TNode } from './template.ts'

export type Schema = Record<string, unknown> | boolean

/** Evaluates, for the error the schema is specialised to, what only depends on its identity. */
export interface Specialize {
  render(node: TNode): unknown
  test(cond: Expr): boolean
}

/** The value a node takes for the specialised error, when it depends on nothing else. */
function fixedValue(node: TNode, specialize?: Specialize): { value: unknown } | undefined {
  if (!specialize || !isIdentifying(nodeDependencies(node))) return undefined
  return { value: specialize.render(node) }
}

export function schemaOfNode(node: TNode, roots: Roots, specialize?: Specialize): Schema {
  const fixed = fixedValue(node, specialize)
  if (fixed) return fixed.value === undefined ? false : { const: fixed.value }
  switch (node.kind) {
    case 'const':
      return { const: node.value }
    case 'expr':
      return schemaOfExpr(node.expr, roots)
    case 'text':
      return { type: 'string' }
    case 'object': {
      const properties: Record<string, Schema> = {}
      const required: string[] = []
      for (const m of node.members) {
        const schema = schemaOfNode(m.node, roots, specialize)
        properties[m.key] = schema
        const always =
          isAlwaysOne(m.node, roots) ||
          fixedValue(m.node, specialize)?.value !== undefined ||
          (m.node.kind === 'if' &&
            specialize !== undefined &&
            chosen(m.node, specialize) !== undefined &&
            isAlwaysOne(chosen(m.node, specialize)!, roots))
        if (schema !== false && always) required.push(m.key)
      }
      return { type: 'object', properties, ...(required.length ? { required } : {}) }
    }
    case 'array':
      return schemaOfArray(node, roots, specialize)
    case 'if': {
      if (specialize && isIdentifying(nodeDependencies({ kind: 'expr', expr: node.cond }))) {
        const branch = chosen(node, specialize)
        return branch ? schemaOfNode(branch, roots, specialize) : false
      }
      const options = [
        schemaOfNode(node.then, roots, specialize),
        ...(node.else ? [schemaOfNode(node.else, roots, specialize)] : []),
      ]
      return anyOf(options)
    }
    case 'each':
      return {
        type: 'array',
        minItems: 1,
        items: schemaOfNode(node.do, withItem(roots, node), specialize),
      }
  }
}

function schemaOfArray(
  node: Extract<TNode, { kind: 'array' }>,
  roots: Roots,
  specialize?: Specialize,
): Schema {
  const prefix: Schema[] = []
  const rest: Schema[] = []
  let inPrefix = true
  for (const item of node.items) {
    if (inPrefix && isAlwaysOne(item, roots)) {
      prefix.push(schemaOfNode(item, roots, specialize))
      continue
    }
    inPrefix = false
    if (item.kind === 'each') rest.push(schemaOfNode(item.do, withItem(roots, item), specialize))
    else {
      const schema = schemaOfNode(item, roots, specialize)
      if (schema !== false) rest.push(schema)
    }
  }
  return {
    type: 'array',
    ...(prefix.length ? { prefixItems: prefix, minItems: prefix.length } : {}),
    items: rest.length ? anyOf(rest) : false,
  }
}

export function schemaOfExpr(expr: Expr, roots: Roots): Schema {
  switch (expr.kind) {
    case 'literal':
      return { const: expr.value }
    case 'not':
      return { type: 'boolean' }
    case 'filter': {
      // The filter says what the value looks like; the member it reads says what it is.
      const input = expr.input.kind === 'path' ? memberOf(expr.input, roots).info : undefined
      return {
        ...(input ? { description: memberDoc(input).description } : {}),
        ...FILTER_DOCS[expr.name]!.schema,
      }
    }
    case 'path': {
      const { info } = memberOf(expr, roots)
      return info ? schemaOfMember(info) : {}
    }
    case 'binary':
      if (expr.op === '??' || expr.op === '||' || expr.op === '&&') {
        return anyOf([schemaOfExpr(expr.left, roots), schemaOfExpr(expr.right, roots)])
      }
      return { type: 'boolean' }
  }
}

function schemaOfMember(info: MemberInfo): Schema {
  const doc = memberDoc(info)
  const base: Record<string, unknown> = { description: doc.description }
  if (info.type !== 'any') base.type = info.type
  Object.assign(base, doc.schema)
  if (info.type === 'array' && info.members) base.items = objectOf(info.members)
  return base
}

function objectOf(members: Record<string, MemberInfo>): Schema {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(members).map(([k, m]) => [k, schemaOfMember(m)])),
    required: Object.entries(members)
      .filter(([, m]) => !m.optional)
      .map(([k]) => k),
  }
}

/** anyOf without duplicates (descriptions aside); a single option stands alone. */
function anyOf(options: Schema[]): Schema {
  const unique: Schema[] = []
  const seen = new Set<string>()
  for (const o of options) {
    if (o === false) continue
    const { description: _, ...shape } = typeof o === 'object' ? o : {}
    const key = typeof o === 'object' ? JSON.stringify(shape) : String(o)
    if (seen.has(key)) continue
    seen.add(key)
    unique.push(o)
  }
  if (unique.length === 0) return false
  if (unique.some((o) => o === true || (typeof o === 'object' && Object.keys(o).length === 0)))
    return {}
  return unique.length === 1 ? unique[0]! : { anyOf: unique }
}

/** The branch of an `$if` with an identifying condition that the specialised error takes. */
function chosen(node: Extract<TNode, { kind: 'if' }>, specialize: Specialize): TNode | undefined {
  if (!isIdentifying(nodeDependencies({ kind: 'expr', expr: node.cond }))) return undefined
  return specialize.test(node.cond) ? node.then : node.else
}
