// The filters of the expression language (`expr | name`). Each one knows how
// to apply itself when rendering and, when it can, how to undo itself so that
// `read` gets the original value back from a body ("400" → 400 for `| string`).
// What each produces (its JSON Schema) and its one-line doc are build-time
// knowledge (src/envelope/filter-docs.ts), kept out of browser bundles.
import {
  fieldPathToPointer,
  filterFieldPath,
  filterGrpcStatus,
  filterLower,
  filterNumber,
  filterSeconds,
  filterString,
  filterStringMap,
  filterUpper,
} from './filter-functions.ts'

export interface Filter {
  apply(value: unknown): unknown
  /**
   * Turns a body value back into the filter's input, or `undefined` when it cannot. The
   * result may still need coercing to the type of the member it lands in (see read.ts).
   */
  invert?(value: unknown): unknown
}

const identity = (value: unknown) => value

export const FILTERS: Record<string, Filter> = {
  string: { apply: filterString, invert: identity },
  number: { apply: filterNumber, invert: identity },
  upper: { apply: filterUpper },
  lower: { apply: filterLower },
  seconds: {
    apply: filterSeconds,
    invert: (v) => {
      if (typeof v !== 'string' || !/^-?\d+(\.\d+)?s$/.test(v)) return undefined
      return Number(v.slice(0, -1))
    },
  },
  grpcStatus: { apply: filterGrpcStatus },
  stringMap: { apply: filterStringMap, invert: identity },
  fieldPath: {
    apply: filterFieldPath,
    invert: (v) => (typeof v === 'string' ? fieldPathToPointer(v) : undefined),
  },
}
