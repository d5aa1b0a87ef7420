// The read side of an envelope, from its parsed template: is a response an
// error (`errorWhen`), which catalog error does a body carry, and what did it
// say. Needs no parser, so clients and gateways ship it with a parsed
// template that `errcat build` generated (src/runtime/reader.ts).

import type { ParsedEnvelope } from './ast.ts'
import { nodeDependencies } from './dependencies.ts'
import { compileExpression, type ScopeNames, truthy } from './evaluate.ts'
import {
  buildLookup,
  identifyingLocations,
  type ReadModel,
  readBody,
  specificOrder,
} from './read.ts'
import { analyze, type Location } from './reader.ts'
import { compileNode, type SlotCounter } from './render.ts'
import type { ErrorIndex, ErrorMeta, ReadResult } from './types.ts'
import { RENDER_ROOT_MAP } from './types-of.ts'
import { asStatus } from './values.ts'

export const RENDER_NAMES: ScopeNames = new Map([
  ['error', { index: 0, trusted: true }],
  ['request', { index: 1, trusted: true }],
  ['api', { index: 2, trusted: true }],
])
const CLIENT_NAMES: ScopeNames = new Map([
  ['body', { index: 0, trusted: false }],
  ['status', { index: 1, trusted: false }],
])

export interface EnvelopeReader {
  /** Whether a response is an error: any 4xx/5xx, and a 2xx whose body `errorWhen` says is one. */
  isError(status: number, body: unknown): boolean
  /** Whether a 2xx can be an error (the envelope has `errorWhen`), which only its body tells. */
  readonly hasErrorWhen: boolean
  /** Which catalog error a body carries, and what it said. Never throws. */
  read(status: number, body: unknown, index: ErrorIndex): ReadResult
  /** Indexes catalog errors by what this envelope's identifying members render for them. */
  index(errors: readonly ErrorMeta[]): ErrorIndex
  /** @internal the model, for `bodySchema` at build time. */
  readonly model: ReadModel
}

export function createReader(envelope: ParsedEnvelope): EnvelopeReader {
  const errorWhen = envelope.errorWhen
    ? compileExpression(envelope.errorWhen, CLIENT_NAMES)
    : undefined
  const slots: SlotCounter = { count: RENDER_NAMES.size }
  const analysis = analyze(envelope.body, RENDER_ROOT_MAP, RENDER_NAMES, slots)
  const statusNode = envelope.status
  let statusLocation: Location | undefined
  if (statusNode.kind !== 'const') {
    statusLocation = {
      id: -1,
      variants: [
        {
          guards: [],
          render: compileNode(statusNode, RENDER_NAMES, slots),
          targets: statusNode.kind === 'expr' ? [{ kind: 'expr', expr: statusNode.expr }] : [],
          deps: nodeDependencies(statusNode),
        },
      ],
    }
  }
  const identifying = identifyingLocations(analysis, statusLocation)
  // Rendering a node for an error meta needs as many slots as the body's own render.
  const renderSlots: SlotCounter = { count: RENDER_NAMES.size }
  compileNode(envelope.body, RENDER_NAMES, renderSlots)
  const model: ReadModel = {
    analysis,
    ...(statusLocation ? { status: statusLocation } : {}),
    identifying,
    bySpecificity: specificOrder(identifying),
    roots: RENDER_ROOT_MAP,
    scopeSize: Math.max(slots.count, renderSlots.count),
    normalizeStatus: asStatus,
  }
  const lookups = new WeakMap<ErrorIndex, unknown>()

  const reader: EnvelopeReader = {
    model,
    hasErrorWhen: errorWhen !== undefined,
    isError(status, body) {
      if (status >= 400) return true
      if (!errorWhen) return false
      try {
        return truthy(errorWhen([body, status]))
      } catch {
        return false
      }
    },
    read(status, body, index) {
      try {
        return readUnguarded(status, body, index)
      } catch {
        // read promises never to throw; the property tests check readUnguarded itself.
        return { fields: {} }
      }
    },
    index(errors) {
      return { errors: [...errors], envelope: reader, lookup: buildLookup(model, errors) }
    },
  }

  function readUnguarded(status: number, body: unknown, index: ErrorIndex): ReadResult {
    // An index built for another envelope still works: its errors are indexed again for this one.
    let effective = index
    if (index.envelope !== reader) {
      let lookup = lookups.get(index)
      if (!lookup) {
        lookup = buildLookup(model, index.errors)
        lookups.set(index, lookup)
      }
      effective = { errors: index.errors, envelope: reader, lookup }
    }
    return readBody(model, status, body, effective)
  }
  // For the property tests, which must see any exception that `read` would swallow.
  Object.defineProperty(reader, 'readUnguarded', { value: readUnguarded, enumerable: false })
  return reader
}
