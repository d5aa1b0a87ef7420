// errcat/client: typed errors from any envelope. The generated client module
// (`errcat build --target client`) supplies the reader and the errors; this
// module holds no catalog and no template language.
export type { RetrySpec } from '../definition.ts'
export type { FieldViolation } from '../envelope/types.ts'
export type { Message } from '../message.ts'
export type { EnvelopeReader } from '../reader.ts'
export { defineEnvelopeReader } from '../reader.ts'
export {
  ApiError,
  type KnownApiError,
  type ParsedError,
  type UnknownApiError,
  type UnknownReason,
} from './api-error.ts'
export { type Clock, systemClock } from './clock.ts'
export type { ErrorInfo, ErrorInfoSet, ErrorShape, ParamType, ShapeOf } from './error-info.ts'
export type { HeadersInput } from './headers.ts'
export { createLocalizer, type Localizer, type LocalizerOptions } from './localize.ts'
export { type Answer, createErrorParser, type ErrorParser, type ParserOptions } from './parse.ts'
export {
  type AttemptEvent,
  createRetryingFetch,
  type FetchLike,
  type RetryOptions,
  type RetryReason,
} from './retry.ts'
