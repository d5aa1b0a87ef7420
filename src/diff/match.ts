// Which error of the old catalog became which of the new one. Symbols are the
// stable identity; an old error whose symbol is gone is matched to a new one
// carrying its code or key, which is a rename. Obsolete errors are never
// matched that way: a new error with an obsolete number reuses it.
import type { LoadedError } from '../catalog/model.ts'

export interface Pairing {
  /** Errors in both catalogs, [old, new]; renamed ones included. */
  pairs: [LoadedError, LoadedError][]
  /** The pairs whose symbol changed. */
  renamed: [LoadedError, LoadedError][]
  removed: LoadedError[]
  added: LoadedError[]
  /** The new counterpart of an old error. */
  counterpart: Map<LoadedError, LoadedError>
}

export function pairErrors(oldErrors: LoadedError[], newErrors: LoadedError[]): Pairing {
  const newBySymbol = new Map(newErrors.map((e) => [e.symbol, e]))
  const pairs: [LoadedError, LoadedError][] = []
  const counterpart = new Map<LoadedError, LoadedError>()
  const matched = new Set<LoadedError>()
  const unmatched: LoadedError[] = []
  for (const o of oldErrors) {
    const n = newBySymbol.get(o.symbol)
    if (n) {
      pairs.push([o, n])
      counterpart.set(o, n)
      matched.add(n)
    } else unmatched.push(o)
  }
  const freeByCode = new Map<number, LoadedError>()
  const freeByKey = new Map<string, LoadedError>()
  for (const n of newErrors) {
    if (matched.has(n)) continue
    if (n.code !== undefined && !freeByCode.has(n.code)) freeByCode.set(n.code, n)
    if (n.key !== undefined && !freeByKey.has(n.key)) freeByKey.set(n.key, n)
  }
  const renamed: [LoadedError, LoadedError][] = []
  const removed: LoadedError[] = []
  for (const o of unmatched) {
    const n = o.obsolete ? undefined : renameOf(o, freeByCode, freeByKey, matched)
    if (!n) {
      removed.push(o)
      continue
    }
    pairs.push([o, n])
    renamed.push([o, n])
    counterpart.set(o, n)
    matched.add(n)
  }
  const added = newErrors.filter((n) => !matched.has(n))
  return { pairs, renamed, removed, added, counterpart }
}

function renameOf(
  o: LoadedError,
  byCode: Map<number, LoadedError>,
  byKey: Map<string, LoadedError>,
  matched: Set<LoadedError>,
): LoadedError | undefined {
  const candidates = [
    o.code !== undefined ? byCode.get(o.code) : undefined,
    o.key !== undefined ? byKey.get(o.key) : undefined,
  ]
  return candidates.find((n) => n !== undefined && !matched.has(n) && !n.obsolete)
}
