// The retrying fetch against a real loopback server that answers 429 and 503
// with each way of saying "later" (Retry-After in seconds and as a date, the
// IETF RateLimit fields, X-RateLimit-Reset, a delay in a 200 body) and that
// drops connections. Waits go through an injected clock: the test asserts the
// waits that would have been taken, and takes none.
import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, beforeEach, describe, it } from 'node:test'
import {
  type AttemptEvent,
  type Clock,
  createErrorParser,
  createRetryingFetch,
  type ErrorParser,
  type RetryOptions,
} from '@errcat/runtime/client'
import * as qencode from '../../examples/qencode/errors.client.generated.ts'
import * as fixture from '../http/fixtures/errors.client.generated.ts'

/** One scripted answer; `drop` cuts the connection without answering. */
type Script = { status: number; headers?: Record<string, string>; body?: unknown } | 'drop'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const problem = (code: string, status: number, extra: Record<string, unknown> = {}) => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: { status, code, ...extra },
})
const OK: Script = { status: 200, body: { ok: true } }

let server: Server
let base = ''
let scripts: Script[] = []
const seen: { method: string; key?: string }[] = []

function answer(req: IncomingMessage, res: ServerResponse) {
  req.resume()
  seen.push({ method: req.method ?? '', key: req.headers['idempotency-key'] as string })
  const next = scripts.shift() ?? OK
  if (next === 'drop') {
    req.socket.destroy()
    return
  }
  res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers })
  res.end(next.body === undefined ? '' : JSON.stringify(next.body))
}

/** A clock that only moves when slept on, recording each wait. */
function fakeClock() {
  const waits: number[] = []
  let now = NOW
  const clock: Clock = {
    now: () => now,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted()
      waits.push(ms)
      now += ms
    },
  }
  return { clock, waits }
}

function retrying(overrides: Partial<RetryOptions> = {}, parser: ErrorParser = fixtureParser()) {
  const { clock, waits } = fakeClock()
  const events: AttemptEvent[] = []
  const fetch = createRetryingFetch({
    parser,
    clock,
    random: () => 0.5,
    attempts: 4,
    onAttempt: (e) => events.push(e),
    ...overrides,
  })
  return { fetch, waits, events, reasons: () => events.map((e) => e.reason) }
}

function fixtureParser() {
  return createErrorParser({
    reader: fixture.envelopeReader,
    errors: fixture.allErrors,
    now: () => NOW,
  })
}

describe('the retrying fetch', () => {
  before(async () => {
    server = createServer(answer)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))
  beforeEach(() => {
    scripts = []
    seen.length = 0
  })

  it('waits what Retry-After says, in seconds and as an HTTP date', async () => {
    scripts = [
      problem('maintenance', 503, {}),
      { ...problem('maintenance', 503), headers: { 'retry-after': '2' } },
      {
        ...problem('maintenance', 503),
        headers: { 'retry-after': new Date(NOW + 5000).toUTCString() },
      },
    ]
    // The first answer has no header: the catalog's fixed delay for MAINTENANCE (120 s) is too long.
    const { fetch, waits, reasons } = retrying({ maxDelay: 200_000, maxElapsed: 500_000 })
    const response = await fetch(`${base}/a`)
    assert.equal(response.status, 200)
    assert.deepEqual(await response.json(), { ok: true })
    assert.deepEqual(waits, [120_000, 2000, 5000])
    assert.deepEqual(reasons(), ['retryable', 'retryable', 'retryable', 'success'])
  })

  it('waits for the quota the RateLimit and X-RateLimit fields announce', async () => {
    const limited = (headers: Record<string, string>) => ({
      status: 429,
      headers,
      body: { status: 429, code: 'too_many' },
    })
    scripts = [
      limited({ ratelimit: '"default";r=0;t=7', 'ratelimit-policy': '"default";q=100;w=60' }),
      limited({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '4' }),
      limited({ 'x-ratelimit-reset': String(NOW / 1000 + 9) }),
      limited({ 'ratelimit-policy': '"hour";q=1000;w=3' }),
    ]
    const { fetch, waits, events } = retrying({ attempts: 5 })
    assert.equal((await fetch(`${base}/b`)).status, 200)
    assert.deepEqual(waits, [7000, 4000, 9000, 3000])
    assert.ok(events.slice(0, 4).every((e) => e.delayFrom === 'server' && e.error?.known === false))
  })

  it("waits the delay in a 200 body: Qencode's busy error", async () => {
    scripts = [{ status: 200, body: { error: 8, message: 'System busy', retry_after: 30 } }]
    const parser = createErrorParser({ reader: qencode.envelopeReader, errors: qencode.allErrors })
    const { fetch, waits, events } = retrying({}, parser)
    const response = await fetch(`${base}/c`)
    assert.deepEqual(await response.json(), { ok: true })
    assert.deepEqual(waits, [30_000])
    assert.equal(events[0]!.error?.symbol, 'ERROR_SYSTEM_BUSY')
  })

  it('backs off exponentially with full jitter, up to the attempts cap', async () => {
    scripts = Array.from({ length: 9 }, () => problem('internal', 500))
    const { fetch, waits, reasons } = retrying({ attempts: 4, baseDelay: 100 })
    const response = await fetch(`${base}/d`)
    assert.equal(response.status, 500)
    // Half of 100, 200, 400: the injected random is 0.5.
    assert.deepEqual(waits, [50, 100, 200])
    assert.equal(seen.length, 4)
    assert.deepEqual(reasons().at(-1), 'attempts-exhausted')
    // The response returned still has its body.
    assert.deepEqual(await response.json(), { status: 500, code: 'internal' })
  })

  it('does not wait longer than maxDelay: it returns the answer instead', async () => {
    scripts = [{ ...problem('maintenance', 503), headers: { 'retry-after': '120' } }]
    const { fetch, waits, events } = retrying({ maxDelay: 30_000 })
    assert.equal((await fetch(`${base}/e`)).status, 503)
    assert.deepEqual(waits, [])
    assert.equal(events[0]!.reason, 'wait-too-long')
    assert.equal(events[0]!.delay, 120_000)
  })

  it('stops when the next wait would pass maxElapsed', async () => {
    scripts = Array.from({ length: 9 }, () => ({
      ...problem('maintenance', 503),
      headers: { 'retry-after': '2' },
    }))
    const { fetch, waits, reasons } = retrying({ attempts: 20, maxElapsed: 7000 })
    assert.equal((await fetch(`${base}/f`)).status, 503)
    assert.deepEqual(waits, [2000, 2000, 2000])
    assert.equal(reasons().at(-1), 'out-of-time')
  })

  it('retries dropped connections, then throws the last failure', async () => {
    scripts = ['drop', 'drop']
    const first = retrying()
    assert.equal((await first.fetch(`${base}/g`)).status, 200)
    assert.deepEqual(first.reasons(), ['network-error', 'network-error', 'success'])
    assert.deepEqual(first.waits, [150, 300])

    scripts = ['drop', 'drop', 'drop']
    const second = retrying({ attempts: 3 })
    await assert.rejects(second.fetch(`${base}/g`), TypeError)
    assert.deepEqual(second.reasons(), ['network-error', 'network-error', 'attempts-exhausted'])
    assert.equal(second.events.at(-1)!.decision, 'throw')
  })

  it('never retries an error the catalog marks not retryable', async () => {
    scripts = [problem('bad_token', 401)]
    const { fetch, reasons } = retrying()
    assert.equal((await fetch(`${base}/h`)).status, 401)
    assert.deepEqual(reasons(), ['not-retryable'])
    assert.equal(seen.length, 1)
  })

  it('retries a POST only with an idempotency key, or when allowed', async () => {
    const post = { method: 'POST', body: '{"a":1}' }
    scripts = ['drop', problem('internal', 500)]
    const bare = retrying()
    await assert.rejects(bare.fetch(`${base}/i`, post))
    assert.equal((await bare.fetch(`${base}/i`, post)).status, 500)
    assert.deepEqual(bare.reasons(), ['not-idempotent', 'not-idempotent'])
    assert.equal(seen.length, 2)

    seen.length = 0
    scripts = [problem('internal', 500)]
    const keyed = retrying()
    const init = { ...post, headers: { 'Idempotency-Key': 'k-1' } }
    assert.equal((await keyed.fetch(`${base}/i`, init)).status, 200)
    assert.deepEqual(
      seen.map((s) => s.key),
      ['k-1', 'k-1'],
    )

    scripts = [problem('internal', 500)]
    const allowed = retrying({ retryNonIdempotent: true })
    assert.equal((await allowed.fetch(new Request(`${base}/i`, post))).status, 200)
  })

  it('is cancelled by its AbortSignal in the middle of a wait', async () => {
    scripts = [{ ...problem('maintenance', 503), headers: { 'retry-after': '20' } }]
    const controller = new AbortController()
    let slept = 0
    const clock: Clock = {
      now: () => NOW,
      // Never ends by itself: only the abort can end this wait.
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          slept++
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
        }),
    }
    const fetch = createRetryingFetch({
      parser: fixtureParser(),
      clock,
      onAttempt: (e) => {
        if (e.decision === 'retry') setTimeout(() => controller.abort(), 5)
      },
    })
    await assert.rejects(fetch(`${base}/j`, { signal: controller.signal }), { name: 'AbortError' })
    assert.equal(slept, 1)
    assert.equal(seen.length, 1)
  })

  it('really sleeps with the system clock, and wakes on abort', async () => {
    scripts = [{ ...problem('maintenance', 503), headers: { 'retry-after': '0' } }]
    const fetch = createRetryingFetch({ parser: fixtureParser() })
    assert.equal((await fetch(`${base}/k`)).status, 200)

    scripts = [{ ...problem('maintenance', 503), headers: { 'retry-after': '60' } }]
    const controller = new AbortController()
    const slow = createRetryingFetch({
      parser: fixtureParser(),
      maxDelay: 120_000,
      maxElapsed: 120_000,
      onAttempt: (e) => {
        if (e.decision === 'retry') controller.abort()
      },
    })
    await assert.rejects(slow(`${base}/k`, { signal: controller.signal }), { name: 'AbortError' })
  })
})
