// Params as the catalog declares them. Envelopes that carry params as a
// string map (Google's ErrorInfo.metadata) or in query-like text give back
// "30" for an integer: the declared type turns it into 30 again. Only
// declared params are kept, so `err.params` matches its type.
import type { ParamType } from './error-info.ts'

export function typedParams(
  declared: Readonly<Record<string, ParamType>> | undefined,
  wire: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (!declared || !wire) return out
  for (const name of Object.keys(declared)) {
    if (!Object.hasOwn(wire, name)) continue
    const value = convert(declared[name]!, wire[name])
    if (value !== undefined) out[name] = value
  }
  return out
}

function convert(type: ParamType, value: unknown): unknown {
  if (type === 'integer' || type === 'number') {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined
  }
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value
    return value === 'true' ? true : value === 'false' ? false : undefined
  }
  // string and enum: a number on the wire (a filter may have turned "7" into 7) reads back as text.
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
}
