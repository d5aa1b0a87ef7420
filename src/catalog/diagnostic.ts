// A finding about a catalog: a load error or a lint result. Every finding
// points at a place in a file, so editors and CI can annotate it.
export type FindingSeverity = 'error' | 'warning' | 'info'

export interface Position {
  file: string
  line: number
  column: number
}

export interface Finding extends Position {
  /** Rule id, e.g. `duplicate-code` or `load/yaml-syntax`. */
  rule: string
  severity: FindingSeverity
  message: string
  /** What to do about it. */
  hint?: string
  /** The error the finding concerns: its symbol, else code, else key. */
  error?: string
}

export function formatPosition(p: Position): string {
  return `${p.file}:${p.line}:${p.column}`
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule)
  )
}
