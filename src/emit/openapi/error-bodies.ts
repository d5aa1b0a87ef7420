// What the JSON Schema and OpenAPI targets describe: for every error a
// server can send, the schema of its body (identifying members `const`) and
// its example response as the runtime renders it. The example's status is the
// one on the wire, which is not the catalog status when the envelope fixes it
// (APIs that answer errors with HTTP 200), so responses are grouped by it.

import { errorMetaOf } from '@errcat/runtime/internal/error-meta'
import type { LoadedCatalog, LoadedError } from '../../catalog/model.ts'
import { compileEnvelope, type ErrorMeta } from '../../envelope/index.ts'
import { parseEnvelope } from '../../envelope/parse-envelope.ts'
import { exampleRenderer } from '../example-response.ts'
import { runtimeOf } from '../runtime-catalog.ts'
import { schemaOverlay } from './overlay.ts'
import { paramsPlaces, withParams } from './params-schema.ts'

export type JsonSchema = Record<string, unknown>

export interface ErrorBody {
  error: LoadedError
  meta: ErrorMeta
  /** The body schema of this error alone. */
  schema: JsonSchema
  /** What `schema` says that the general schema does not (see overlay.ts). */
  overlay: JsonSchema
  /** The HTTP status it is sent with. */
  status: number
  /** The headers of its example response, lower-case names, content type excluded. */
  headers: Record<string, string>
  /** The parsed body of its example response. */
  example: unknown
}

export interface ErrorBodies {
  contentType: string
  /** The body schema of any error. */
  general: JsonSchema
  /** Every error a server can send (success and obsolete codes excluded), in catalog order. */
  errors: ErrorBody[]
  /** The same errors by response status, statuses ascending. */
  byStatus: [number, ErrorBody[]][]
  /** Headers the envelope declares, lower-case name → name as written. */
  envelopeHeaders: Map<string, string>
}

// `errcat build` with both the openapi and json-schema targets asks twice for the same catalog.
const cache = new WeakMap<LoadedCatalog, ErrorBodies>()

export function errorBodies(catalog: LoadedCatalog): ErrorBodies {
  let bodies = cache.get(catalog)
  if (!bodies) {
    bodies = computeErrorBodies(catalog)
    cache.set(catalog, bodies)
  }
  return bodies
}

function computeErrorBodies(catalog: LoadedCatalog): ErrorBodies {
  const envelope = compileEnvelope(catalog.envelope)
  const parsed = parseEnvelope(catalog.envelope).envelope!
  const runtime = runtimeOf(catalog)
  const render = exampleRenderer(catalog, runtime)
  const params = paramsPlaces(catalog.envelope)
  const general = withParams(expandConst(envelope.bodySchema()) as JsonSchema, params)
  const errors: ErrorBody[] = []
  for (const error of catalog.errors) {
    const response = render(error)
    const factory = runtime.errors[error.symbol]
    if (!response || !factory) continue
    const meta = errorMetaOf(factory.definition)
    const { 'content-type': _, ...headers } = response.headers
    const schema = withParams(expandConst(envelope.bodySchema(meta)) as JsonSchema, params, error)
    errors.push({
      error,
      meta,
      schema,
      overlay: overlayOf(general, schema),
      status: response.status,
      headers,
      example: JSON.parse(response.body),
    })
  }
  return {
    contentType: parsed.contentType,
    general,
    errors,
    byStatus: groupByStatus(errors),
    envelopeHeaders: new Map(parsed.headers.map((h) => [h.name.toLowerCase(), h.name])),
  }
}

/**
 * One error's schema, with what a reader of the schema wants to know of it:
 * the general schema (at `generalRef`), narrowed by the error's overlay.
 */
export function errorSchema(body: ErrorBody, generalRef: string): JsonSchema {
  const { error } = body
  const { allOf, ...overlay } = body.overlay
  return {
    title: error.title,
    ...(error.description ? { description: error.description } : {}),
    ...(error.deprecated ? { deprecated: true } : {}),
    allOf: [{ $ref: generalRef }, ...((allOf as unknown[] | undefined) ?? [])],
    ...overlay,
  }
}

/** The overlay as keywords to put beside `allOf`. */
function overlayOf(general: JsonSchema, schema: JsonSchema): JsonSchema {
  const overlay = schemaOverlay(general, schema)
  if (overlay === undefined || overlay === true) return {}
  // `false`: a body template that is an `$if` this error does not take, so it sends no body.
  return overlay === false ? { not: {} } : (overlay as JsonSchema)
}

/**
 * A constant object or array spelled out member by member: the same bodies,
 * but generators see typed members and a discriminator finds its property
 * (a body made only of identifying members is one `const` for each error).
 */
export function expandConst(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || !('const' in schema)) return schema
  const value = (schema as { const: unknown }).const
  if (Array.isArray(value))
    return {
      type: 'array',
      prefixItems: value.map((item) => expandConst({ const: item })),
      minItems: value.length,
      items: false,
    }
  if (typeof value !== 'object' || value === null) return schema
  const members = Object.entries(value)
  return {
    type: 'object',
    properties: Object.fromEntries(members.map(([k, v]) => [k, expandConst({ const: v })])),
    required: members.map(([k]) => k),
    additionalProperties: false,
  }
}

function groupByStatus(errors: ErrorBody[]): [number, ErrorBody[]][] {
  const groups = new Map<number, ErrorBody[]>()
  for (const body of errors) {
    const group = groups.get(body.status)
    if (group) group.push(body)
    else groups.set(body.status, [body])
  }
  return [...groups].sort(([a], [b]) => a - b)
}
