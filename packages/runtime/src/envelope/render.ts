// Template nodes → render closures, built once per envelope. `undefined` from
// a closure means "nothing here": the object member or array item is left out.

import type { Expr, TNode } from './ast.ts'
import {
  compileExpression,
  type Evaluate,
  type ScopeNames,
  type ScopeSlot,
  truthy,
} from './evaluate.ts'

/** Counts the scope slots as `$each` variables claim them. */
export interface SlotCounter {
  count: number
}

export function compileNode(node: TNode, names: ScopeNames, slots: SlotCounter): Evaluate {
  switch (node.kind) {
    case 'const': {
      const value = node.value
      return () => value
    }
    case 'expr':
      return compileExpression(node.expr, names)
    case 'text':
      return compileText(node.parts, names)
    case 'object': {
      const keys = node.members.map((m) => m.key)
      const values = node.members.map((m) => compileNode(m.node, names, slots))
      const n = keys.length
      return (s) => {
        const out: Record<string, unknown> = {}
        for (let i = 0; i < n; i++) {
          const v = values[i]!(s)
          if (v !== undefined) out[keys[i]!] = v
        }
        return out
      }
    }
    case 'array': {
      const items = node.items.map((item) => compileNode(item, names, slots))
      const splice = node.items.map((item) => item.kind === 'each')
      const n = items.length
      return (s) => {
        const out: unknown[] = []
        for (let i = 0; i < n; i++) {
          const v = items[i]!(s)
          if (v === undefined) continue
          if (splice[i]) for (const x of v as unknown[]) out.push(x)
          else out.push(v)
        }
        return out
      }
    }
    case 'if': {
      const cond = compileExpression(node.cond, names)
      const then = compileNode(node.then, names, slots)
      const otherwise = node.else ? compileNode(node.else, names, slots) : undefined
      return otherwise
        ? (s) => (truthy(cond(s)) ? then(s) : otherwise(s))
        : (s) => (truthy(cond(s)) ? then(s) : undefined)
    }
    case 'each': {
      const source = compileExpression(node.source, names)
      const slot: ScopeSlot = { index: slots.count++, trusted: false }
      const index = slot.index
      const body = compileNode(node.do, new Map(names).set(node.as, slot), slots)
      return (s) => {
        const items = source(s)
        if (!Array.isArray(items) || items.length === 0) return undefined
        const out: unknown[] = []
        for (const item of items) {
          s[index] = item
          const v = body(s)
          if (v !== undefined) out.push(v)
        }
        s[index] = undefined
        return out.length ? out : undefined
      }
    }
  }
}

function compileText(parts: (string | Expr)[], names: ScopeNames): Evaluate {
  const pieces = parts.map((p) => (typeof p === 'string' ? p : compileExpression(p, names)))
  return (s) => {
    let out = ''
    for (const piece of pieces) out += typeof piece === 'string' ? piece : textOf(piece(s))
    return out
  }
}

/** How a value reads inside text: undefined and null as nothing, objects as JSON. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value) ?? ''
    } catch {
      return ''
    }
  }
  return String(value)
}
