// The envelope template language: one declaration of an API's error wire
// format drives the server serializer, the client parser, the JSON Schema of
// error bodies and the docs examples. No dependencies, no Node-only APIs:
// this module ships to servers and browsers. See docs/envelope.md.
export { buildErrorIndex, compileEnvelope } from './compile.ts'
export { grpcStatusName } from './grpc-status.ts'
export { PRESETS, type Preset, type PresetName } from './presets.ts'
export type {
  ApiView,
  CompiledEnvelope,
  EnvelopeProblem,
  ErrorIndex,
  ErrorMeta,
  ErrorView,
  FieldViolation,
  ReadResult,
  RenderedResponse,
  RequestView,
} from './types.ts'
export { EnvelopeError } from './types.ts'
export { validateEnvelope } from './validate.ts'
