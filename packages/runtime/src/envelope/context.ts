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
  description: string
  /** Extra JSON Schema keywords. */
  schema?: Record<string, unknown>
  /** Members of the items (arrays) or of the value (objects), when they are known. */
  members?: Record<string, MemberInfo>
  /** The member tells one catalog error from another (see read.ts). */
  identifying?: boolean
}

export const VIOLATION_MEMBERS: Record<string, MemberInfo> = {
  field: {
    type: 'string',
    optional: false,
    description: 'JSON Pointer to the invalid field of the request.',
  },
  message: { type: 'string', optional: false, description: 'What is wrong with the field.' },
  reason: {
    type: 'string',
    optional: true,
    description: 'Machine-readable reason, e.g. `too_small`.',
  },
}

export const ERROR_MEMBERS: Record<string, MemberInfo> = {
  symbol: {
    type: 'string',
    optional: false,
    description: 'The symbol of the error in the catalog.',
    identifying: true,
  },
  code: { type: 'integer', optional: true, description: 'Numeric error code.', identifying: true },
  key: { type: 'string', optional: true, description: 'String error code.', identifying: true },
  status: {
    type: 'integer',
    optional: false,
    description: 'HTTP status of the error.',
    schema: { minimum: 100, maximum: 599 },
    identifying: true,
  },
  title: { type: 'string', optional: false, description: 'Short, stable summary of the error.' },
  message: {
    type: 'string',
    optional: false,
    description: 'What happened, for this occurrence, in the negotiated language.',
  },
  params: {
    type: 'object',
    optional: false,
    description: 'Values of the message parameters.',
  },
  docsUrl: {
    type: 'string',
    optional: true,
    description: 'Documentation of the error.',
    schema: { format: 'uri' },
  },
  type: {
    type: 'string',
    optional: false,
    description: 'RFC 9457 problem type URI.',
    schema: { format: 'uri-reference' },
    identifying: true,
  },
  group: {
    type: 'string',
    optional: true,
    description: 'The group the error belongs to.',
    identifying: true,
  },
  retryAfter: {
    type: 'number',
    optional: true,
    description: 'Seconds to wait before retrying.',
    schema: { minimum: 0 },
  },
  violations: {
    type: 'array',
    optional: true,
    description: 'The invalid fields of the request.',
    members: VIOLATION_MEMBERS,
  },
  locale: { type: 'string', optional: true, description: 'Language of the message (BCP 47).' },
  upstream: {
    type: 'object',
    optional: true,
    description: 'Fields of the upstream error that this error passes on.',
  },
}

export const REQUEST_MEMBERS: Record<string, MemberInfo> = {
  id: { type: 'string', optional: true, description: 'Request id, for support and logs.' },
  path: { type: 'string', optional: true, description: 'Path of the request that failed.' },
  method: { type: 'string', optional: true, description: 'HTTP method of the request.' },
}

export const API_MEMBERS: Record<string, MemberInfo> = {
  name: { type: 'string', optional: false, description: 'Name of the API.', identifying: true },
  version: { type: 'string', optional: true, description: 'API version.', identifying: true },
  domain: { type: 'string', optional: true, description: 'Error domain.', identifying: true },
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
