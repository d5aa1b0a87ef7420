import type { Finding } from '../../catalog/diagnostic.ts'

/** Stable JSON: an array of findings with fixed keys, for scripts and CI. */
export function formatJson(findings: readonly Finding[]): string {
  const rows = findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    hint: f.hint ?? null,
    file: f.file,
    line: f.line,
    column: f.column,
    error: f.error ?? null,
  }))
  return `${JSON.stringify(rows, null, 2)}\n`
}
