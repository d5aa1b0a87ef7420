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
  /**
   * The default severity of this finding when it differs from the rule's (e.g. no
   * internal error is a warning, several are an error). `rules:` still overrides it.
   */
  severity?: FindingSeverity
}

/** What users see of a rule: in `errcat check --rules`, SARIF output and docs/rules.md. */
export interface RuleInfo {
  id: string
  severity: FindingSeverity
  description: string
  hint: string
}

export interface Rule extends RuleInfo {
  check(catalog: LoadedCatalog, report: (finding: RuleReport) => void): void
}
