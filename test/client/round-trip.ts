// What the client promises for every error a server of the catalog answers:
// fetched over real HTTP and parsed with the generated client module, it comes
// back as the same error, with the server's code, params, message and request id.
import assert from 'node:assert/strict'
import { type ErrorDefinition, errorWithParams } from '@errcat/runtime'
import { createErrorParser, type EnvelopeReader, type ErrorInfoSet } from '@errcat/runtime/client'

export interface RoundTrip {
  /** Where errors are asked for: `${base}/${id}` (a demo's /errors, or the mock). */
  base: string
  /** The server's generated module's `allErrors`: what it throws. */
  serverErrors: Readonly<Record<string, { readonly definition: ErrorDefinition }>>
  client: { envelopeReader: EnvelopeReader; allErrors: ErrorInfoSet }
  /** Params the server fills in when the request gives none (the demo's example values). */
  exampleParams?: Record<string, unknown>
  /** Params the envelope puts on the wire; the others cannot come back. */
  carried?: readonly string[]
}

/** Asks for every error by symbol, code or key in turn; returns how many were compared. */
export async function roundTrip(test: RoundTrip): Promise<number> {
  const parser = createErrorParser({
    reader: test.client.envelopeReader,
    errors: test.client.allErrors,
  })
  let turn = 0
  for (const entry of Object.values(test.serverErrors)) {
    const { definition } = entry
    const ids = [definition.symbol, definition.code?.toString(), definition.key].filter(
      (id): id is string => id !== undefined,
    )
    const id = ids[turn % ids.length]!
    const requestId = `req-${turn++}-${definition.symbol}`
    const response = await fetch(`${test.base}/${encodeURIComponent(id)}`, {
      headers: { 'x-request-id': requestId },
    })
    const where = `${definition.symbol} (${id})`
    const err = await parser.parse(response)
    assert.ok(err, `${where}: not parsed as an error`)
    const sent = errorWithParams(entry, test.exampleParams)
    assert.equal(err.known, true, `${where}: ${err.reason} ${err.text}`)
    assert.equal(err.symbol, definition.symbol, where)
    assert.equal(err.code, definition.code, where)
    assert.equal(err.key, definition.key, where)
    assert.equal(err.message, sent.expose ? sent.message : sent.title, where)
    assert.equal(err.requestId, requestId, where)
    assert.equal(err.retryAfter, sent.retryAfter, where)
    assert.equal(err.retryable, definition.retry !== 'never', where)
    assert.equal(err.docsUrl, definition.docsUrl, where)
    const expectedParams: Record<string, unknown> = {}
    if (sent.expose)
      for (const name of test.carried ?? [])
        if (Object.hasOwn(sent.params, name)) expectedParams[name] = sent.params[name as never]
    assert.deepEqual(err.params, expectedParams, where)
  }
  return turn
}
