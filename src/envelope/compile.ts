// compileEnvelope: a validated template → render / isError / read /
// bodySchema. Everything that can be decided once is decided here; render
// then only runs closures and builds the response.

import { compileExpression, truthy } from '@errcat/runtime/internal/envelope/evaluate'
import { metaScope } from '@errcat/runtime/internal/envelope/read'
import {
  createReader,
  type EnvelopeReader,
  RENDER_NAMES,
} from '@errcat/runtime/internal/envelope/read-envelope'
import { compileNode, type SlotCounter } from '@errcat/runtime/internal/envelope/render'
import {
  type ApiView,
  type CompiledEnvelope,
  EnvelopeError,
  type ErrorIndex,
  type ErrorMeta,
  type ErrorView,
  type RenderedResponse,
  type RequestView,
} from '@errcat/runtime/internal/envelope/types'
import { RENDER_ROOT_MAP } from '@errcat/runtime/internal/envelope/types-of'
import { asStatus, headerValue } from '@errcat/runtime/internal/envelope/values'
import type { EnvelopeTemplate } from '../catalog/schema.ts'
import { schemaOfNode } from './body-schema.ts'
import { parseEnvelope } from './parse-envelope.ts'

/** Lets buildErrorIndex reach the reader of an envelope without exposing it. */
const READERS = new WeakMap<CompiledEnvelope, EnvelopeReader>()

export function compileEnvelope(template: EnvelopeTemplate | undefined): CompiledEnvelope {
  const { envelope, problems } = parseEnvelope(template)
  if (!envelope) throw new EnvelopeError(problems)

  const slots: SlotCounter = { count: RENDER_NAMES.size }
  const body = compileNode(envelope.body, RENDER_NAMES, slots)
  const status = compileNode(envelope.status, RENDER_NAMES, slots)
  const headers = envelope.headers.map((h) => ({
    name: h.name,
    value: compileNode(h.node, RENDER_NAMES, slots),
  }))
  const contentType = envelope.contentType
  const scopeSize = slots.count
  const reader = createReader(envelope)
  const model = reader.model

  const compiled: CompiledEnvelope = {
    render(error: ErrorView, request: RequestView, api: ApiView): RenderedResponse {
      const scope = new Array<unknown>(scopeSize)
      scope[0] = error
      scope[1] = request
      scope[2] = api
      const out: Record<string, string> = {}
      for (const h of headers) {
        const v = h.value(scope)
        if (v !== undefined && v !== null) out[h.name] = headerValue(v)
      }
      return {
        // A status expression that gives no status falls back to the error's own.
        status: asStatus(status(scope)) ?? error.status,
        headers: out,
        contentType,
        body: body(scope),
      }
    },

    isError: (statusCode, responseBody) => reader.isError(statusCode, responseBody),
    read: (statusCode, responseBody, index) => reader.read(statusCode, responseBody, index),

    bodySchema(error?: ErrorMeta): object {
      if (!error) return schemaOfNode(envelope.body, RENDER_ROOT_MAP) as object
      const scope = metaScope(error, model.scopeSize)
      const schemaSlots: SlotCounter = { count: model.scopeSize }
      return schemaOfNode(envelope.body, RENDER_ROOT_MAP, {
        render: (node) => compileNode(node, RENDER_NAMES, schemaSlots)(scope),
        test: (cond) => truthy(compileExpression(cond, RENDER_NAMES)(scope)),
      }) as object
    },
  }
  READERS.set(compiled, reader)
  // For the property tests, which must see any exception that `read` would swallow.
  Object.defineProperty(compiled, 'readUnguarded', {
    value: (reader as unknown as { readUnguarded: unknown }).readUnguarded,
    enumerable: false,
  })
  return compiled
}

/** Indexes catalog errors by what the envelope's identifying members render for them. */
export function buildErrorIndex(
  compiled: CompiledEnvelope,
  errors: readonly ErrorMeta[],
): ErrorIndex {
  const reader = READERS.get(compiled)
  if (!reader) throw new TypeError('buildErrorIndex needs an envelope made by compileEnvelope')
  return reader.index(errors)
}
