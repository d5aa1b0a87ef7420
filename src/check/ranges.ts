// Which groups' numeric ranges hold a code. Groups are few, codes many: the
// ranges are sorted once and each lookup is a binary search, so range rules
// stay O(n log n) on large catalogs even when ranges overlap a little.
import type { LoadedCatalog, LoadedGroup } from '../catalog/model.ts'

type Ranged = LoadedGroup & { range: [number, number] }

export interface RangeIndex {
  /** Groups whose range holds `code`, in order of range start. */
  holding(code: number): LoadedGroup[]
  /** Groups with a well-formed range (first ≤ last), sorted by start. */
  sorted: readonly Ranged[]
}

const indexes = new WeakMap<LoadedCatalog, RangeIndex>()

export function rangeIndex(catalog: LoadedCatalog): RangeIndex {
  const cached = indexes.get(catalog)
  if (cached) return cached
  const sorted = catalog.groups
    .filter((g): g is Ranged => Array.isArray(g.range) && g.range[0] <= g.range[1])
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  // reach[i]: the highest range end among sorted[0..i]; lets a lookup stop
  // walking left as soon as no earlier range can reach the code.
  const reach: number[] = []
  for (const [i, g] of sorted.entries()) reach.push(Math.max(g.range[1], reach[i - 1] ?? -Infinity))
  const index: RangeIndex = {
    sorted,
    holding(code) {
      let lo = 0
      let hi = sorted.length - 1
      let last = -1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        if (sorted[mid]!.range[0] <= code) {
          last = mid
          lo = mid + 1
        } else hi = mid - 1
      }
      const found: LoadedGroup[] = []
      for (let i = last; i >= 0 && reach[i]! >= code; i--) {
        if (sorted[i]!.range[1] >= code) found.push(sorted[i]!)
      }
      return found.reverse()
    },
  }
  indexes.set(catalog, index)
  return index
}

export function formatRange(range: readonly [number, number]): string {
  return `[${range[0]}, ${range[1]}]`
}

/**
 * A code the group can still hand out: after the highest one in use (teams
 * number in order), else the first gap. Obsolete codes count as used: they stay
 * reserved forever.
 */
export function nextFreeCode(catalog: LoadedCatalog, group: LoadedGroup): number | undefined {
  if (!group.range || group.range[0] > group.range[1]) return undefined
  const [first, last] = group.range
  const used = new Set<number>()
  let highest = first - 1
  for (const e of catalog.errors) {
    if (e.code === undefined || e.code < first || e.code > last) continue
    used.add(e.code)
    highest = Math.max(highest, e.code)
  }
  if (highest < last) return highest + 1
  for (let code = first; code <= last; code++) if (!used.has(code)) return code
  return undefined
}

export type CodePlacement =
  | { kind: 'fits' }
  /** The code is in no range, although the error's group has one. */
  | { kind: 'outside'; group: LoadedGroup & { range: [number, number] } }
  /** The code is in the range of `owner`, another group or another file's group. */
  | { kind: 'foreign'; owner: LoadedGroup; group?: LoadedGroup }

const ownFiles = new WeakMap<LoadedCatalog, Set<string>>()

/**
 * Where an error's code sits relative to the ranges. A code that also lies in
 * another group because two ranges overlap is group-range-overlap's business,
 * so it counts as fitting here. An error whose file declares groups of its own
 * (a service file) but whose code is in a group of another file is foreign:
 * that service owns the number.
 */
export function codePlacement(
  catalog: LoadedCatalog,
  code: number,
  group: LoadedGroup | undefined,
  file: string,
): CodePlacement {
  const others = rangeIndex(catalog)
    .holding(code)
    .filter((g) => g !== group)
  const ranged = group?.range && group.range[0] <= group.range[1] ? (group as Ranged) : undefined
  if (ranged && (code < ranged.range[0] || code > ranged.range[1])) {
    return others[0]
      ? { kind: 'foreign', owner: others[0], group: ranged }
      : { kind: 'outside', group: ranged }
  }
  if (!ranged)
    return others[0]
      ? { kind: 'foreign', owner: others[0], ...(group ? { group } : {}) }
      : { kind: 'fits' }
  let files = ownFiles.get(catalog)
  if (!files) {
    files = new Set(catalog.groups.map((g) => g.file))
    ownFiles.set(catalog, files)
  }
  if (ranged.file !== file && files.has(file)) return { kind: 'foreign', owner: ranged }
  return { kind: 'fits' }
}
