// Reading error bodies on the client side and in gateways: the envelope's
// parsed template, which `errcat build` writes into the generated module as
// data (`envelopeReader`), turned into a reader. No template parser runs here.
import type { ParsedEnvelope } from './envelope/ast.ts'
import { createReader, type EnvelopeReader } from './envelope/read-envelope.ts'

export type { EnvelopeReader }

/** `data`: the parsed envelope exactly as `errcat build` writes it; the runtime trusts its shape. */
export function defineEnvelopeReader(data: object): EnvelopeReader {
  return createReader(data as ParsedEnvelope)
}
