import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import {
  type Context,
  type ContextManager,
  context,
  type Meter,
  metrics,
  ROOT_CONTEXT,
  type Span,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api'
import { envelopeWriter } from '../../../src/emit/envelope-writer.ts'
import { defineError } from './define-error.ts'
import type { ErrorDefinition, RuntimeCatalog } from './definition.ts'
import { createErrorHandler } from './handle.ts'
import { loadOpenTelemetry } from './telemetry.ts'

// The API alone (no SDK) hands out nothing that records. Register the two
// pieces the recorder talks to: a synchronous context manager, so a span can
// be active, and a meter provider whose counter keeps what it is given.
class StackContextManager implements ContextManager {
  #current: Context = ROOT_CONTEXT
  active() {
    return this.#current
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    const previous = this.#current
    this.#current = ctx
    try {
      return fn.call(thisArg, ...args)
    } finally {
      this.#current = previous
    }
  }
  bind<T>(_ctx: Context, target: T): T {
    return target
  }
  enable() {
    return this
  }
  disable() {
    return this
  }
}

const counted: { value: number; attributes: unknown }[] = []
const meter = {
  createCounter: () => ({
    add: (value: number, attributes: unknown) => counted.push({ value, attributes }),
  }),
} as unknown as Meter

interface RecordedSpan {
  attributes: Record<string, unknown>
  status?: { code: number; message?: string }
  exceptions: unknown[]
}

function recordingSpan(recording = true): { span: Span; data: RecordedSpan } {
  const data: RecordedSpan = { attributes: {}, exceptions: [] }
  const span = {
    isRecording: () => recording,
    setAttribute(key: string, value: unknown) {
      data.attributes[key] = value
      return span
    },
    setStatus(status: { code: number; message?: string }) {
      data.status = status
      return span
    },
    recordException(exception: unknown) {
      data.exceptions.push(exception)
    },
  } as unknown as Span
  return { span, data }
}

const definition = (fields: Partial<ErrorDefinition>): ErrorDefinition => ({
  catalog: { id: 'T', locale: 'en' },
  symbol: 'X',
  status: 400,
  title: 'X',
  message: 'x',
  expose: true,
  stack: false,
  retry: 'never',
  type: 'about:blank',
  ...fields,
})
const NOT_FOUND = defineError(
  definition({ symbol: 'NOT_FOUND', status: 404, title: 'Not found', message: 'No order 42' }),
)
const catalog: RuntimeCatalog = {
  scope: { id: 'T', locale: 'en' },
  api: { name: 'T' },
  envelope: envelopeWriter({ preset: 'problem' }),
  locales: { available: ['en'] },
  internal: definition({
    symbol: 'INTERNAL',
    status: 500,
    title: 'Internal error',
    message: 'Internal error',
    expose: false,
  }),
}
const request = { method: 'GET', path: '/', headers: {} }

describe('OpenTelemetry', () => {
  before(() => {
    context.setGlobalContextManager(new StackContextManager())
    metrics.setGlobalMeterProvider({ getMeter: () => meter })
  })

  it('loads the optional @opentelemetry/api once', async () => {
    const api = await loadOpenTelemetry()
    assert.equal(api?.trace, trace)
    assert.equal(await loadOpenTelemetry(), api)
  })

  it('records an unknown exception on the active span as a 5xx, without its message', async () => {
    const handle = createErrorHandler(catalog)
    await handle.ready
    const { span, data } = recordingSpan()
    counted.length = 0
    context.with(trace.setSpan(context.active(), span), () =>
      handle(new Error('password=hunter2'), request),
    )
    assert.deepEqual(data.attributes, { 'error.type': 'INTERNAL' })
    assert.deepEqual(data.status, { code: SpanStatusCode.ERROR })
    assert.deepEqual(data.exceptions, [{ name: 'INTERNAL' }])
    assert.deepEqual(counted, [
      { value: 1, attributes: { 'error.type': 'INTERNAL', 'http.response.status_code': 500 } },
    ])
  })

  it('records an exposed client error with its message, leaving the span status alone', async () => {
    const handle = createErrorHandler(catalog)
    await handle.ready
    const { span, data } = recordingSpan()
    context.with(trace.setSpan(context.active(), span), () => handle(NOT_FOUND(), request))
    assert.equal(data.attributes['error.type'], 'NOT_FOUND')
    assert.equal(data.status, undefined)
    assert.deepEqual(data.exceptions, [{ name: 'NOT_FOUND', message: 'No order 42' }])
  })

  it('touches nothing on a span that is not recording, and still counts', async () => {
    const handle = createErrorHandler(catalog)
    await handle.ready
    const { span, data } = recordingSpan(false)
    counted.length = 0
    context.with(trace.setSpan(context.active(), span), () => handle(NOT_FOUND(), request))
    assert.deepEqual(data, { attributes: {}, exceptions: [] })
    assert.equal(counted.length, 1)
  })

  it('does nothing when telemetry is off', async () => {
    const handle = createErrorHandler(catalog, { telemetry: false })
    await handle.ready
    const { span, data } = recordingSpan()
    counted.length = 0
    context.with(trace.setSpan(context.active(), span), () => handle(NOT_FOUND(), request))
    assert.deepEqual(data.exceptions, [])
    assert.equal(counted.length, 0)
  })
})
