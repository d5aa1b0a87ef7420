// Recognising validation failures and turning them into field violations
// whose `field` is a JSON Pointer (RFC 6901) into the request body. Accepted:
// - Standard Schema issues (zod 4, valibot, arktype, …): an issues array, a
//   failure result `{ issues }`, or a thrown error carrying `issues`
//   (ZodError, ValiError); path segments are keys or `{ key }` objects;
// - ajv errors: an `errors` array (ajv's ValidationError, or the array itself)
//   or Fastify's `validation` array; `instancePath` is already a pointer, and
//   `required` names the missing member in `params.missingProperty`.
// Anything else is not a validation failure. Reading a hostile value may
// throw; the caller catches that.
import type { FieldViolation } from '../envelope/index.ts'

/** A response carries at most this many violations, so one request cannot make a huge body. */
export const MAX_VIOLATIONS = 100

type Issue = { message: string; path?: readonly unknown[]; code?: unknown; type?: unknown }
type AjvError = {
  instancePath: string
  keyword: string
  message?: string
  params?: Record<string, unknown>
}

export function readViolations(thrown: unknown): FieldViolation[] | undefined {
  if (Array.isArray(thrown)) return fromList(thrown)
  if (typeof thrown !== 'object' || thrown === null) return undefined
  const value = thrown as Record<string, unknown>
  const issues = value.issues
  if (Array.isArray(issues) && issues.length > 0 && issues.every(isIssue))
    return issues.slice(0, MAX_VIOLATIONS).map(fromIssue)
  for (const list of [value.errors, value.validation]) {
    if (Array.isArray(list) && list.length > 0 && list.every(isAjvError))
      return list.slice(0, MAX_VIOLATIONS).map(fromAjv)
  }
  return undefined
}

function fromList(list: unknown[]): FieldViolation[] | undefined {
  if (list.length === 0) return undefined
  if (list.every(isAjvError)) return list.slice(0, MAX_VIOLATIONS).map(fromAjv)
  if (list.every(isIssue)) return list.slice(0, MAX_VIOLATIONS).map(fromIssue)
  return undefined
}

function isIssue(value: unknown): value is Issue {
  if (typeof value !== 'object' || value === null) return false
  const issue = value as Record<string, unknown>
  return (
    typeof issue.message === 'string' && (issue.path === undefined || Array.isArray(issue.path))
  )
}

function isAjvError(value: unknown): value is AjvError {
  if (typeof value !== 'object' || value === null) return false
  const error = value as Record<string, unknown>
  return typeof error.instancePath === 'string' && typeof error.keyword === 'string'
}

function fromIssue(issue: Issue): FieldViolation {
  let field = ''
  for (const segment of issue.path ?? []) {
    const key =
      typeof segment === 'object' && segment !== null ? (segment as { key?: unknown }).key : segment
    field += `/${escapePointer(key)}`
  }
  // zod names the failed check `code`, valibot `type`.
  const reason =
    typeof issue.code === 'string'
      ? issue.code
      : typeof issue.type === 'string'
        ? issue.type
        : undefined
  return reason === undefined
    ? { field, message: issue.message }
    : { field, message: issue.message, reason }
}

function fromAjv(error: AjvError): FieldViolation {
  const params = error.params ?? {}
  // The failing member is named in params for the keywords that report on its parent.
  const member = params.missingProperty ?? params.additionalProperty ?? params.unevaluatedProperty
  const field =
    typeof member === 'string'
      ? `${error.instancePath}/${escapePointer(member)}`
      : error.instancePath
  return {
    field,
    message: typeof error.message === 'string' ? error.message : `failed ${error.keyword}`,
    reason: error.keyword,
  }
}

function escapePointer(key: unknown): string {
  const text = typeof key === 'symbol' ? (key.description ?? '') : String(key)
  return text.replace(/~/g, '~0').replace(/\//g, '~1')
}
