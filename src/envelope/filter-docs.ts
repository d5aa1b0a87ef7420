// What each filter of the expression language produces (the JSON Schema that
// bodySchema gives its output) and one line on it for docs and "did you mean"
// hints. The runtime's filter table (filters.ts) holds only apply and invert.
import { GRPC_CODE_NAMES } from '@errcat/runtime/internal/envelope/grpc-status'

export interface FilterDoc {
  /** JSON Schema of the output, for a defined input. */
  schema: Record<string, unknown>
  doc: string
}

export const FILTER_DOCS: Record<string, FilterDoc> = {
  string: { doc: 'the value as a string (objects as JSON)', schema: { type: 'string' } },
  number: {
    doc: 'the value as a number; undefined when it is not numeric',
    schema: { type: 'number' },
  },
  upper: { doc: 'upper case', schema: { type: 'string' } },
  lower: { doc: 'lower case', schema: { type: 'string' } },
  seconds: {
    doc: 'a number of seconds as a proto3 Duration: 3.5 → "3.5s"',
    schema: { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?s$' },
  },
  grpcStatus: {
    doc: 'an HTTP status as its gRPC code name: 404 → "NOT_FOUND"',
    schema: { type: 'string', enum: [...GRPC_CODE_NAMES] },
  },
  stringMap: {
    doc: 'an object with every value as a string (Google ErrorInfo.metadata)',
    schema: { type: 'object', additionalProperties: { type: 'string' } },
  },
  fieldPath: {
    doc: 'a JSON Pointer as a dotted field path: /items/0/name → items[0].name',
    schema: { type: 'string' },
  },
}
