// The errors a handler falls back to when the catalog does not declare one
// with `internal: true` or `validation: true`. They use `about:blank`, so per
// RFC 9457 §4.2.1 their titles are the HTTP status phrases.
import type { CatalogScope, ErrorDefinition } from './definition.ts'

export function genericInternalError(catalog: CatalogScope): ErrorDefinition {
  return {
    catalog,
    symbol: 'INTERNAL_ERROR',
    status: 500,
    title: 'Internal Server Error',
    message: 'Internal Server Error',
    expose: false,
    stack: false,
    retry: 'safe',
    type: 'about:blank',
  }
}

export function genericValidationError(catalog: CatalogScope): ErrorDefinition {
  return {
    catalog,
    symbol: 'VALIDATION_FAILED',
    status: 400,
    title: 'Bad Request',
    message: 'The request is not valid.',
    expose: true,
    stack: false,
    retry: 'never',
    type: 'about:blank',
  }
}
