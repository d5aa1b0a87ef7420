// The filters of the expression language (`expr | name`). Each one knows how
// to apply itself when rendering, the JSON Schema of what it produces (for
// `bodySchema`), and, when it can, how to undo itself so that `read` gets the
// original value back from a body ("400" → 400 for `| string`).
import { GRPC_CODE_NAMES, grpcStatusName } from './grpc-status.ts'

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
    apply: (v) =>
      v === undefined
        ? undefined
        : typeof v === 'string'
          ? v
          : typeof v === 'object' && v !== null
            ? safeJson(v)
            : String(v),
    schema: { type: 'string' },
    invert: identity,
  },
  number: {
    doc: 'the value as a number; undefined when it is not numeric',
    apply: toNumber,
    schema: { type: 'number' },
    invert: identity,
  },
  upper: {
    doc: 'upper case',
    apply: (v) => asText(v)?.toUpperCase(),
    schema: { type: 'string' },
  },
  lower: {
    doc: 'lower case',
    apply: (v) => asText(v)?.toLowerCase(),
    schema: { type: 'string' },
  },
  seconds: {
    doc: 'a number of seconds as a proto3 Duration: 3.5 → "3.5s"',
    apply: (v) => {
      const n = toNumber(v)
      return n === undefined ? undefined : `${formatSeconds(n)}s`
    },
    schema: { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?s$' },
    invert: (v) => {
      if (typeof v !== 'string' || !/^-?\d+(\.\d+)?s$/.test(v)) return undefined
      return Number(v.slice(0, -1))
    },
  },
  grpcStatus: {
    doc: 'an HTTP status as its gRPC code name: 404 → "NOT_FOUND"',
    apply: (v) => {
      const n = toNumber(v)
      return n === undefined ? undefined : grpcStatusName(n)
    },
    schema: { type: 'string', enum: [...GRPC_CODE_NAMES] },
  },
  stringMap: {
    doc: 'an object with every value as a string (Google ErrorInfo.metadata)',
    apply: (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined
      const out: Record<string, string> = {}
      for (const [key, value] of Object.entries(v)) {
        if (value === undefined) continue
        out[key] = typeof value === 'string' ? value : (FILTERS.string!.apply(value) as string)
      }
      return out
    },
    schema: { type: 'object', additionalProperties: { type: 'string' } },
    invert: identity,
  },
  fieldPath: {
    doc: 'a JSON Pointer as a dotted field path: /items/0/name → items[0].name',
    apply: (v) => (typeof v === 'string' ? pointerToFieldPath(v) : undefined),
    schema: { type: 'string' },
    invert: (v) => (typeof v === 'string' ? fieldPathToPointer(v) : undefined),
  },
}

function asText(v: unknown): string | undefined {
  return typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : undefined
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v)
    return Number.isFinite(n) ? n : undefined
  }
  return undefined
}

/** Up to nanoseconds, the precision of a proto3 Duration, without trailing zeros. */
function formatSeconds(n: number): string {
  if (Number.isInteger(n)) return String(n)
  return n.toFixed(9).replace(/0+$/, '').replace(/\.$/, '')
}

function safeJson(v: object): string | undefined {
  try {
    return JSON.stringify(v)
  } catch {
    return undefined
  }
}

function pointerToFieldPath(pointer: string): string {
  if (pointer === '' || pointer === '/') return ''
  let out = ''
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    out += /^(0|[1-9]\d*)$/.test(segment) ? `[${segment}]` : out === '' ? segment : `.${segment}`
  }
  return out
}

function fieldPathToPointer(path: string): string {
  if (path === '') return ''
  let out = ''
  for (const part of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part)
    if (!match) {
      out += `/${escapePointer(part)}`
      continue
    }
    if (match[1]) out += `/${escapePointer(match[1])}`
    for (const index of match[2]!.match(/\d+/g) ?? []) out += `/${index}`
  }
  return out
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}
