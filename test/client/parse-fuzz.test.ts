// Property: whatever a server, proxy or attacker answers, the parser returns
// (an error for every 4xx/5xx, undefined or an error otherwise) and never
// throws: arbitrary statuses and headers; random bytes, random JSON, envelopes
// of every seed cut at random points, deep nesting, and a 10 MB body.
// Short fixed-seed runs in `npm test`, long random ones in `npm run fuzz`.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ApiError, createErrorParser, type ErrorParser } from '@errcat/runtime/client'
import fc from 'fast-check'
import * as gengo from '../../examples/gengo/errors.client.generated.ts'
import * as qencode from '../../examples/qencode/errors.client.generated.ts'
import * as qrForms from '../../examples/qr-forms/errors.client.generated.ts'
import * as qrforge from '../../examples/qrforge/errors.client.generated.ts'
import * as sevenbridges from '../../examples/sevenbridges/errors.client.generated.ts'
import { fuzz } from '../fuzz-settings.ts'
import * as fixture from '../http/fixtures/errors.client.generated.ts'

const MAX_TEXT = 512
const parsers: ErrorParser[] = [qencode, gengo, qrForms, qrforge, sevenbridges, fixture].map((m) =>
  createErrorParser({ reader: m.envelopeReader, errors: m.allErrors, maxTextLength: MAX_TEXT }),
)

/** Bodies each envelope really sends, to cut and mangle. */
const REAL_BODIES = [
  '{"error": 8, "message": "System busy", "retry_after": 30}',
  '{"opstat": "error", "err": {"code": 1000, "msg": "authentication failed"}}',
  '{"code": 400, "error_code": 100303, "message": "Record not found"}',
  '{"ok": false, "version": "1", "request_id": "r", "code": "rate_limited", "message": "x"}',
  '{"status": 404, "code": 5002, "message": "Not found", "more_info": "https://x"}',
  '{"type": "https://x/#1001", "status": 401, "code": "bad_token", "params": {"hint": "a"}, "errors": [{"pointer": "/a", "detail": "b"}]}',
]

const statuses = fc.oneof(
  fc.constantFrom(200, 201, 204, 400, 401, 404, 409, 429, 500, 502, 503),
  fc.integer({ min: 200, max: 599 }),
)
const anyStatus = fc.oneof(statuses, fc.integer(), fc.double(), fc.constant(Number.NaN))
const headers = fc.dictionary(
  fc.oneof(fc.constantFrom('retry-after', 'x-request-id', 'content-type'), fc.string()),
  fc.oneof(fc.string(), fc.constantFrom('Wed, 21 Oct 2015 07:28:00 GMT', '5', '-1', '1e9')),
)
const truncated = fc
  .tuple(fc.constantFrom(...REAL_BODIES), fc.nat())
  .map(([body, at]) => body.slice(0, at % (body.length + 1)))
const deep = fc
  .tuple(fc.integer({ min: 1, max: 50_000 }), fc.constantFrom('[', '{"error":', '{"err":'))
  .map(([depth, open]) => open.repeat(depth))
const textBodies = fc.oneof(
  fc.string(),
  fc.json(),
  truncated,
  deep,
  fc.constantFrom(...REAL_BODIES),
  fc.constantFrom('', '<html><body>502 Bad Gateway</body></html>', 'null', '0', '"x"', '[]'),
)
const anyBody = fc.oneof(
  textBodies,
  fc.uint8Array({ maxLength: 2048 }),
  fc.jsonValue(),
  fc.anything(),
)

function check(result: unknown, status: number) {
  if (result === undefined) {
    assert.ok(!(status >= 400), `status ${status} read as a success`)
    return
  }
  assert.ok(result instanceof ApiError)
  assert.ok(result.text.length <= MAX_TEXT)
  assert.equal(typeof result.message, 'string')
}

describe('the parser never throws', () => {
  it('on arbitrary answers already read', () => {
    fc.assert(
      fc.property(fc.nat(parsers.length - 1), anyStatus, headers, anyBody, (i, status, h, body) => {
        const result = parsers[i]!.parseAnswer({ status, headers: h, body })
        // The parser reads a status that is no HTTP status (1000, NaN) as 0, which is no error.
        check(result, Number.isInteger(status) && status >= 0 && status <= 999 ? status : 0)
      }),
      fuzz(1500),
    )
  })

  it('on arbitrary fetch responses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(parsers.length - 1),
        statuses,
        headers,
        fc.oneof(textBodies, fc.uint8Array({ maxLength: 2048 })),
        async (i, status, h, body) => {
          const init = new Headers()
          for (const [name, value] of Object.entries(h)) {
            try {
              init.set(name, value)
            } catch {
              // fetch refuses names and values that are not HTTP tokens: none can arrive.
            }
          }
          const nullBody = [204, 205, 304].includes(status)
          const response = new Response(nullBody ? null : body, { status, headers: init })
          check(await parsers[i]!.parse(response), status)
        },
      ),
      fuzz(400),
    )
  })

  it('on a 10 MB body, reading no more than its limit', async () => {
    const big = `{"error": 8, "message": "${'x'.repeat(10 * 1024 * 1024)}"}`
    for (const parser of parsers) {
      const err = await parser.parse(new Response(big, { status: 500 }))
      assert.equal(err?.reason, 'too-large')
      assert.equal(parser.parseAnswer({ status: 503, body: big })?.reason, 'too-large')
      // A 2xx this large is no error body: left to the caller, unread when it says its length.
      const ok = new Response(big, { status: 200, headers: { 'content-length': `${big.length}` } })
      assert.equal(await parser.parse(ok), undefined)
    }
  })

  it('on JSON nested a million levels deep', () => {
    const deepest = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`
    const objects = `${'{"error":'.repeat(200_000)}0${'}'.repeat(200_000)}`
    // A limit above their size, so that they are parsed and read, not refused as too large.
    const roomy = createErrorParser({
      reader: qencode.envelopeReader,
      errors: qencode.allErrors,
      maxBodyBytes: 4 * 1024 * 1024,
    })
    assert.equal(roomy.parseAnswer({ status: 500, body: deepest })?.reason, 'wrong-shape')
    assert.equal(roomy.parseAnswer({ status: 200, body: objects })?.reason, 'wrong-shape')
  })
})
