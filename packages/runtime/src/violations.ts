// Recognising validation failures and turning them into field violations
// whose `field` is a JSON Pointer (RFC 6901) into the request body.
//
// A validation failure is recognised by what its library marks it with, never
// by its shape: whatever the application throws with an `issues` or `errors`
// array (an AggregateError, a database driver's error, a plain object) would
// otherwise put its messages on the wire as violations. Recognised:
// - zod 4's ZodError: `_zod.traits` holds `$ZodError` (zod's own instanceof check);
// - valibot's ValiError: an Error named `ValiError` whose issues have valibot's `kind`;
// - ajv's ValidationError (async schemas): an Error with `ajv` and `validation` set to true;
// - Fastify's schema validation error: an Error with code `FST_ERR_VALIDATION`,
//   ajv's errors in `validation` and the part of the request in `validationContext`;
// - errcat's SchemaValidationError, for the issues of any Standard Schema library.
// Issue paths are keys or `{ key }` objects; ajv's `instancePath` is already a
// pointer, and `required` names the missing member in `params.missingProperty`.
// Reading a hostile value may throw; the caller catches that.
import type { FieldViolation } from './envelope/types.ts'
import { isSchemaValidationError } from './schema-validation-error.ts'

/** A response carries at most this many violations, so one request cannot make a huge body. */
export const MAX_VIOLATIONS = 100

type Issue = { message: string; path?: readonly unknown[]; code?: unknown; type?: unknown }
type AjvError = {
  instancePath: string
  keyword: string
  message?: string
  params?: Record<string, unknown>
}

const VALIBOT_KINDS = new Set(['schema', 'validation', 'transformation'])
// Fastify's `validationContext`: the part of the request a route schema validates.
const FASTIFY_CONTEXTS = new Set(['body', 'params', 'querystring', 'headers'])

export function readViolations(thrown: unknown): FieldViolation[] | undefined {
  if (typeof thrown !== 'object' || thrown === null) return undefined
  const value = thrown as Record<string, unknown>
  if (isSchemaValidationError(value) || isZodError(value) || isValiError(value))
    return fromIssues(value.issues)
  if (isAjvValidationError(value)) return fromAjvErrors(value.errors)
  if (isFastifyValidationError(value)) return fromAjvErrors(value.validation)
  return undefined
}

function isZodError(value: Record<string, unknown>): boolean {
  const internals = value._zod as { traits?: unknown } | undefined
  return (
    typeof internals === 'object' &&
    internals !== null &&
    internals.traits instanceof Set &&
    internals.traits.has('$ZodError')
  )
}

function isValiError(value: Record<string, unknown>): boolean {
  return (
    value instanceof Error &&
    value.name === 'ValiError' &&
    Array.isArray(value.issues) &&
    value.issues
      .slice(0, MAX_VIOLATIONS)
      .every((issue: unknown) =>
        VALIBOT_KINDS.has((issue as { kind?: unknown } | null)?.kind as string),
      )
  )
}

function isAjvValidationError(value: Record<string, unknown>): boolean {
  return value instanceof Error && value.ajv === true && value.validation === true
}

function isFastifyValidationError(value: Record<string, unknown>): boolean {
  return (
    value instanceof Error &&
    value.code === 'FST_ERR_VALIDATION' &&
    FASTIFY_CONTEXTS.has(value.validationContext as string)
  )
}

function fromIssues(issues: unknown): FieldViolation[] | undefined {
  if (!Array.isArray(issues) || issues.length === 0) return undefined
  const kept = issues.slice(0, MAX_VIOLATIONS)
  return kept.every(isIssue) ? kept.map(fromIssue) : undefined
}

function fromAjvErrors(errors: unknown): FieldViolation[] | undefined {
  if (!Array.isArray(errors) || errors.length === 0) return undefined
  const kept = errors.slice(0, MAX_VIOLATIONS)
  return kept.every(isAjvError) ? kept.map(fromAjv) : undefined
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
