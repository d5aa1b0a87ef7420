// diff: two loaded catalogs → every change between them, classified, with a
// suggested semver bump. Each group of rules lives in its own module; this
// one pairs the errors, runs the groups, applies accepted notes and sorts.
import { applyAccepted } from './accept.ts'
import { compareBehaviour } from './behaviour.ts'
import type { Change, DiffResult, Semver } from './change.ts'
import { createContext, type DiffContext, type Side } from './context.ts'
import { compareDocs } from './docs.ts'
import { compareEnvelope } from './envelope.ts'
import { compareGroups } from './groups.ts'
import { compareIdentity } from './identity.ts'
import { pairErrors } from './match.ts'
import { compareMessages } from './messages.ts'
import { compareParams } from './params.ts'
import { diffRule } from './rules.ts'

const GROUPS: ((ctx: DiffContext) => void)[] = [
  compareIdentity,
  compareBehaviour,
  compareParams,
  compareMessages,
  compareDocs,
  compareGroups,
  compareEnvelope,
]

export function diffCatalogs(old: Side, neu: Side): DiffResult {
  const pairing = pairErrors(old.catalog.errors, neu.catalog.errors)
  const changes: Change[] = []
  const ctx = createContext(old, neu, pairing, changes)
  for (const compare of GROUPS) compare(ctx)
  applyAccepted(changes, old.catalog, neu.catalog)
  changes.sort(byPlace)
  return {
    breaking: changes.filter((c) => c.kind === 'breaking'),
    compatible: changes.filter((c) => c.kind === 'compatible'),
    semver: suggestSemver(changes),
  }
}

/** Any breaking change (accepted or not: clients still break) is major; new things minor; wording a patch. */
export function suggestSemver(changes: readonly Change[]): Semver {
  let bump: Semver = 'none'
  const rank: Record<Semver, number> = { none: 0, patch: 1, minor: 2, major: 3 }
  for (const change of changes) {
    const b = diffRule(change.rule).bump
    if (rank[b] > rank[bump]) bump = b
  }
  return bump
}

function byPlace(a: Change, b: Change): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule)
  )
}
