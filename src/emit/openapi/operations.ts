// The operations map: which errors each operation of the merged document
// returns, keyed by `operationId` or by `"GET /v2/tasks/{id}"`. It comes from
// a YAML/JSON file or inline from the catalog's `build.openapi.operations`;
// every entry keeps its position, so a symbol or operation that does not
// exist is reported at file:line:column.
import type { Position } from '../../catalog/diagnostic.ts'
import type { LoadedCatalog } from '../../catalog/model.ts'
import { CliError } from '../../cli/errors.ts'
import { readSourceFile } from '../../load/document.ts'
import { editDistance } from '../../text/edit-distance.ts'
import { shown } from './source.ts'

export interface OperationEntry {
  operation: string
  /** `file:line:column` of the operation's key. */
  where: string
  symbols: { symbol: string; where: string }[]
}

/** An operation of the document: where it is and how messages name it. */
export interface OperationRef {
  path: string
  method: string
  label: string
  operationId?: string
}

export interface ResolvedOperation extends OperationRef {
  statuses: Set<number>
}

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

const position = (p: Position) => `${p.file}:${p.line}:${p.column}`

/** The map, from its file (absolute path) or inline from the catalog. */
export async function readOperations(
  option: string | Record<string, string[]>,
  catalog: LoadedCatalog,
): Promise<OperationEntry[]> {
  if (typeof option !== 'string') {
    const base = ['build', 'openapi', 'operations']
    const locate = (path: (string | number)[], part?: 'key') =>
      position(catalog.locate(catalog.root, [...base, ...path], part))
    return Object.entries(option).map(([operation, symbols]) => ({
      operation,
      where: locate([operation], 'key'),
      symbols: symbols.map((symbol, i) => ({ symbol, where: locate([operation, i]) })),
    }))
  }
  const display = shown(option)
  const { document, findings } = await readSourceFile(option, display)
  const first = findings[0]
  if (first?.rule === 'load/missing-file')
    throw new CliError(
      first.message,
      2,
      'Check `operations` under `build.openapi` in the catalog (relative to it), or the --operations path.',
    )
  if (first)
    throw new CliError(`${position(first)}: ${first.message}`, 2, operationsHint(first.hint))
  if (!document) throw new CliError(`${display}: cannot read the operations map`, 2)
  const duplicate = document.duplicateKeys[0]
  if (duplicate)
    throw new CliError(
      `${position(duplicate.at)}: \`${duplicate.key}\` is listed twice (first at line ${duplicate.first.line})`,
      2,
      'List each operation once, with all of its errors.',
    )
  return entriesOf(document.data, (path, part) => position(document.locate(path, part)))
}

function entriesOf(
  data: unknown,
  locate: (path: (string | number)[], part?: 'key') => string,
): OperationEntry[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new CliError(
      `${locate([])}: the operations map must be a mapping of operation to error symbols`,
      2,
      operationsHint(),
    )
  return Object.entries(data as Record<string, unknown>).map(([operation, symbols]) => {
    const list = typeof symbols === 'string' ? [symbols] : symbols
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string'))
      throw new CliError(
        `${locate([operation])}: \`${operation}\` must list error symbols`,
        2,
        operationsHint(),
      )
    return {
      operation,
      where: locate([operation], 'key'),
      symbols: list.map((symbol, i) => ({
        symbol,
        where: locate(typeof symbols === 'string' ? [operation] : [operation, i]),
      })),
    }
  })
}

function operationsHint(extra?: string): string {
  return `${extra ? `${extra} ` : ''}The map reads \`getTask: [TASK_NOT_FOUND, BAD_TOKEN]\` or \`"GET /v2/tasks/{id}": [TASK_NOT_FOUND]\`.`
}

/** Every operation of the document's `paths`. */
export function documentOperations(data: Record<string, unknown>): OperationRef[] {
  const out: OperationRef[] = []
  const paths = data.paths
  if (!isObject(paths)) return out
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue
    for (const method of METHODS) {
      const operation = item[method]
      if (!isObject(operation)) continue
      const id = typeof operation.operationId === 'string' ? operation.operationId : undefined
      out.push({
        path,
        method,
        label: `${method.toUpperCase()} ${path}`,
        ...(id ? { operationId: id } : {}),
      })
    }
  }
  return out
}

interface Problem {
  message: string
  hint: string
}

/**
 * The statuses each operation returns, by `path` + method. Unknown symbols and
 * operations are errors (all reported at once); success and obsolete codes only
 * warnings, since they are never sent.
 */
export function resolveOperations(
  entries: readonly OperationEntry[],
  catalog: LoadedCatalog,
  statusOf: ReadonlyMap<string, number>,
  data: Record<string, unknown>,
  documentName: string,
  warn: (message: string) => void,
): Map<string, ResolvedOperation> {
  const operations = documentOperations(data)
  const resolved = new Map<string, ResolvedOperation>()
  const problems: Problem[] = []
  for (const entry of entries) {
    const operation = findOperation(operations, entry.operation)
    if (!operation) problems.push(unknownOperation(entry, operations, documentName))
    for (const { symbol, where } of entry.symbols) {
      const error = catalog.errors.find((e) => e.symbol === symbol)
      if (!error) {
        problems.push(unknownSymbol(symbol, where, entry.operation, catalog))
        continue
      }
      const status = statusOf.get(symbol)
      if (status === undefined) {
        const what = error.success ? 'a success code' : 'obsolete'
        warn(`${where}: \`${symbol}\` is ${what}, never sent as an error: no response for it`)
        continue
      }
      if (!operation) continue
      const key = operationKey(operation.path, operation.method)
      const target = resolved.get(key) ?? { ...operation, statuses: new Set<number>() }
      target.statuses.add(status)
      resolved.set(key, target)
    }
  }
  if (problems.length > 0)
    throw new CliError(
      problems.map((p) => p.message).join('\n'),
      2,
      [...new Set(problems.map((p) => p.hint))].join(' '),
    )
  return resolved
}

export const operationKey = (path: string, method: string) => `${method} ${path}`

function findOperation(operations: OperationRef[], name: string): OperationRef | undefined {
  const route = /^([A-Za-z]+)\s+(\/\S*)$/.exec(name.trim())
  if (!route) return operations.find((op) => op.operationId === name)
  const method = route[1]!.toLowerCase()
  return operations.find((op) => op.method === method && op.path === route[2])
}

function unknownOperation(
  entry: OperationEntry,
  operations: OperationRef[],
  documentName: string,
): Problem {
  const ids = operations.flatMap((op) => (op.operationId ? [op.operationId, op.label] : [op.label]))
  return {
    message: `${entry.where}: operation \`${entry.operation}\` is not in ${documentName}`,
    hint: `${nearest(entry.operation, ids) ?? 'Name an operation by its `operationId` or as `"GET /path"`, exactly as in the document.'}`,
  }
}

function unknownSymbol(
  symbol: string,
  where: string,
  operation: string,
  catalog: LoadedCatalog,
): Problem {
  return {
    message: `${where}: unknown error \`${symbol}\` (listed for \`${operation}\`)`,
    hint:
      nearest(
        symbol,
        catalog.errors.map((e) => e.symbol),
      ) ?? `The symbols are the keys under \`errors:\` in ${shown(catalog.root)}.`,
  }
}

function nearest(name: string, candidates: string[]): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase(), limit)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best ? `Did you mean \`${best}\`?` : undefined
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
