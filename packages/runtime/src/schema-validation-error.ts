// A Standard Schema failure result is a plain `{ issues }` object: nothing in
// it says that a schema produced it, so a thrown one cannot be told from any
// other object with an `issues` array (whose messages may hold anything).
// Throwing it inside this error says so, and the handler then answers it as
// the validation error.

/** A Standard Schema issue (`StandardSchemaV1.Issue`). */
export interface SchemaIssue {
  readonly message: string
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined
}

/** Marks these errors across copies of this module (two installs, bundles). */
const BRAND = Symbol.for('errcat.SchemaValidationError')

/**
 * Throw this with the issues of a failed `schema['~standard'].validate()`
 * (ArkType, Effect Schema, or any Standard Schema library): every errcat
 * handler answers it with the catalog's validation error, one field
 * violation per issue.
 */
export class SchemaValidationError extends Error {
  readonly issues: readonly SchemaIssue[]
  constructor(issues: readonly SchemaIssue[], options?: { cause?: unknown }) {
    super('schema validation failed', options)
    this.name = 'SchemaValidationError'
    this.issues = issues
  }

  static {
    Object.defineProperty(SchemaValidationError.prototype, BRAND, { value: true })
  }
}

/** True for a SchemaValidationError, also one created by another copy of errcat. */
export function isSchemaValidationError(value: object): value is SchemaValidationError {
  return (
    value instanceof SchemaValidationError || (value as Record<symbol, unknown>)[BRAND] === true
  )
}
