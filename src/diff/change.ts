// What `errcat diff` reports: one change between two catalogs, classified as
// breaking or compatible, pointing at the place in the new catalog to look at.
import type { Position } from '../catalog/diagnostic.ts'

export type ChangeKind = 'breaking' | 'compatible'
export type Semver = 'major' | 'minor' | 'patch' | 'none'

export interface Change extends Position {
  /** Rule id, e.g. `code-changed` (src/diff/rules.ts lists them). */
  rule: string
  kind: ChangeKind
  message: string
  /** What to do about it. */
  hint: string
  /** The error the change concerns (its symbol in the new catalog, else in the old one). */
  error?: string
  /** The group the change concerns, for changes of groups (a range that shrank). */
  group?: string
  /** The catalog file of the new catalog the change is in, relative to the root's folder. */
  service?: string
  /** Where the old catalog had it, when that differs from the position. */
  old?: Position
  /** The reason a breaking change was accepted on purpose (`breaking:` in the new catalog). */
  accepted?: string
}

export interface DiffResult {
  breaking: Change[]
  compatible: Change[]
  semver: Semver
}

/** Breaking changes that nobody accepted: they fail the diff unless `--allow-breaking`. */
export function unaccepted(result: DiffResult): Change[] {
  return result.breaking.filter((c) => c.accepted === undefined)
}
