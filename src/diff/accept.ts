// Breaking changes accepted on purpose. A note accepts the breaking changes
// of its target only in the diff that adds or rewords it: a note left in the
// catalog must not silently accept the next breaking change of that error.
import type { LoadedCatalog } from '../catalog/model.ts'
import type { Change } from './change.ts'

export function applyAccepted(
  changes: Change[],
  oldCatalog: LoadedCatalog,
  newCatalog: LoadedCatalog,
): void {
  const before = new Set(oldCatalog.accepted.map((a) => `${a.target}\n${a.reason}`))
  const fresh = new Map<string, string>()
  for (const note of newCatalog.accepted) {
    if (!before.has(`${note.target}\n${note.reason}`)) fresh.set(note.target, note.reason)
  }
  if (fresh.size === 0) return
  for (const change of changes) {
    if (change.kind !== 'breaking') continue
    const target =
      change.rule === 'envelope-shape-changed'
        ? 'envelope'
        : change.group !== undefined
          ? `group:${change.group}`
          : change.error
    const reason = target !== undefined ? fresh.get(target) : undefined
    if (reason !== undefined) change.accepted = reason
  }
}
