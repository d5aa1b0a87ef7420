// A lint rule: an id, a default severity that a catalog can override under
// `rules:`, a fix hint, and a function that reports findings.
import type { FindingSeverity, Position } from '../catalog/diagnostic.ts'
import type { LoadedCatalog, LoadedError } from '../catalog/model.ts'

export interface RuleReport {
  message: string
  at: Position
  /** Overrides the rule's hint for this finding. */
  hint?: string
  error?: LoadedError
}

export interface Rule {
  id: string
  severity: FindingSeverity
  description: string
  hint: string
  check(catalog: LoadedCatalog, report: (finding: RuleReport) => void): void
}

/** The identifier a finding shows for an error: its symbol, else code, else key. */
export function errorLabel(error: LoadedError): string {
  return error.symbol
}
