// Gateway pass-through (seed 001) against a real upstream on loopback. The
// upstream is the forms module: its errors carry the module codes
// (100300–100329) under symbols of its own, in an envelope of its own (real
// HTTP statuses, `{error_code, message, errors}`). The gateway is QR forms
// OpenAPI V2: it re-emits them in its envelope (HTTP 200, `{code: 400,
// error_code, message}`), keeping the business code; what it cannot read
// becomes its HTTP-layer 404 or 502, without `error_code`.
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import {
  CatalogError,
  createErrorHandler,
  createPassThrough,
  defineCatalog,
  type ErrorDefinition,
  isAnyCatalogError,
  UpstreamError,
} from 'errcat/runtime'
import {
  allErrors,
  catalog,
  FORM_NOT_FOUND,
  NOT_FOUND,
  RECORD_NOT_FOUND,
  UPSTREAM_UNAVAILABLE,
} from '../../examples/qr-forms/errors.generated.ts'
import { closeServer } from './apps.ts'

// ── The upstream: the module's errors, renamed, in the module's own envelope ──

const upstreamScope = { id: 'forms-module', locale: 'en' }
const upstreamErrors: Record<string, { definition: ErrorDefinition }> = {}
for (const { definition } of Object.values(allErrors))
  if (definition.group === 'module')
    upstreamErrors[`E${definition.code}`] = {
      definition: { ...definition, symbol: `E${definition.code}`, catalog: upstreamScope },
    }
const upstreamCatalog = defineCatalog({
  scope: upstreamScope,
  api: { name: 'forms-module', version: '3' },
  envelope: {
    contentType: 'application/json',
    body: {
      error_code: '{{ error.code }}',
      message: '{{ error.message }}',
      errors: {
        $each: 'error.violations',
        as: 'v',
        do: { field: '{{ v.field }}', message: '{{ v.message }}' },
      },
    },
  },
  locales: { available: ['en'] },
})
const upstreamHandle = createErrorHandler(upstreamCatalog, { telemetry: false })

function upstreamError(code: number, violations?: { field: string; message: string }[]) {
  const { definition } = upstreamErrors[`E${code}`]!
  return new CatalogError(definition, undefined, violations ? { violations } : undefined)
}

/** What the upstream answers, by path. */
const ROUTES: Record<string, (res: import('node:http').ServerResponse) => void> = {
  '/records/r1': (res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"record_id":"r1"}'),
  '/records/missing': (res) => sendError(res, upstreamError(100303)),
  '/submissions/invalid': (res) =>
    sendError(res, upstreamError(100301, [{ field: '/answers/0', message: 'Expected a string' }])),
  '/submissions/limited': (res) => sendError(res, upstreamError(100311), { 'retry-after': '30' }),
  '/html-404': (res) =>
    res
      .writeHead(404, { 'content-type': 'text/html' })
      .end('<html><body><h1>404 Not Found</h1>nginx</body></html>'),
  '/empty-503': (res) => res.writeHead(503).end(),
  '/truncated-500': (res) =>
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"error_code": 1003'),
  '/unknown-code': (res) =>
    res
      .writeHead(400, { 'content-type': 'application/json' })
      .end('{"error_code": 100399, "message": "New module error"}'),
  '/json-not-an-error': (res) =>
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"hello": "world"}'),
  '/huge-error': (res) =>
    res
      .writeHead(400, { 'content-type': 'application/json' })
      .end(`{"error_code": 100303, "message": "${'x'.repeat(64 * 1024)}"}`),
  '/success-html': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>'),
  '/no-content': (res) => res.writeHead(204).end(),
}

function sendError(
  res: import('node:http').ServerResponse,
  error: CatalogError,
  extra: Record<string, string> = {},
) {
  const { status, headers, body } = upstreamHandle(error, {
    method: 'GET',
    path: '/',
    headers: {},
  })
  res.writeHead(status, { ...headers, ...extra }).end(body)
}

// ── The gateway side ────────────────────────────────────────────────────────

const gateway = createPassThrough({
  upstream: { catalog: upstreamCatalog, errors: upstreamErrors },
  errors: allErrors,
  fallback: { notFound: NOT_FOUND, badGateway: UPSTREAM_UNAVAILABLE },
  maxErrorBodyBytes: 16 * 1024,
})
const gatewayHandle = createErrorHandler(catalog, { telemetry: false })

describe('gateway pass-through', () => {
  let upstream: Server
  let base: string
  before(async () => {
    upstream = createServer((req, res) => {
      const route = ROUTES[req.url ?? '']
      if (route) route(res)
      else res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
  })
  after(() => closeServer(upstream))

  /** The error the gateway throws for the upstream answer at `path`. */
  async function thrownFor(path: string): Promise<CatalogError> {
    try {
      await gateway.unwrap(await fetch(`${base}${path}`))
    } catch (error) {
      assert.ok(isAnyCatalogError(error), `not a catalog error: ${String(error)}`)
      return error
    }
    assert.fail(`${path}: the gateway threw nothing`)
  }

  /** The gateway's answer on the wire. */
  function wire(error: CatalogError) {
    const response = gatewayHandle(error, { method: 'GET', path: '/v2/x', headers: {} })
    return { ...response, json: JSON.parse(response.body) as unknown }
  }

  it('re-emits a module error under its business code, in the gateway envelope', async () => {
    const error = await thrownFor('/records/missing')
    assert.equal(error.symbol, 'RECORD_NOT_FOUND')
    assert.ok(RECORD_NOT_FOUND.definition === error.definition)
    assert.deepEqual(error.upstream, { code: 100303, message: 'Record not found', status: 404 })
    assert.ok(error.cause instanceof UpstreamError)
    assert.equal((error.cause as UpstreamError).status, 404)
    const answer = wire(error)
    assert.equal(answer.status, 200)
    assert.deepEqual(answer.json, { code: 400, error_code: 100303, message: 'Record not found' })
  })

  it('keeps the field violations the upstream reported', async () => {
    const error = await thrownFor('/submissions/invalid')
    assert.equal(error.symbol, 'INVALID_REQUEST_PARAMETERS')
    assert.deepEqual(error.violations, [{ field: '/answers/0', message: 'Expected a string' }])
    assert.deepEqual(wire(error).json, {
      code: 400,
      error_code: 100301,
      message: 'Invalid request parameters',
    })
  })

  it("passes the upstream's Retry-After on", async () => {
    const error = await thrownFor('/submissions/limited')
    assert.equal(error.symbol, 'USER_SUBMISSION_LIMIT_REACHED')
    assert.equal(error.retryAfter, 30)
    assert.equal(wire(error).headers['retry-after'], '30')
  })

  it('turns an HTML 404 page into the HTTP-layer 404, without a business code', async () => {
    const error = await thrownFor('/html-404')
    assert.equal(error.symbol, 'NOT_FOUND')
    assert.equal(error.upstream, undefined)
    assert.match((error.cause as UpstreamError).body, /nginx/)
    assert.deepEqual(wire(error).json, {
      code: 404,
      message: 'resource not found or no permission',
    })
  })

  for (const [path, what] of [
    ['/empty-503', 'an empty 503'],
    ['/truncated-500', 'truncated JSON'],
    ['/json-not-an-error', 'JSON that is no upstream error'],
    ['/huge-error', 'an error body over the size limit'],
  ]) {
    it(`turns ${what} into the HTTP-layer 502, without a business code`, async () => {
      const error = await thrownFor(path!)
      assert.equal(error.symbol, 'UPSTREAM_UNAVAILABLE')
      const answer = wire(error)
      assert.equal(answer.status, 200)
      // A 5xx is not exposed: its title stands for the message.
      assert.deepEqual(answer.json, { code: 502, message: 'Upstream service unavailable' })
    })
  }

  it('answers an upstream code this API does not know with 502, keeping the fields for logs', async () => {
    const error = await thrownFor('/unknown-code')
    assert.equal(error.symbol, 'UPSTREAM_UNAVAILABLE')
    assert.deepEqual(error.upstream, { code: 100399, message: 'New module error', status: 400 })
    assert.deepEqual(wire(error).json, { code: 502, message: 'Upstream service unavailable' })
  })

  it("answers an upstream path that does not exist (Node's empty 404) with 404", async () => {
    const error = await thrownFor('/nowhere')
    assert.equal(error.symbol, 'NOT_FOUND')
  })

  it('returns the JSON of a success, and nothing for an empty one', async () => {
    assert.deepEqual(await gateway.unwrap(await fetch(`${base}/records/r1`)), { record_id: 'r1' })
    assert.equal(await gateway.unwrap(await fetch(`${base}/no-content`)), undefined)
  })

  it('treats a success that is not JSON as a bad gateway', async () => {
    const error = await thrownFor('/success-html')
    assert.equal(error.symbol, 'UPSTREAM_UNAVAILABLE')
  })

  it('lets `map` choose the error', async () => {
    const mapped = createPassThrough({
      upstream: { catalog: upstreamCatalog, errors: upstreamErrors },
      errors: allErrors,
      fallback: { notFound: NOT_FOUND, badGateway: UPSTREAM_UNAVAILABLE },
      map: (upstream) => (upstream.code === 100303 ? FORM_NOT_FOUND : undefined),
    })
    const response = await fetch(`${base}/records/missing`)
    const error = mapped.errorOf(response.status, await response.text(), response.headers)
    assert.equal(error?.symbol, 'FORM_NOT_FOUND')
  })

  it('reads a body already in hand with errorOf', () => {
    assert.equal(gateway.errorOf(200, '{"ok": true}'), undefined)
    assert.equal(gateway.errorOf(200, 'not json'), undefined)
    assert.equal(gateway.errorOf(404, '')?.symbol, 'NOT_FOUND')
    assert.equal(gateway.errorOf(502, '<html>')?.symbol, 'UPSTREAM_UNAVAILABLE')
    assert.equal(gateway.errorOf(409, '{"error_code": 100307}')?.symbol, 'DUPLICATE_SUBMISSION')
    assert.equal(
      gateway.errorOf(429, '{"error_code": 100312}', {
        'retry-after': 'Wed, 21 Oct 2099 07:28:00 GMT',
      })?.retryAfter !== undefined,
      true,
    )
  })
})
