// errcat/runtime: what a server ships. No dependencies; generated modules
// import their factories' machinery from here, adapters the error handler.

export { genericInternalError, genericValidationError } from './builtin-errors.ts'
export {
  CatalogError,
  createWithoutStack,
  type ErrorOptions,
  type ErrorShape,
  isAnyCatalogError,
  isCatalogErrorOf,
  MAX_RETRY_AFTER,
} from './catalog-error.ts'
export {
  type AnyErrorFactory,
  defineError,
  type ErrorFactory,
  type ErrorOf,
  type FactoryArgs,
  isErrorFactory,
} from './define-error.ts'
export {
  type CatalogScope,
  defineCatalog,
  type ErrorDefinition,
  type LocaleConfig,
  type RateLimitSpec,
  type RetrySpec,
  type RuntimeCatalog,
} from './definition.ts'
export type {
  ApiView,
  ErrorView,
  FieldViolation,
  RenderedResponse,
  RequestView,
} from './envelope/types.ts'
export {
  defineEnvelope,
  type EnvelopeWriter,
  filterFieldPath,
  filterGrpcStatus,
  filterLower,
  filterNumber,
  filterSeconds,
  filterString,
  filterStringMap,
  filterUpper,
  isEnvelopeWriter,
  renderEnvelope,
  renderHead,
  tAnd,
  tCompact,
  tEach,
  tEquals,
  tMember,
  tOr,
  tOrder,
  tText,
  tTruthy,
} from './envelope.ts'
export { type ErrorSet, errorMetaOf, errorMetas } from './error-meta.ts'
export { errorFinder, errorWithParams } from './find-error.ts'
export { formatMessage } from './format-message.ts'
export {
  createPassThrough,
  type ErrorEntry,
  type PassThrough,
  type PassThroughOptions,
  UpstreamError,
} from './gateway.ts'
export {
  createErrorHandler,
  type ErrorHandler,
  type ErrorInfo,
  type ErrorResponse,
  type HandlerOptions,
  type MapErrorTools,
  type RequestInfo,
} from './handle.ts'
export { type HeaderSource, type HeaderValue, readHeader } from './headers.ts'
export {
  buildChain,
  createLocaleNegotiator,
  type LocaleChain,
  parseAcceptLanguage,
  pickTranslation,
} from './locale.ts'
export type { Message, MessagePart } from './message.ts'
export { defineEnvelopeReader, type EnvelopeReader } from './reader.ts'
export {
  type AdapterOptions,
  createAdapterHandler,
  type ErrorChoice,
  pathOf,
  type RecogniseRequestProblem,
  RequestBodyError,
  type RequestErrorOptions,
  type RequestProblem,
  requestError,
} from './request-errors.ts'
export { isWellFormedRequestId, type RequestIdRule, resolveRequestId } from './request-id.ts'
export { addRetryHeaders } from './retry-headers.ts'
export { type SchemaIssue, SchemaValidationError } from './schema-validation-error.ts'
export { loadOpenTelemetry, type OpenTelemetryApi } from './telemetry.ts'
export { MAX_VIOLATIONS, readViolations } from './violations.ts'
