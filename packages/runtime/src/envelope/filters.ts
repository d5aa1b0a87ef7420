// The filters of the expression language (`expr | name`). Each one knows how
// to apply itself when rendering, the JSON Schema of what it produces (for
// `bodySchema`), and, when it can, how to undo itself so that `read` gets the
// original value back from a body ("400" → 400 for `| string`).
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
import { GRPC_CODE_NAMES } from './grpc-status.ts'

export interface Filter {
  apply(value: unknown): unknown
  /** JSON Schema of the output, for a defined input. */
  schema: Record<string, unknown>
  /**
   * Turns a body value back into the filter's input, or `undefined` when it cannot. The
   * result may still need coercing to the type of the member it lands in (see read.ts).
   */
  invert?(value: unknown): unknown
  /** One line for docs and "did you mean" hints. */
  doc: string
}

const identity = (value: unknown) => value

export const FILTERS: Record<string, Filter> = {
  string: {
    doc: 'the value as a string (objects as JSON)',
    apply: filterString,
    schema: { type: 'string' },
    invert: identity,
  },
  number: {
    doc: 'the value as a number; undefined when it is not numeric',
    apply: filterNumber,
    schema: { type: 'number' },
    invert: identity,
  },
  upper: {
    doc: 'upper case',
    apply: filterUpper,
    schema: { type: 'string' },
  },
  lower: {
    doc: 'lower case',
    apply: filterLower,
    schema: { type: 'string' },
  },
  seconds: {
    doc: 'a number of seconds as a proto3 Duration: 3.5 → "3.5s"',
    apply: filterSeconds,
    schema: { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?s$' },
    invert: (v) => {
      if (typeof v !== 'string' || !/^-?\d+(\.\d+)?s$/.test(v)) return undefined
      return Number(v.slice(0, -1))
    },
  },
  grpcStatus: {
    doc: 'an HTTP status as its gRPC code name: 404 → "NOT_FOUND"',
    apply: filterGrpcStatus,
    schema: { type: 'string', enum: [...GRPC_CODE_NAMES] },
  },
  stringMap: {
    doc: 'an object with every value as a string (Google ErrorInfo.metadata)',
    apply: filterStringMap,
    schema: { type: 'object', additionalProperties: { type: 'string' } },
    invert: identity,
  },
  fieldPath: {
    doc: 'a JSON Pointer as a dotted field path: /items/0/name → items[0].name',
    apply: filterFieldPath,
    schema: { type: 'string' },
    invert: (v) => (typeof v === 'string' ? fieldPathToPointer(v) : undefined),
  },
}
