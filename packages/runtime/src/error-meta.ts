// What a client (or a gateway reading its upstream) needs to know of each
// error to recognise it in a body: `buildErrorIndex(envelope, metas)`.

import type { ErrorDefinition } from './definition.ts'
import type { ErrorMeta } from './envelope/types.ts'

/** Anything that carries a definition: the factories of a generated module's `allErrors`. */
export type ErrorSet = Readonly<Record<string, { readonly definition: ErrorDefinition }>>

export function errorMetaOf(definition: ErrorDefinition): ErrorMeta {
  const meta: ErrorMeta = {
    symbol: definition.symbol,
    status: definition.status,
    type: definition.type,
    title: definition.title,
  }
  if (definition.code !== undefined) meta.code = definition.code
  if (definition.key !== undefined) meta.key = definition.key
  if (definition.group !== undefined) meta.group = definition.group
  return meta
}

/** The metas of every error of a set (e.g. `allErrors`). */
export function errorMetas(errors: ErrorSet): ErrorMeta[] {
  return Object.values(errors).map((e) => errorMetaOf(e.definition))
}
