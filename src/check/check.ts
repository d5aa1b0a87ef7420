// check: LoadedCatalog → findings. Runs every rule with the severity the
// catalog configured for it.
import { compareFindings, type Finding } from '../catalog/diagnostic.ts'
import type { LoadedCatalog } from '../catalog/model.ts'
import type { Rule } from './rule.ts'
import { rules as allRules } from './rules/index.ts'

export function checkCatalog(catalog: LoadedCatalog, rules: readonly Rule[] = allRules): Finding[] {
  const findings: Finding[] = []
  for (const rule of rules) {
    const configured = catalog.rules[rule.id]
    if (configured === 'off') continue
    const severity = configured ?? rule.severity
    rule.check(catalog, (r) => {
      findings.push({
        rule: rule.id,
        severity,
        message: r.message,
        hint: r.hint ?? rule.hint,
        ...(r.error ? { error: r.error.symbol } : {}),
        file: r.at.file,
        line: r.at.line,
        column: r.at.column,
      })
    })
  }
  return findings.sort(compareFindings)
}

/** Findings raised while loading can also be re-levelled or silenced by `rules:`, except load failures. */
export function applyConfiguredSeverity(
  catalog: LoadedCatalog | undefined,
  findings: Finding[],
): Finding[] {
  if (!catalog) return findings
  return findings.flatMap((f) => {
    if (f.rule.startsWith('load/')) return [f]
    const configured = catalog.rules[f.rule]
    if (configured === 'off') return []
    return [configured ? { ...f, severity: configured } : f]
  })
}
