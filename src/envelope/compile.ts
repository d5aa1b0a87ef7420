// compileEnvelope: a validated template → render / isError / read /
// bodySchema. Everything that can be decided once is decided here; render
// then only runs closures and builds the response.
import type { EnvelopeTemplate } from '../catalog/schema.ts'
import { schemaOfNode } from './body-schema.ts'
import { nodeDependencies } from './dependencies.ts'
import { compileExpression, type ScopeNames, truthy } from './evaluate.ts'
import { parseEnvelope } from './parse-envelope.ts'
import {
  buildLookup,
  identifyingLocations,
  metaScope,
  type ReadModel,
  readBody,
  specificOrder,
} from './read.ts'
import { analyze, type Location } from './reader.ts'
import { compileNode, type SlotCounter, textOf } from './render.ts'
import {
  type ApiView,
  type CompiledEnvelope,
  EnvelopeError,
  type ErrorIndex,
  type ErrorMeta,
  type ErrorView,
  type ReadResult,
  type RenderedResponse,
  type RequestView,
} from './types.ts'
import { RENDER_ROOT_MAP } from './types-of.ts'

const RENDER_NAMES: ScopeNames = new Map([
  ['error', { index: 0, trusted: true }],
  ['request', { index: 1, trusted: true }],
  ['api', { index: 2, trusted: true }],
])
const CLIENT_NAMES: ScopeNames = new Map([
  ['body', { index: 0, trusted: false }],
  ['status', { index: 1, trusted: false }],
])

/** Lets buildErrorIndex reach the read model of an envelope without exposing it. */
const READ_MODEL = new WeakMap<CompiledEnvelope, ReadModel>()

export function compileEnvelope(template: EnvelopeTemplate | undefined): CompiledEnvelope {
  const { envelope, problems } = parseEnvelope(template)
  if (!envelope) throw new EnvelopeError(problems)

  const slots: SlotCounter = { count: RENDER_NAMES.size }
  const body = compileNode(envelope.body, RENDER_NAMES, slots)
  const statusNode = envelope.status
  const status = compileNode(statusNode, RENDER_NAMES, slots)
  const headers = envelope.headers.map((h) => ({
    name: h.name,
    value: compileNode(h.node, RENDER_NAMES, slots),
  }))
  const contentType = envelope.contentType
  const errorWhen = envelope.errorWhen
    ? compileExpression(envelope.errorWhen, CLIENT_NAMES)
    : undefined
  const scopeSize = slots.count

  // The read side has its own slots: it compiles the same nodes again, piece by piece.
  const readSlots: SlotCounter = { count: RENDER_NAMES.size }
  const analysis = analyze(envelope.body, RENDER_ROOT_MAP, RENDER_NAMES, readSlots)
  let statusLocation: Location | undefined
  if (statusNode.kind !== 'const') {
    statusLocation = {
      id: -1,
      variants: [
        {
          guards: [],
          render: compileNode(statusNode, RENDER_NAMES, readSlots),
          targets: statusNode.kind === 'expr' ? [{ kind: 'expr', expr: statusNode.expr }] : [],
          deps: nodeDependencies(statusNode),
        },
      ],
    }
  }
  const identifying = identifyingLocations(analysis, statusLocation)
  const model: ReadModel = {
    analysis,
    ...(statusLocation ? { status: statusLocation } : {}),
    identifying,
    bySpecificity: specificOrder(identifying),
    roots: RENDER_ROOT_MAP,
    scopeSize: Math.max(readSlots.count, scopeSize),
    normalizeStatus: asStatus,
  }
  const lookups = new WeakMap<ErrorIndex, unknown>()

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

    isError(statusCode: number, responseBody: unknown): boolean {
      if (statusCode >= 400) return true
      if (!errorWhen) return false
      try {
        return truthy(errorWhen([responseBody, statusCode]))
      } catch {
        return false
      }
    },

    read(statusCode: number, responseBody: unknown, index: ErrorIndex): ReadResult {
      try {
        return readUnguarded(statusCode, responseBody, index)
      } catch {
        // read promises never to throw; the property tests check readUnguarded itself.
        return { fields: {} }
      }
    },

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

  function readUnguarded(statusCode: number, responseBody: unknown, index: ErrorIndex): ReadResult {
    // An index built for another envelope still works: its errors are indexed again for this one.
    let effective = index
    if (index.envelope !== compiled) {
      let lookup = lookups.get(index)
      if (!lookup) {
        lookup = buildLookup(model, index.errors)
        lookups.set(index, lookup)
      }
      effective = { errors: index.errors, envelope: compiled, lookup }
    }
    return readBody(model, statusCode, responseBody, effective)
  }

  READ_MODEL.set(compiled, model)
  // For the property tests, which must see any exception that `read` would swallow.
  Object.defineProperty(compiled, 'readUnguarded', { value: readUnguarded, enumerable: false })
  return compiled
}

/** Indexes catalog errors by what the envelope's identifying members render for them. */
export function buildErrorIndex(
  compiled: CompiledEnvelope,
  errors: readonly ErrorMeta[],
): ErrorIndex {
  const model = READ_MODEL.get(compiled)
  if (!model) throw new TypeError('buildErrorIndex needs an envelope made by compileEnvelope')
  return { errors: [...errors], envelope: compiled, lookup: buildLookup(model, errors) }
}

/** A status from a template: an integer from 100 to 599, or its digits as text. */
function asStatus(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined
}

const UNSAFE_HEADER_CHARS = /[^\t\x20-\x7e]/

/**
 * Header values cannot hold line breaks (they would split the response: header
 * injection) nor text outside Latin-1 (Node and fetch reject it): breaks become
 * spaces, other control characters go, non-ASCII text is percent-encoded.
 */
function headerValue(value: unknown): string {
  const text =
    typeof value === 'string' ? value : typeof value === 'object' ? textOf(value) : String(value)
  if (!UNSAFE_HEADER_CHARS.test(text)) return text
  return text.replace(/[\r\n]+/g, ' ').replace(/[^\t\x20-\x7e]/gu, (c) => {
    if (c < ' ' || c === '\x7f') return ''
    try {
      return encodeURIComponent(c)
    } catch {
      return '' // a lone surrogate
    }
  })
}
