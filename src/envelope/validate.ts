// validateEnvelope: every problem of an `envelope:` section, with the JSON
// path inside `envelope` and, inside an expression, the offset in the string,
// so the loader can point at file:line:column.

import type { EnvelopeProblem } from '@errcat/runtime/internal/envelope/types'
import type { EnvelopeTemplate } from '../catalog/schema.ts'
import { parseEnvelope } from './parse-envelope.ts'

export function validateEnvelope(template: EnvelopeTemplate | undefined): EnvelopeProblem[] {
  return parseEnvelope(template).problems
}
