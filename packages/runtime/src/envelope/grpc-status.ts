// HTTP status → canonical gRPC code name (google.rpc.Code), for AIP-193's
// `error.status`. The table is the HTTP mapping documented on each code in
// google/rpc/code.proto; where two codes share a status (409: ABORTED and
// ALREADY_EXISTS; 400: INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE)
// the general one is used. A template that needs the other can say so with `$if`.
const BY_STATUS: Record<number, string> = {
  200: 'OK',
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  408: 'DEADLINE_EXCEEDED',
  409: 'ABORTED',
  412: 'FAILED_PRECONDITION',
  416: 'OUT_OF_RANGE',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
}

export const GRPC_CODE_NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const

/** The gRPC code name for an HTTP status; statuses without their own code fall back by class. */
export function grpcStatusName(status: number): string {
  const exact = BY_STATUS[status]
  if (exact) return exact
  if (status >= 200 && status < 300) return 'OK'
  if (status >= 400 && status < 500) return 'FAILED_PRECONDITION'
  if (status >= 500 && status < 600) return 'INTERNAL'
  return 'UNKNOWN'
}
