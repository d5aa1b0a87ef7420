// What every group of diff rules works with: both catalogs, the pairing of
// their errors, and `report`, which fills in a change from its rule.
import type { Position } from '../catalog/diagnostic.ts'
import type { LoadedCatalog, LoadedError } from '../catalog/model.ts'
import type { Change } from './change.ts'
import type { Pairing } from './match.ts'
import { diffRule } from './rules.ts'

/** One side of a diff: a loaded catalog and how its file names read relative to its root. */
export interface Side {
  catalog: LoadedCatalog
  /** A file name as positions show it → its path relative to the root's folder (`services/users.yaml`). */
  relative(file: string): string
}

export interface ChangeReport {
  message: string
  /** Where to look in the new catalog. */
  at: Position
  error?: string
  group?: string
  old?: Position
  hint?: string
}

export interface DiffContext {
  old: Side
  new: Side
  pairing: Pairing
  report(rule: string, change: ChangeReport): void
  /** The position of a path inside an error of the new catalog; `part: 'key'` for map keys. */
  at(error: LoadedError, path: (string | number)[], part?: 'key' | 'value'): Position
  /** The same in the old catalog. */
  oldAt(error: LoadedError, path: (string | number)[], part?: 'key' | 'value'): Position
}

export function createContext(old: Side, neu: Side, pairing: Pairing, out: Change[]): DiffContext {
  const multiFile = neu.catalog.files.length > 1
  return {
    old,
    new: neu,
    pairing,
    report(rule, change) {
      const info = diffRule(rule)
      out.push({
        rule,
        kind: info.kind,
        message: change.message,
        hint: change.hint ?? info.hint,
        ...(change.error !== undefined ? { error: change.error } : {}),
        ...(change.group !== undefined ? { group: change.group } : {}),
        file: change.at.file,
        line: change.at.line,
        column: change.at.column,
        // Only a composed catalog has services worth naming.
        ...(multiFile ? { service: neu.relative(change.at.file) } : {}),
        ...(change.old ? { old: change.old } : {}),
      })
    },
    at: (error, path, part) =>
      neu.catalog.locate(error.file, ['errors', error.symbol, ...path], part),
    oldAt: (error, path, part) =>
      old.catalog.locate(error.file, ['errors', error.symbol, ...path], part),
  }
}

/** How an error is named in messages: `SYMBOL (1234)`, `SYMBOL (invalid_token)`. */
export function describe(error: LoadedError): string {
  const id = error.code ?? error.key
  return id === undefined ? error.symbol : `${error.symbol} (${id})`
}
