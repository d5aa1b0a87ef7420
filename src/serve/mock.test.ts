import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { LoadedCatalog } from '../catalog/model.ts'
import { loadCatalog } from '../load/load.ts'
import { createMock, isMockPath, MOCK_HEADER, type Mock, type MockAnswer } from './mock.ts'

const SHOP = fileURLToPath(new URL('../../test/build/fixtures/shop/errors.yaml', import.meta.url))

describe('the mock API', () => {
  let catalog: LoadedCatalog
  let mock: Mock
  const ask = (target: string, headers: Record<string, string> = {}, method = 'GET') =>
    mock.answer({ method, target, headers, baseUrl: 'http://127.0.0.1:4000' })
  const json = (answer: MockAnswer) => JSON.parse(answer.body) as Record<string, unknown>

  before(async () => {
    catalog = (await loadCatalog(SHOP)).catalog!
    mock = createMock(catalog)
  })

  it('answers an error by symbol, code or key, in the envelope, with params from the query', () => {
    for (const id of ['BAD_TOKEN', '1001', 'bad_token']) {
      const answer = ask(`/mock/${id}?hint=abcd&extra=ignored`, { 'x-request-id': 'req-1' })
      assert.equal(answer.status, 401, id)
      assert.deepEqual(answer.headers, {
        'content-type': 'application/problem+json',
        'content-language': 'en',
        'x-request-id': 'req-1',
      })
      // The problem `instance` is the request's path, as on any server.
      assert.deepEqual(json(answer), {
        type: 'https://docs.shop.example/errors#bad_token',
        title: 'Bad token',
        status: 401,
        detail: 'Token abcd is not valid',
        instance: `/mock/${id}`,
        code: 'bad_token',
        request_id: 'req-1',
        params: { hint: 'abcd' },
      })
    }
  })

  it('negotiates the locale and generates a request id as a server does', () => {
    const answer = ask('/mock/ORDER_NOT_FOUND?orderId=o-1', {
      'accept-language': 'fr-CH, en;q=0.5',
      'x-request-id': 'bad id with spaces',
    })
    assert.equal(answer.headers['content-language'], 'fr')
    assert.equal(json(answer).detail, 'La commande o-1 n’existe pas')
    assert.match(answer.headers['x-request-id']!, /^[0-9a-f-]{36}$/)
    assert.equal(json(answer).request_id, answer.headers['x-request-id'])
  })

  it('sends the retry and rate-limit headers the catalog declares', () => {
    assert.equal(ask('/mock/9001?delay=7').headers['retry-after'], '7')
    assert.equal(ask('/mock/ORDER_LOCKED').headers['retry-after'], '3')
    const limited = ask('/mock/too_many_requests').headers
    assert.equal(limited['ratelimit-policy'], '"minute";q=60;w=60')
    assert.equal(limited.ratelimit, '"minute";r=0;t=60')
  })

  it('keeps unexposed errors unexposed', () => {
    const body = json(ask('/mock/INTERNAL?component=db'))
    assert.equal(body.status, 500)
    assert.equal(body.detail, 'Internal error')
    assert.equal(body.params, undefined)
  })

  it('says in its own answer that the catalog has no such error', () => {
    for (const [id, says] of [
      ['NOPE', 'no error with code, key or symbol "NOPE"'],
      ['0', 'OK is a success code'],
      ['9002', 'LEGACY_QUOTA is obsolete'],
      ['%E0%A4%A', 'no error with code, key or symbol "%E0%A4%A"'],
    ] as const) {
      const answer = ask(`/mock/${id}`)
      assert.equal(answer.status, 404, id)
      assert.equal(answer.headers[MOCK_HEADER], 'unknown-error', id)
      assert.match(
        String(json(answer).message),
        new RegExp(says.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      )
      assert.match(String(json(answer).mock), /not from the API/)
    }
  })

  it('lists every error a server can answer, with its mock URL', () => {
    for (const target of ['/mock', '/mock/', '/mock/?x=1']) {
      const answer = ask(target)
      assert.equal(answer.status, 200)
      assert.equal(answer.headers[MOCK_HEADER], 'index')
      const errors = json(answer).errors as { symbol: string; url: string; params?: string[] }[]
      const throwable = catalog.errors.filter((e) => !e.success && !e.obsolete)
      assert.deepEqual(
        errors.map((e) => e.symbol),
        throwable.map((e) => e.symbol),
      )
      const busy = errors.find((e) => e.symbol === 'SYSTEM_BUSY')!
      assert.equal(busy.url, 'http://127.0.0.1:4000/mock/SYSTEM_BUSY')
      assert.deepEqual(busy.params, ['delay'])
    }
  })

  it('answers any method, as a server answers errors to any request', () => {
    const answer = ask('/mock/BAD_TOKEN?hint=x', {}, 'POST')
    assert.equal(answer.status, 401)
  })

  it('owns /mock and what is under it, nothing else', () => {
    assert.ok(isMockPath('/mock'))
    assert.ok(isMockPath('/mock/'))
    assert.ok(isMockPath('/mock/1001'))
    assert.ok(!isMockPath('/mockingbird'))
    assert.ok(!isMockPath('/'))
  })
})
