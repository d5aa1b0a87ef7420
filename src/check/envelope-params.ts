// Which params the wire format carries: a param the message does not use is
// still useful when the envelope sends it as data (the presets send all of
// them: RFC 9457 extension members, Google ErrorInfo.metadata, JSON:API meta).
import type { LoadedCatalog } from '../catalog/model.ts'
import { PRESETS, type PresetName } from '../envelope/presets.ts'

export interface EnvelopeParams {
  /** The envelope sends `error.params` as a whole. */
  all: boolean
  /** Params the envelope names one by one (`error.params.target`). */
  named: Set<string>
}

const cache = new WeakMap<LoadedCatalog, EnvelopeParams>()

export function envelopeParams(catalog: LoadedCatalog): EnvelopeParams {
  const cached = cache.get(catalog)
  if (cached) return cached
  const { body, preset, headers } = catalog.envelope
  const template =
    body !== undefined ? { body, headers } : PRESETS[(preset ?? 'problem') as PresetName]
  const text = JSON.stringify(template ?? {})
  const result: EnvelopeParams = { all: false, named: new Set() }
  for (const match of text.matchAll(/\berror\.params\b(?:\.([A-Za-z_][A-Za-z0-9_]*))?/g)) {
    if (match[1]) result.named.add(match[1])
    else result.all = true
  }
  cache.set(catalog, result)
  return result
}
