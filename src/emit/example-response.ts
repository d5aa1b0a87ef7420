// The example response of each error, as a server would send it: rendered by
// the runtime's own error handler from the in-memory runtime catalog, with
// example params and a fixed request, so docs, OpenAPI examples and the
// mock server show the bytes the adapters put on the wire.

import { CatalogError } from '@errcat/runtime/internal/catalog-error'
import { createErrorHandler, type ErrorResponse } from '@errcat/runtime/internal/handle'
import type { LoadedCatalog, LoadedError } from '../catalog/model.ts'
import type { Param } from '../catalog/schema.ts'
import type { FieldViolation } from '../envelope/index.ts'
import { type InMemoryRuntime, runtimeOf } from './runtime-catalog.ts'

/** The request id every example carries, so that examples are stable across builds. */
export const EXAMPLE_REQUEST_ID = '0f8b5c2e-7d41-4a9e-b3c6-2e5d9a1f4c70'

/** The field violation an example of the validation error shows. */
export const EXAMPLE_VIOLATIONS: readonly FieldViolation[] = [
  { field: '/email', message: 'must be an email address', reason: 'format' },
]

export interface ExampleRequest {
  method: string
  path: string
}

export type RenderExample = (error: LoadedError, locale?: string) => ErrorResponse | undefined

/**
 * A renderer of example responses for the errors of `catalog`. Success codes
 * and obsolete numbers get none: no server sends them as errors.
 */
export function exampleRenderer(
  catalog: LoadedCatalog,
  runtime: InMemoryRuntime = runtimeOf(catalog),
): RenderExample {
  const handle = createErrorHandler(runtime.catalog, { telemetry: false })
  return (error, locale) => {
    const factory = runtime.errors[error.symbol]
    if (!factory) return undefined
    const request = exampleRequest(error)
    const params = factory.definition.params ? exampleParams(error) : undefined
    // The validation error shows a field violation, as the adapters add them.
    const thrown = new CatalogError(
      factory.definition,
      params,
      error.validation ? { violations: EXAMPLE_VIOLATIONS } : undefined,
    )
    const headers: Record<string, string> = { 'x-request-id': EXAMPLE_REQUEST_ID }
    if (locale) headers['accept-language'] = locale
    return handle(thrown, { ...request, headers })
  }
}

/** The params of an error's example: its first example's, else each param's `example`, else a sample of its type. */
export function exampleParams(error: LoadedError): Record<string, unknown> {
  const given = error.examples.find((e) => e.params)?.params ?? {}
  const params: Record<string, unknown> = {}
  for (const [name, param] of Object.entries(error.params)) {
    params[name] = Object.hasOwn(given, name)
      ? given[name]
      : (param.example ?? sampleOf(name, param))
  }
  return params
}

function sampleOf(name: string, param: Param): unknown {
  switch (param.type) {
    case 'string':
      return `<${name}>`
    case 'integer':
      return 3
    case 'number':
      return 2.5
    case 'boolean':
      return true
    case 'enum':
      return param.values?.[0] ?? `<${name}>`
  }
}

/** The request of the error's first example that names one (`GET /v2/tasks/42`), else `GET /`. */
export function exampleRequest(error: LoadedError): ExampleRequest {
  for (const example of error.examples) {
    const match = example.request?.trim().match(/^([A-Za-z]+)\s+(\S+)/)
    if (match) return { method: match[1]!.toUpperCase(), path: match[2]!.split(/[?#]/, 1)[0]! }
  }
  return { method: 'GET', path: '/' }
}
