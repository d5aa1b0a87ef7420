// Where findings point. Rules report at the most precise place: the value a
// user has to change, else the error's symbol key.
import type { Position } from '../catalog/diagnostic.ts'
import type { LoadedCatalog, LoadedError } from '../catalog/model.ts'

/** The position of a value inside an error entry, e.g. `errorAt(c, e, 'code')`. */
export function errorAt(
  catalog: LoadedCatalog,
  error: LoadedError,
  ...path: (string | number)[]
): Position {
  return catalog.locate(error.file, ['errors', error.symbol, ...path])
}

/** The key of a map entry inside an error, e.g. a param name under `params`. */
export function errorKeyAt(
  catalog: LoadedCatalog,
  error: LoadedError,
  ...path: (string | number)[]
): Position {
  return catalog.locate(error.file, ['errors', error.symbol, ...path], 'key')
}

/**
 * The field that holds the error's message: `message`, or `title` when the
 * entry has no message (the loader then uses the title as the message).
 */
export function messageField(
  catalog: LoadedCatalog,
  error: LoadedError,
): { field: 'message' | 'title'; at: Position } {
  const at = errorAt(catalog, error, 'message')
  // `locate` falls back to the nearest ancestor, the symbol key, when the path is absent.
  const absent = at.line === error.at.line && at.column === error.at.column
  return absent
    ? { field: 'title', at: errorAt(catalog, error, 'title') }
    : { field: 'message', at }
}

/** `file:line:column`, for naming another place in a message: across files, editors jump to it. */
export function where(p: Position): string {
  return `${p.file}:${p.line}:${p.column}`
}
