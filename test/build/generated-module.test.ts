// A generated module at run time: its factories, type guards and `catalog`
// with the error handler, from a real catalog file, and once over real HTTP.
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { pathToFileURL } from 'node:url'
import type { ErrorHandler } from '@errcat/runtime'
import { z } from 'zod'
import { copyShopCatalog, createProject, type Project, runCli } from './project.ts'

// The generated module's exports, as this test uses them.
type Factory = ((...args: unknown[]) => Error & Record<string, unknown>) & { definition: unknown }
interface ShopModule {
  [symbol: string]: unknown
  catalog: import('@errcat/runtime').RuntimeCatalog
  allErrors: Record<string, Factory>
  isCatalogError(error: unknown, symbol?: string): boolean
}

describe('a generated module with the error handler', { timeout: 120_000 }, () => {
  let project: Project
  let shop: ShopModule
  let handle: ErrorHandler
  const errors = () => shop.allErrors
  const request = (headers: Record<string, string> = {}) => ({
    method: 'POST',
    path: '/orders',
    headers,
  })

  before(async () => {
    project = await createProject()
    const catalogFile = await copyShopCatalog(project)
    const built = runCli(['build', catalogFile])
    assert.equal(built.status, 0, built.stderr)
    shop = (await import(pathToFileURL(project.path('errors.generated.ts')).href)) as ShopModule
    const { createErrorHandler } = await import('@errcat/runtime')
    handle = createErrorHandler(shop.catalog, { telemetry: false })
  })
  after(() => project.remove())

  it('creates errors whose messages use plural, select and number formatting', () => {
    const { ORDER_LIMIT, TOKEN_EXPIRED, FEATURE_OFF } = errors()
    assert.equal(
      ORDER_LIMIT!({ max: 1000, count: 3, kind: 'book' }).message,
      'You can order at most 1,000 books; this order has 2 more items than allowed.',
    )
    assert.equal(
      ORDER_LIMIT!({ max: 5, count: 1 }).message,
      'You can order at most 5 items; this order has one item.',
    )
    assert.equal(TOKEN_EXPIRED!({ minutes: 0 }).message, 'The token expired just now')
    assert.equal(TOKEN_EXPIRED!({ minutes: 1 }).message, 'The token expired 1 minute ago')
    assert.equal(FEATURE_OFF!({ enabled: false }).message, 'Feature is off')
  })

  it('narrows with the type guard, by catalog and by symbol', () => {
    const error = errors().BAD_TOKEN!({ hint: 'x' })
    assert.equal(shop.isCatalogError(error), true)
    assert.equal(shop.isCatalogError(error, 'BAD_TOKEN'), true)
    assert.equal(shop.isCatalogError(error, 'ORDER_LIMIT'), false)
    assert.equal(shop.isCatalogError(new Error('x')), false)
  })

  it('answers in the negotiated locale, with the catalog fallback chain', () => {
    const { TOKEN_EXPIRED, ORDER_NOT_FOUND } = errors()
    const fr = handle(
      TOKEN_EXPIRED!({ minutes: 3 }),
      request({ 'accept-language': 'fr-FR,fr;q=0.9' }),
    )
    assert.equal(fr.headers['content-language'], 'fr')
    assert.equal(JSON.parse(fr.body).detail, 'Le jeton a expiré il y a 3 minutes')
    const pt = handle(ORDER_NOT_FOUND!({ orderId: 'A1' }), request({ 'accept-language': 'pt-BR' }))
    assert.equal(pt.headers['content-language'], 'pt')
    assert.equal(JSON.parse(pt.body).detail, 'O pedido A1 não existe')
  })

  it('answers retry and rate-limit headers from the catalog', () => {
    const { SYSTEM_BUSY, TOO_MANY_REQUESTS, ORDER_LOCKED } = errors()
    assert.equal(handle(SYSTEM_BUSY!({ delay: 30 }), request()).headers['retry-after'], '30')
    assert.equal(handle(ORDER_LOCKED!(), request()).headers['retry-after'], '3')
    const limited = handle(TOO_MANY_REQUESTS!(), request())
    assert.equal(limited.status, 429)
    assert.equal(limited.headers['ratelimit-policy'], '"minute";q=60;w=60')
    assert.equal(limited.headers.ratelimit, '"minute";r=0;t=60')
  })

  it('maps validation failures and unknown exceptions to the catalog’s own errors', () => {
    const parsed = z.object({ email: z.email() }).safeParse({ email: 'no' })
    const invalid = handle(parsed.error, request())
    assert.equal(invalid.status, 400)
    const body = JSON.parse(invalid.body)
    assert.equal(body.code, 'invalid_request')
    assert.equal(body.detail, 'Field email is not valid')
    assert.deepEqual(body.errors, [{ detail: 'Invalid email address', pointer: '/email' }])

    const crash = handle(new Error('ECONNREFUSED 10.0.0.7:5432'), request())
    assert.equal(crash.status, 500)
    assert.equal(JSON.parse(crash.body).code, 'internal')
    assert.doesNotMatch(crash.body, /ECONNREFUSED|10\.0\.0\.7/)
  })

  describe('over HTTP', () => {
    let server: Server
    let base: string
    before(async () => {
      server = createServer((req, res) => {
        // What an adapter does: run the route, hand whatever it throws to the handler.
        try {
          if (req.url === '/orders/A1') throw errors().ORDER_NOT_FOUND!({ orderId: 'A1' })
          throw new Error('database password=hunter2')
        } catch (thrown) {
          const response = handle(thrown, {
            method: req.method ?? 'GET',
            path: req.url ?? '/',
            headers: req.headers,
          })
          res.writeHead(response.status, response.headers).end(response.body)
        }
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    after(() => new Promise<void>((resolve) => server.close(() => resolve())))

    it('sends the envelope, headers and request id', async () => {
      const response = await fetch(`${base}/orders/A1`, {
        headers: { 'x-request-id': 'trace-123', 'accept-language': 'fr' },
      })
      assert.equal(response.status, 404)
      assert.equal(response.headers.get('content-type'), 'application/problem+json')
      assert.equal(response.headers.get('content-language'), 'fr')
      assert.equal(response.headers.get('x-request-id'), 'trace-123')
      assert.deepEqual(await response.json(), {
        type: 'https://docs.shop.example/errors#order_not_found',
        title: 'Order not found',
        status: 404,
        detail: 'La commande A1 n’existe pas',
        instance: '/orders/A1',
        code: 'order_not_found',
        request_id: 'trace-123',
        params: { orderId: 'A1' },
      })
    })

    it('answers an unexpected failure with the internal error only', async () => {
      const response = await fetch(`${base}/anything`)
      assert.equal(response.status, 500)
      const text = await response.text()
      assert.doesNotMatch(text, /hunter2|password|at /)
      assert.equal(JSON.parse(text).title, 'Internal error')
      assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/)
    })
  })
})
