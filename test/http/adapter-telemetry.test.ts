// OpenTelemetry through every adapter: with a tracer and a meter registered
// on the global API (as an SDK would), each answered error is recorded on the
// span of its request and counted. The spans come from a wrapper around the
// Node server's request listener, which is what HTTP instrumentation does.
// This file registers global providers, so it runs in its own process (every
// test file does); the contract suite runs the same apps without them.
import assert from 'node:assert/strict'
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Server } from 'node:http'
import { after, before, describe, it } from 'node:test'
import {
  type Attributes,
  type Context,
  type ContextManager,
  context,
  type Exception,
  type Meter,
  metrics,
  ROOT_CONTEXT,
  type Span,
  type SpanContext,
  type SpanStatus,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api'
import { ADAPTERS, type RunningApp } from './apps.ts'
import { request } from './client.ts'
import { leakValues, SECRET_PREFIX } from './leak-values.ts'

class AsyncContextManager implements ContextManager {
  #storage = new AsyncLocalStorage<Context>()
  active(): Context {
    return this.#storage.getStore() ?? ROOT_CONTEXT
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.#storage.run(ctx, () => fn.call(thisArg, ...args))
  }
  bind<T>(_ctx: Context, target: T): T {
    return target
  }
  enable(): this {
    return this
  }
  disable(): this {
    this.#storage.disable()
    return this
  }
}

class RecordedSpan implements Span {
  attributes: Attributes = {}
  status: SpanStatus = { code: SpanStatusCode.UNSET }
  exceptions: Exception[] = []
  ended = false
  constructor(readonly name: string) {}
  spanContext(): SpanContext {
    return {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
    }
  }
  setAttribute(key: string, value: Attributes[string]): this {
    this.attributes[key] = value
    return this
  }
  setAttributes(attributes: Attributes): this {
    Object.assign(this.attributes, attributes)
    return this
  }
  addEvent(): this {
    return this
  }
  addLink(): this {
    return this
  }
  addLinks(): this {
    return this
  }
  setStatus(status: SpanStatus): this {
    this.status = status
    return this
  }
  updateName(): this {
    return this
  }
  end(): void {
    this.ended = true
  }
  isRecording(): boolean {
    return !this.ended
  }
  recordException(exception: Exception): void {
    this.exceptions.push(exception)
  }
}

const spans: RecordedSpan[] = []
const tracer = {
  startSpan(name: string) {
    const span = new RecordedSpan(name)
    spans.push(span)
    return span
  },
} as unknown as Tracer

const counted: { value: number; attributes: unknown }[] = []
const meter = {
  createCounter: () => ({
    add: (value: number, attributes: unknown) => counted.push({ value, attributes }),
  }),
} as unknown as Meter

context.setGlobalContextManager(new AsyncContextManager())
trace.setGlobalTracerProvider({ getTracer: () => tracer })
metrics.setGlobalMeterProvider({ getMeter: () => meter })

/** Runs every request of `server` inside a span of its own, tagged with its request id. */
function instrument(server: Server): void {
  const listeners = server.listeners('request') as ((...args: unknown[]) => void)[]
  server.removeAllListeners('request')
  server.on('request', (req, res) => {
    const span = tracer.startSpan(`${req.method} ${req.url}`)
    span.setAttribute('test.request_id', String(req.headers['x-request-id']))
    res.on('finish', () => span.end())
    context.with(trace.setSpan(context.active(), span), () => {
      for (const listener of listeners) listener.call(server, req, res)
    })
  })
}

function spanOf(requestId: string): RecordedSpan {
  const span = spans.find((s) => s.attributes['test.request_id'] === requestId)
  assert.ok(span, `no span for ${requestId}`)
  return span as RecordedSpan
}

const [leak] = leakValues(1, 7).filter((l) => l.secret !== undefined)
const secretError = new Error(`connection string ${SECRET_PREFIX}_pg://admin:hunter2`)

for (const adapter of ADAPTERS) {
  describe(`${adapter.name} adapter with OpenTelemetry`, () => {
    let app: RunningApp
    before(async () => {
      app = await adapter.start({ values: [secretError, leak?.value] })
      instrument(app.server)
    })
    after(() => app.close())

    it('records a client error on the request span and counts it, without failing the span', async () => {
      const id = `otel-${adapter.name}-401`
      const before = counted.length
      const answer = await request(`${app.url}/errors/BAD_TOKEN?hint=abc`, {
        headers: { 'x-request-id': id },
      })
      assert.equal(answer.status, 401)
      const span = spanOf(id)
      assert.equal(span.attributes['error.type'], 'BAD_TOKEN')
      assert.equal(span.status.code, SpanStatusCode.UNSET)
      assert.deepEqual(span.exceptions, [{ name: 'BAD_TOKEN', message: 'Token abc is not valid' }])
      assert.deepEqual(counted.slice(before), [
        { value: 1, attributes: { 'error.type': 'BAD_TOKEN', 'http.response.status_code': 401 } },
      ])
    })

    it('records an unknown error as the internal error, with no trace of its message', async () => {
      const id = `otel-${adapter.name}-500`
      const before = counted.length
      const answer = await request(`${app.url}/throw/0`, { headers: { 'x-request-id': id } })
      assert.equal(answer.status, 500)
      const span = spanOf(id)
      assert.equal(span.attributes['error.type'], 'INTERNAL')
      assert.equal(span.status.code, SpanStatusCode.ERROR)
      assert.deepEqual(span.exceptions, [{ name: 'INTERNAL' }])
      assert.ok(!JSON.stringify(span).includes(SECRET_PREFIX))
      assert.deepEqual(counted.slice(before), [
        { value: 1, attributes: { 'error.type': 'INTERNAL', 'http.response.status_code': 500 } },
      ])
    })

    it('records an error answered without throwing the same way', async () => {
      const id = `otel-${adapter.name}-send-401`
      const before = counted.length
      const answer = await request(`${app.url}/errors/BAD_TOKEN?hint=abc`, {
        headers: { 'x-request-id': id, 'x-answer': 'send' },
      })
      assert.equal(answer.status, 401)
      assert.equal(app.sent.at(-1), '/errors/BAD_TOKEN')
      const span = spanOf(id)
      assert.equal(span.attributes['error.type'], 'BAD_TOKEN')
      assert.deepEqual(span.exceptions, [{ name: 'BAD_TOKEN', message: 'Token abc is not valid' }])
      assert.deepEqual(counted.slice(before), [
        { value: 1, attributes: { 'error.type': 'BAD_TOKEN', 'http.response.status_code': 401 } },
      ])
    })

    it('counts the status actually sent', async () => {
      const before = counted.length
      await request(`${app.url}/no/such/route`)
      await request(`${app.url}/throw/1`)
      assert.deepEqual(
        counted.slice(before).map((c) => c.attributes),
        [
          { 'error.type': 'NOT_FOUND', 'http.response.status_code': 404 },
          { 'error.type': 'INTERNAL', 'http.response.status_code': 500 },
        ],
      )
    })
  })
}
