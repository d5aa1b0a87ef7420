// Expression AST → closure. Rendering calls these closures with a scope: an
// array holding the roots (`error`, `request`, `api`, then one slot per
// `$each` variable), so a path costs an array read and a few property reads,
// and nothing is parsed or looked up by name at render time.
import type { Expr } from './ast.ts'
import { FILTERS } from './filters.ts'

export type Evaluate = (scope: unknown[]) => unknown

export interface ScopeSlot {
  index: number
  /**
   * Our own view objects (`error`, `request`, `api`) are read with plain property
   * access, so a class instance with getters works; anything else (bodies, params,
   * `$each` items) only through own properties, so `constructor` or `__proto__` in a
   * path never reaches a prototype.
   */
  trusted: boolean
}

export type ScopeNames = ReadonlyMap<string, ScopeSlot>

export function compileExpression(expr: Expr, names: ScopeNames): Evaluate {
  switch (expr.kind) {
    case 'literal': {
      const value = expr.value
      return () => value
    }
    case 'path':
      return compilePath(expr.root, expr.members, names)
    case 'not': {
      const operand = compileExpression(expr.operand, names)
      return (s) => !truthy(operand(s))
    }
    case 'filter': {
      const input = compileExpression(expr.input, names)
      const filter = FILTERS[expr.name]
      if (!filter) throw new Error(`unknown filter ${expr.name}`)
      const apply = filter.apply
      return (s) => apply(input(s))
    }
    case 'binary': {
      const left = compileExpression(expr.left, names)
      const right = compileExpression(expr.right, names)
      switch (expr.op) {
        case '??':
          return (s) => left(s) ?? right(s)
        case '||':
          return (s) => {
            const l = left(s)
            return truthy(l) ? l : right(s)
          }
        case '&&':
          return (s) => {
            const l = left(s)
            return truthy(l) ? right(s) : l
          }
        case '==':
          return (s) => equals(left(s), right(s))
        case '!=':
          return (s) => !equals(left(s), right(s))
        case '<':
          return (s) => compare(left(s), right(s), (c) => c < 0)
        case '<=':
          return (s) => compare(left(s), right(s), (c) => c <= 0)
        case '>':
          return (s) => compare(left(s), right(s), (c) => c > 0)
        case '>=':
          return (s) => compare(left(s), right(s), (c) => c >= 0)
      }
    }
  }
}

function compilePath(root: string, members: (string | number)[], names: ScopeNames): Evaluate {
  const slot = names.get(root)
  if (!slot) throw new Error(`unknown name ${root}`)
  const index = slot.index
  if (members.length === 0) return (s) => s[index]
  const first = members[0]!
  const rest = members.slice(1)
  // The first member of a trusted root was checked against the known members at
  // validation; deeper members (params.*, upstream.*) are data.
  const head: Evaluate = slot.trusted
    ? (s) => {
        const o = s[index] as Record<string | number, unknown> | null | undefined
        return o === null || o === undefined ? undefined : o[first]
      }
    : (s) => member(s[index], first)
  if (rest.length === 0) return head
  if (rest.length === 1) {
    const second = rest[0]!
    return (s) => member(head(s), second)
  }
  return (s) => {
    let value = head(s)
    for (const m of rest) value = member(value, m)
    return value
  }
}

/** An own member of an object or array; undefined for anything else. */
export function member(value: unknown, key: string | number): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined
  return (value as Record<string | number, unknown>)[key]
}

/**
 * Template truthiness: JavaScript's, except that empty arrays and objects are false
 * too, so `$if: error.params` means "when there are params".
 */
export function truthy(value: unknown): boolean {
  if (!value) return false
  if (typeof value !== 'object') return true
  if (Array.isArray(value)) return value.length > 0
  for (const key in value) if (Object.hasOwn(value, key)) return true
  return false
}

/** `==`: strict, except that null and undefined (a missing member) are equal. */
export function equals(a: unknown, b: unknown): boolean {
  return a === b || ((a === null || a === undefined) && (b === null || b === undefined))
}

/** Ordering compares two numbers or two strings; anything else is false. */
function compare(a: unknown, b: unknown, test: (c: number) => boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') return test(a - b)
  if (typeof a === 'string' && typeof b === 'string') return test(a < b ? -1 : a > b ? 1 : 0)
  return false
}
