// What expressions can name: the roots (`error`, `request`, `api` when
// rendering; `body`, `status` in `errorWhen`) and their members. Validation
// uses it to catch typos, bodySchema to type members, read to convert values
// back to the member's type.
import type { Expr } from './ast.ts'

export type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'any'

export interface MemberInfo {
  type: ValueType
  /** The member may be undefined, so a body member holding it may be absent. */
  optional: boolean
  /** Members of the items (arrays) or of the value (objects), when they are known. */
  members?: Record<string, MemberInfo>
  /** The member tells one catalog error from another (see read.ts). */
  identifying?: boolean
}

// What each member means, and the JSON Schema keywords it adds, live at build
// time (src/envelope/member-docs.ts): readers in browser bundles need only the
// types.

export const VIOLATION_MEMBERS: Record<string, MemberInfo> = {
  field: { type: 'string', optional: false },
  message: { type: 'string', optional: false },
  reason: { type: 'string', optional: true },
}

export const ERROR_MEMBERS: Record<string, MemberInfo> = {
  symbol: { type: 'string', optional: false, identifying: true },
  code: { type: 'integer', optional: true, identifying: true },
  key: { type: 'string', optional: true, identifying: true },
  status: { type: 'integer', optional: false, identifying: true },
  title: { type: 'string', optional: false },
  message: { type: 'string', optional: false },
  params: { type: 'object', optional: false },
  docsUrl: { type: 'string', optional: true },
  type: { type: 'string', optional: false, identifying: true },
  group: { type: 'string', optional: true, identifying: true },
  retryAfter: { type: 'number', optional: true },
  violations: { type: 'array', optional: true, members: VIOLATION_MEMBERS },
  locale: { type: 'string', optional: true },
  upstream: { type: 'object', optional: true },
}

export const REQUEST_MEMBERS: Record<string, MemberInfo> = {
  id: { type: 'string', optional: true },
  path: { type: 'string', optional: true },
  method: { type: 'string', optional: true },
}

export const API_MEMBERS: Record<string, MemberInfo> = {
  name: { type: 'string', optional: false, identifying: true },
  version: { type: 'string', optional: true, identifying: true },
  domain: { type: 'string', optional: true, identifying: true },
}

/** A name an expression can start with, and what it holds. */
export interface RootInfo {
  /** Known members; undefined when anything goes (a body, an `$each` item of unknown shape). */
  members?: Record<string, MemberInfo>
  description: string
  /** Whether direct property access is safe (our own view objects, possibly class instances). */
  trusted: boolean
}

export const RENDER_ROOTS: Record<string, RootInfo> = {
  error: { members: ERROR_MEMBERS, description: 'the error', trusted: true },
  request: { members: REQUEST_MEMBERS, description: 'the request', trusted: true },
  api: { members: API_MEMBERS, description: 'the API', trusted: true },
}

export const CLIENT_ROOTS: Record<string, RootInfo> = {
  body: { description: 'the parsed response body', trusted: false },
  status: { members: {}, description: 'the HTTP status', trusted: false },
}

/** The order of roots in a render scope (see compile-expression.ts). */
export const RENDER_ROOT_NAMES = ['error', 'request', 'api'] as const
export const CLIENT_ROOT_NAMES = ['body', 'status'] as const

/** What an `$each` item holds: a field violation when going over `error.violations`. */
export function itemInfo(source: Expr | undefined): RootInfo {
  const violations =
    source?.kind === 'path' &&
    source.root === 'error' &&
    source.members.length === 1 &&
    source.members[0] === 'violations'
  return violations
    ? { members: VIOLATION_MEMBERS, description: 'a field violation', trusted: false }
    : { description: 'the current item', trusted: false }
}
