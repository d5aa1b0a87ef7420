// What a template node or expression can produce: whether it is always
// defined (so its body member is required and its array position fixed), and
// which member it reads. Shared by bodySchema and read.

import type { Expr, TNode } from './ast.ts'
import { itemInfo, type MemberInfo, RENDER_ROOTS, type RootInfo } from './context.ts'

export type Roots = ReadonlyMap<string, RootInfo>

export const RENDER_ROOT_MAP: Roots = new Map(Object.entries(RENDER_ROOTS))

/** The roots inside an `$each`: the outer ones plus the item. */
export function withItem(roots: Roots, node: Extract<TNode, { kind: 'each' }>): Roots {
  return new Map(roots).set(node.as, itemInfo(node.source))
}

/**
 * What a path reads: the member's description when the path is known, `undefined`
 * when it goes into data of unknown shape (params, upstream, bodies).
 * `item` is true for the item of an `$each` itself (`{{ v }}`).
 */
export function memberOf(
  expr: Extract<Expr, { kind: 'path' }>,
  roots: Roots,
): { info?: MemberInfo; item?: boolean } {
  const root = roots.get(expr.root)
  if (!root) return {}
  if (expr.members.length === 0) return root.trusted ? {} : { item: true }
  let members = root.members
  let info: MemberInfo | undefined
  for (const m of expr.members) {
    if (typeof m === 'number') {
      if (info?.type !== 'array') return {}
      continue
    }
    if (!members || !Object.hasOwn(members, m)) return {}
    info = members[m]!
    members = info.members
  }
  return info ? { info } : {}
}

/** Whether an expression can evaluate to `undefined`, as far as the template tells. */
export function isDefined(expr: Expr, roots: Roots): boolean {
  switch (expr.kind) {
    case 'literal':
    case 'not':
      return true
    case 'path': {
      if (expr.members.some((m) => typeof m === 'number')) return false
      const { info, item } = memberOf(expr, roots)
      return item === true || (info !== undefined && !info.optional)
    }
    case 'binary':
      switch (expr.op) {
        case '??':
          return isDefined(expr.left, roots) || isDefined(expr.right, roots)
        case '||':
          return isDefined(expr.right, roots)
        case '&&':
          return isDefined(expr.left, roots) && isDefined(expr.right, roots)
        default:
          return true
      }
    case 'filter':
      // `number` and `stringMap` give undefined for input they cannot convert.
      return expr.name !== 'number' && expr.name !== 'stringMap' && isDefined(expr.input, roots)
  }
}

/** Whether a node always renders exactly one value (never left out). */
export function isAlwaysOne(node: TNode, roots: Roots): boolean {
  switch (node.kind) {
    case 'const':
    case 'text':
    case 'object':
    case 'array':
      return true
    case 'expr':
      return isDefined(node.expr, roots)
    case 'if':
      return (
        node.else !== undefined && isAlwaysOne(node.then, roots) && isAlwaysOne(node.else, roots)
      )
    case 'each':
      return false
  }
}
