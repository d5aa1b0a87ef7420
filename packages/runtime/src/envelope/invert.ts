// From a body value back to the members that produced it: `{{ error.code |
// string }}` read as "100301" gives `code: 100301`. Only paths, filters that
// can be undone and `??` are inverted; anything else (comparisons, `||`,
// literals) says nothing about the error.

import type { Expr } from './ast.ts'
import type { ValueType } from './context.ts'
import { FILTERS } from './filters.ts'
import type { Target } from './reader.ts'
import { memberOf, type Roots } from './types-of.ts'

/** "This member of this root had this value." */
export interface Assignment {
  root: string
  members: (string | number)[]
  value: unknown
}

/**
 * Every way the value could have been produced; each alternative is one or more
 * assignments (several for interpolated text), already converted to the type of the
 * member they land in. Alternatives that do not fit their member are dropped.
 */
export function invertTarget(target: Target, value: unknown, roots: Roots): Assignment[][] {
  if (target.kind === 'expr') return invertExpr(target.expr, value, roots)
  if (typeof value !== 'string') return []
  const pieces = splitByText(target.parts, value)
  if (!pieces) return []
  const out: Assignment[] = []
  for (const [expr, text] of pieces) {
    const first = invertExpr(expr, text, roots)[0]
    if (first) out.push(...first)
  }
  return out.length ? [out] : []
}

function invertExpr(expr: Expr, value: unknown, roots: Roots): Assignment[][] {
  switch (expr.kind) {
    case 'path': {
      const { info } = memberOf(expr, roots)
      const converted = info ? coerce(info.type, value) : value
      return converted === undefined
        ? []
        : [[{ root: expr.root, members: expr.members, value: converted }]]
    }
    case 'filter': {
      const invert = FILTERS[expr.name]?.invert
      if (!invert) return []
      const input = invert(value)
      return input === undefined ? [] : invertExpr(expr.input, input, roots)
    }
    case 'binary':
      return expr.op === '??'
        ? [...invertExpr(expr.left, value, roots), ...invertExpr(expr.right, value, roots)]
        : []
    default:
      return []
  }
}

/** The value as the member's type, or undefined when it cannot be one. */
export function coerce(type: ValueType, value: unknown): unknown {
  switch (type) {
    case 'string':
      return typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : undefined
    case 'integer':
    case 'number': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(value)
            ? Number(value)
            : undefined
      if (n === undefined || !Number.isFinite(n)) return undefined
      return type === 'integer' && !Number.isInteger(n) ? undefined : n
    }
    case 'boolean':
      return typeof value === 'boolean'
        ? value
        : value === 'true'
          ? true
          : value === 'false'
            ? false
            : undefined
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined
    case 'array':
      return Array.isArray(value) ? value : undefined
    case 'any':
      return value
  }
}

/**
 * Matches interpolated text against a rendered string: each literal piece is found in
 * order (the first occurrence after the previous one, the last one at the end), and
 * what lies between them is the value of the expression there. Linear, no regex.
 */
function splitByText(parts: (string | Expr)[], value: string): [Expr, string][] | undefined {
  const out: [Expr, string][] = []
  let position = 0
  let pending: Expr | undefined
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    if (typeof part !== 'string') {
      // Two expressions side by side cannot be told apart.
      if (pending) return undefined
      pending = part
      continue
    }
    const last = i === parts.length - 1
    const at = last
      ? value.endsWith(part) && value.length - part.length >= position
        ? value.length - part.length
        : -1
      : value.indexOf(part, position)
    if (at < 0 || (!pending && at !== position)) return undefined
    if (pending) out.push([pending, value.slice(position, at)])
    pending = undefined
    position = at + part.length
  }
  if (pending) out.push([pending, value.slice(position)])
  else if (position !== value.length) return undefined
  return out
}

/**
 * Sets `members` inside `target`, creating objects on the way. The first value wins;
 * objects that came from a body are copied before anything is added to them, and
 * copies use spread, so a `__proto__` member in a body stays a plain member.
 */
export function assign(
  target: Record<string, unknown>,
  members: (string | number)[],
  value: unknown,
): void {
  if (members.length === 0) return
  const [head, ...rest] = members
  const key = String(head)
  const existing = Object.hasOwn(target, key) ? target[key] : undefined
  if (rest.length === 0) {
    if (existing === undefined) define(target, key, value)
    return
  }
  if (
    existing !== undefined &&
    (typeof existing !== 'object' || existing === null || Array.isArray(existing))
  )
    return
  const child: Record<string, unknown> = existing
    ? { ...(existing as Record<string, unknown>) }
    : {}
  assign(child, rest, value)
  define(target, key, child)
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key !== '__proto__') target[key] = value
  else
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
}
