// errcat's OpenAPI components: the error body schemas (the general one and
// one per error) and one response per HTTP status, whose examples are the
// runtime's own example responses. See docs/openapi.md for the names and the
// discriminator rules.
import type { LoadedCatalog } from '../../catalog/model.ts'
import { describeOverlap, findOverlap } from './body-signature.ts'
import { codeMembers, discriminate } from './discriminator.ts'
import { type ErrorBodies, type ErrorBody, errorSchema, type JsonSchema } from './error-bodies.ts'
import { responseHeaders } from './headers.ts'
import {
  errorSchemaName,
  GENERAL_SCHEMA,
  MARK_KEY,
  MARK_VALUE,
  responseName,
  schemaRef,
} from './names.ts'

export interface ErrcatComponents {
  schemas: Record<string, JsonSchema>
  responses: Record<string, Record<string, unknown>>
  /** The HTTP status each error is sent with, by symbol. */
  statusOf: Map<string, number>
}

/** How many symbols a response description names before summing up the rest. */
const NAMED_IN_DESCRIPTION = 8

export function buildComponents(catalog: LoadedCatalog, bodies: ErrorBodies): ErrcatComponents {
  const name = catalog.api.name
  const schemas: Record<string, JsonSchema> = {
    [GENERAL_SCHEMA]: {
      [MARK_KEY]: MARK_VALUE,
      title: `${name} error`,
      description: `Any error body of ${name}, in the envelope its catalog declares.`,
      ...bodies.general,
    },
  }
  const general = schemaRef(GENERAL_SCHEMA)
  for (const body of bodies.errors)
    schemas[errorSchemaName(body.meta.symbol)] = {
      [MARK_KEY]: MARK_VALUE,
      ...errorSchema(body, general),
    }

  const carriers = codeMembers(catalog.envelope)
  const responses: Record<string, Record<string, unknown>> = {}
  for (const [status, group] of bodies.byStatus) {
    responses[responseName(status)] = {
      [MARK_KEY]: MARK_VALUE,
      description: describeResponse(status, group),
      headers: responseHeaders(group, bodies.envelopeHeaders),
      content: {
        [bodies.contentType]: {
          schema: responseSchema(group, carriers),
          examples: Object.fromEntries(
            group.map((b) => [b.meta.symbol, { summary: b.error.title, value: b.example }]),
          ),
        },
      },
    }
  }
  return {
    schemas,
    responses,
    statusOf: new Map(bodies.errors.map((b) => [b.meta.symbol, b.status])),
  }
}

/** A discriminated `oneOf` when possible, else a plain `oneOf`, else the general schema. */
export function responseSchema(group: readonly ErrorBody[], carriers: string[][]): JsonSchema {
  const refs = group.map((b) => ({ $ref: schemaRef(errorSchemaName(b.meta.symbol)) }))
  if (refs.length === 1) return refs[0]!
  const discrimination = discriminate(group, carriers)
  if (discrimination.kind === 'discriminator') {
    const { propertyName, mapping } = discrimination
    return { oneOf: refs, discriminator: { propertyName, mapping } }
  }
  const overlap = findOverlap(group)
  if (overlap)
    return {
      $ref: schemaRef(GENERAL_SCHEMA),
      description: `The general error body: ${describeOverlap(overlap)}, so no \`oneOf\` can tell the errors of this status apart (and ${discrimination.reason}).`,
    }
  return {
    description: `One of the errors below, told apart by their constant members. No discriminator: ${discrimination.reason}.`,
    oneOf: refs,
  }
}

function describeResponse(status: number, group: readonly ErrorBody[]): string {
  const symbols = group.map((b) => `\`${b.meta.symbol}\``)
  const named = symbols.slice(0, NAMED_IN_DESCRIPTION).join(', ')
  const rest = symbols.length - NAMED_IN_DESCRIPTION
  const list = rest > 0 ? `${named} and ${rest} more` : named
  const how =
    status < 400 ? `HTTP ${status} (this API signals errors in the body)` : `HTTP ${status}`
  return `${group.length === 1 ? 'The error' : `${group.length} errors`} sent with ${how}: ${list}.`
}
