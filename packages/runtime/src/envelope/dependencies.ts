// What an expression or template node depends on. A body member whose value
// depends only on what identifies an error (symbol, code, key, status, type,
// group) and on literals takes the same value in every response of that error,
// so read.ts can recognise the error from it.

import type { Expr, TNode } from './ast.ts'
import { ERROR_MEMBERS } from './context.ts'

/** Each path as `root.member` (or just `root`). */
export function expressionDependencies(expr: Expr, out = new Set<string>()): Set<string> {
  switch (expr.kind) {
    case 'literal':
      break
    case 'path':
      out.add(expr.members.length ? `${expr.root}.${String(expr.members[0])}` : expr.root)
      break
    case 'not':
      expressionDependencies(expr.operand, out)
      break
    case 'binary':
      expressionDependencies(expr.left, out)
      expressionDependencies(expr.right, out)
      break
    case 'filter':
      expressionDependencies(expr.input, out)
      break
  }
  return out
}

export function nodeDependencies(node: TNode, out = new Set<string>()): Set<string> {
  switch (node.kind) {
    case 'const':
      break
    case 'expr':
      expressionDependencies(node.expr, out)
      break
    case 'text':
      for (const p of node.parts) if (typeof p !== 'string') expressionDependencies(p, out)
      break
    case 'object':
      for (const m of node.members) nodeDependencies(m.node, out)
      break
    case 'array':
      for (const i of node.items) nodeDependencies(i, out)
      break
    case 'if':
      expressionDependencies(node.cond, out)
      nodeDependencies(node.then, out)
      if (node.else) nodeDependencies(node.else, out)
      break
    case 'each':
      // An `$each` depends on its items, which never identify an error.
      out.add('$each')
      break
  }
  return out
}

const IDENTIFYING = new Set(
  Object.entries(ERROR_MEMBERS)
    .filter(([, info]) => info.identifying)
    .map(([name]) => `error.${name}`),
)

/**
 * True when the dependencies identify an error: only identifying `error.*` members.
 * `api.*` is the same for every error, so it cannot tell two apart, and a catalog
 * index does not know it.
 */
export function isIdentifying(deps: Set<string>): boolean {
  if (deps.size === 0) return false
  for (const d of deps) if (!IDENTIFYING.has(d)) return false
  return true
}

const SPECIFICITY = ['error.code', 'error.key', 'error.symbol', 'error.type']

/** How well a member pins one error down on its own: 0 best; Infinity for status or group. */
export function specificity(deps: Set<string>): number {
  let best = Number.POSITIVE_INFINITY
  for (const d of deps) {
    const rank = SPECIFICITY.indexOf(d)
    if (rank >= 0 && rank < best) best = rank
  }
  return best
}
