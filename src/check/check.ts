// check: LoadedCatalog → findings. Runs every rule with the severity the
// catalog configured for it.
import { compareFindings, type Finding } from '../catalog/diagnostic.ts'
import type { LoadedCatalog } from '../catalog/model.ts'
import { type LoadOptions, loadCatalog } from '../load/load.ts'
import type { Rule } from './rule.ts'
import { rules as lintRules } from './rules/index.ts'

export function checkCatalog(
  catalog: LoadedCatalog,
  rules: readonly Rule[] = lintRules,
): Finding[] {
  const findings: Finding[] = []
  for (const rule of rules) {
    const configured = catalog.rules[rule.id]
    if (configured === 'off') continue
    rule.check(catalog, (r) => {
      findings.push({
        rule: rule.id,
        severity: configured ?? r.severity ?? rule.severity,
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

export interface CheckResult {
  /** Absent when the catalog cannot be loaded. */
  catalog?: LoadedCatalog
  findings: Finding[]
  /** The catalog could not be loaded: `findings` hold why, and no rule ran. */
  loadFailed: boolean
  /** 0: no finding of severity error; 1: some; 2: the catalog cannot be loaded. */
  exitCode: 0 | 1 | 2
}

/** Load and lint a catalog file: what `errcat check` does, without printing. */
export async function checkFile(path: string, options: LoadOptions = {}): Promise<CheckResult> {
  const loaded = await loadCatalog(path, options)
  const catalog = loaded.catalog
  if (!catalog || loaded.findings.some((f) => f.rule.startsWith('load/'))) {
    return { findings: loaded.findings, loadFailed: true, exitCode: 2 }
  }
  const findings = [
    ...applyConfiguredSeverity(catalog, loaded.findings),
    ...checkCatalog(catalog),
  ].sort(compareFindings)
  const exitCode = findings.some((f) => f.severity === 'error') ? 1 : 0
  return { catalog, findings, loadFailed: false, exitCode }
}
