// What every demo server promises about `GET /errors/{id}`: each error of its
// catalog, requested by symbol, code or key, comes back in the seed's exact
// envelope, and a client reading the body with the catalog's envelope finds
// that error again.
import assert from 'node:assert/strict'
import {
  type CatalogError,
  type EnvelopeReader,
  type ErrorDefinition,
  errorMetas,
  errorWithParams,
} from '@errcat/runtime'
import { type Answer, request, UUID } from '../client.ts'

type ErrorSet = Readonly<Record<string, { readonly definition: ErrorDefinition }>>

export interface EveryErrorCase {
  url: string
  /** The reader of the demo's envelope: its generated module's `envelopeReader`. */
  reader: EnvelopeReader
  errors: ErrorSet
  /** Params the server fills in for errors that have some (its example values). */
  exampleParams?: Record<string, unknown>
  /** The body the seed's envelope gives this error; `error` is an instance like the server's. */
  expectedBody(error: CatalogError, answer: Answer): unknown
  /** The HTTP status of the error's response. */
  expectedStatus(definition: ErrorDefinition): number
}

/** The ids an error can be requested by; they take turns so that all three kinds are used. */
function idFor(definition: ErrorDefinition, turn: number): string {
  const ids = [definition.symbol, definition.code?.toString(), definition.key].filter(
    (id): id is string => id !== undefined,
  )
  return ids[turn % ids.length]!
}

export async function checkEveryError(test: EveryErrorCase): Promise<number> {
  const envelope = test.reader
  const index = envelope.index(errorMetas(test.errors))
  const entries = Object.values(test.errors)
  let turn = 0
  for (const entry of entries) {
    const { definition } = entry
    const id = idFor(definition, turn++)
    const answer = await request(`${test.url}/errors/${encodeURIComponent(id)}`)
    const where = `${definition.symbol} (GET /errors/${id})`
    assert.equal(answer.status, test.expectedStatus(definition), where)
    assert.equal(answer.headers['content-type'], 'application/json', where)
    assert.equal(answer.headers['content-language'], 'en', where)
    assert.match(answer.headers['x-request-id'] ?? '', UUID, where)

    const error = errorWithParams(entry, test.exampleParams)
    assert.deepEqual(answer.json, test.expectedBody(error, answer), where)
    const retryAfter = error.retryAfter
    assert.equal(
      answer.headers['retry-after'],
      retryAfter === undefined ? undefined : String(Math.ceil(retryAfter)),
      where,
    )
    const rateLimit = definition.rateLimit
    assert.equal(
      answer.headers['ratelimit-policy'],
      rateLimit ? `"${rateLimit.policy}";q=${rateLimit.quota};w=${rateLimit.window}` : undefined,
      where,
    )

    // What a client does with the body: recognise the error and read its message.
    assert.ok(envelope.isError(answer.status, answer.json), `${where}: not read as an error`)
    const read = envelope.read(answer.status, answer.json, index)
    assert.equal(
      read.error?.symbol,
      definition.symbol,
      `${where}: read back as ${read.error?.symbol}`,
    )
    assert.equal(read.message, definition.expose ? error.message : definition.title, where)
  }
  return entries.length
}

/** The message on the wire: rendered when the error is exposed, its title otherwise. */
export function wireMessage(error: CatalogError): string {
  return error.expose ? error.message : error.title
}
