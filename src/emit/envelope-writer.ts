// The generated writer, loaded in this process: the same code `errcat build`
// writes into the module, evaluated here, for what renders responses at build
// time (docs and OpenAPI examples, the mock of `errcat serve`) and for
// catalogs written by hand. What they show is what a server sends.

import * as helpers from '@errcat/runtime/internal/envelope'
import { defineEnvelope, type EnvelopeWriter } from '@errcat/runtime/internal/envelope'
import { createReader, type EnvelopeReader } from '@errcat/runtime/internal/envelope/read-envelope'
import type { EnvelopeTemplate } from '../catalog/schema.ts'
import { readerData, writerSource } from './envelope-code.ts'

const cache = new WeakMap<object, EnvelopeWriter>()

/** The writer of a template; throws `EnvelopeError` for a template that does not validate. */
export function envelopeWriter(template: EnvelopeTemplate | undefined): EnvelopeWriter {
  const key = template ?? DEFAULT
  let writer = cache.get(key)
  if (!writer) {
    const { code, helpers: used } = writerSource(template)
    const values = used.map((name) => (helpers as Record<string, unknown>)[name])
    // The code is ours, generated from a parsed template: no catalog text is evaluated,
    // only quoted (JSON.stringify) inside it.
    writer = defineEnvelope(new Function(...used, `return (${code})`)(...values) as EnvelopeWriter)
    cache.set(key, writer)
  }
  return writer
}

const DEFAULT = {}

/** The reader of a template, for catalogs written by hand (a generated module exports `envelopeReader`). */
export function envelopeReader(template: EnvelopeTemplate | undefined): EnvelopeReader {
  return createReader(readerData(template))
}
