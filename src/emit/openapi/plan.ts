// What a merge changes in an existing OpenAPI document, as a list of edits
// that either writer (the YAML text splicer or the ordered-map writer) can
// apply. Only errcat's own parts change: components marked `x-errcat:
// generated`, and the `$ref`s to errcat's responses in the operations the map
// names. A re-merge of the same catalog plans nothing, so the output is
// byte-identical (`errcat build --check`).
import { CliError } from '../../cli/errors.ts'
import type { ErrcatComponents } from './components.ts'
import { errcatResponseStatus, isMarked, MARK_KEY, responseName, responseRef } from './names.ts'
import { documentOperations, operationKey, type ResolvedOperation } from './operations.ts'

export type Edit =
  /** Sets `key` of the mapping at `parent` (which exists), replacing or adding it. */
  | { kind: 'put'; parent: string[]; key: string; value: unknown; statusOrder?: boolean }
  | { kind: 'remove'; parent: string[]; key: string }

export interface MergePlanInput {
  data: Record<string, unknown>
  components: Pick<ErrcatComponents, 'schemas' | 'responses'>
  /** The document-level `x-errcat` member: which errcat wrote the components, from what. */
  info: Record<string, unknown>
  operations: ReadonlyMap<string, ResolvedOperation>
  /** `file:line:column` of a member of the document. */
  locate(path: string[]): string
  warn(message: string): void
}

const SECTIONS = ['schemas', 'responses'] as const

export function planMerge(input: MergePlanInput): Edit[] {
  const edits: Edit[] = []
  const { data, components } = input
  if (!isObject(data.components)) {
    const fresh = Object.fromEntries(
      SECTIONS.filter((s) => !isEmpty(components[s])).map((s) => [s, components[s]]),
    )
    edits.push({ kind: 'put', parent: [], key: 'components', value: fresh })
  } else {
    for (const section of SECTIONS)
      edits.push(...planSection(data.components[section], section, components[section], input))
  }
  for (const operation of documentOperations(data))
    edits.push(...planOperation(data, operation, input))
  if (!sameValue(data[MARK_KEY], input.info))
    edits.push({ kind: 'put', parent: [], key: MARK_KEY, value: input.info })
  return edits
}

function planSection(
  current: unknown,
  section: string,
  generated: Record<string, unknown>,
  input: MergePlanInput,
): Edit[] {
  const parent = ['components', section]
  if (!isObject(current))
    return isEmpty(generated)
      ? []
      : [{ kind: 'put', parent: ['components'], key: section, value: generated }]
  const edits: Edit[] = []
  let remaining = Object.keys(current).length
  for (const [name, value] of Object.entries(current)) {
    if (isMarked(value) && !Object.hasOwn(generated, name)) {
      edits.push({ kind: 'remove', parent, key: name })
      remaining--
    }
  }
  for (const [name, value] of Object.entries(generated)) {
    if (!Object.hasOwn(current, name)) {
      edits.push({ kind: 'put', parent, key: name, value })
      remaining++
    } else if (!isMarked(current[name])) {
      throw new CliError(
        `${input.locate([...parent, name])}: components.${section}.${name} is not errcat's (it has no \`${MARK_KEY}: generated\`), but errcat generates a component of that name`,
        2,
        'Rename your component (errcat names all of its own `ErrcatError…`), or delete it so that errcat can write its own.',
      )
    } else if (!sameValue(current[name], value)) {
      edits.push({ kind: 'put', parent, key: name, value })
    }
  }
  // A mapping left without entries would read as null: write it as `{}`.
  if (remaining === 0 && edits.length > 0)
    return [{ kind: 'put', parent: ['components'], key: section, value: {} }]
  return edits
}

function planOperation(
  data: Record<string, unknown>,
  operation: { path: string; method: string; label: string },
  input: MergePlanInput,
): Edit[] {
  const parent = ['paths', operation.path, operation.method]
  const wanted = input.operations.get(operationKey(operation.path, operation.method))
  const desired = [...(wanted?.statuses ?? [])].sort((a, b) => a - b)
  const paths = data.paths as Record<string, Record<string, Record<string, unknown>>>
  const responses = paths[operation.path]![operation.method]!.responses
  if (!isObject(responses)) {
    if (desired.length === 0) return []
    const value = Object.fromEntries(desired.map((s) => [String(s), { $ref: responseRef(s) }]))
    return [{ kind: 'put', parent, key: 'responses', value }]
  }
  const edits: Edit[] = []
  const at = [...parent, 'responses']
  let remaining = Object.keys(responses).length
  for (const [key, value] of Object.entries(responses)) {
    const status = ownStatus(key, value)
    if (status === undefined) continue
    const stale = !Object.hasOwn(input.components.responses, responseName(status))
    // The map decides for the operations it names; elsewhere only dangling references go.
    if ((wanted && !desired.includes(status)) || stale) {
      edits.push({ kind: 'remove', parent: at, key })
      remaining--
    }
  }
  for (const status of desired) {
    const existing = responses[String(status)]
    if (existing === undefined) {
      edits.push({
        kind: 'put',
        parent: at,
        key: String(status),
        value: { $ref: responseRef(status) },
        statusOrder: true,
      })
      remaining++
    } else if (ownStatus(String(status), existing) === undefined) {
      input.warn(`${operation.label} already defines ${status}; errcat leaves it`)
    }
  }
  if (remaining === 0 && edits.length > 0)
    return [{ kind: 'put', parent, key: 'responses', value: {} }]
  return edits
}

/** The status of a response entry that is errcat's reference for that same status. */
function ownStatus(key: string, value: unknown): number | undefined {
  if (!isObject(value)) return undefined
  const status = errcatResponseStatus(value.$ref)
  return status !== undefined && String(status) === key ? status : undefined
}

/** Equal as JSON, whatever the order of members. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

function isEmpty(value: Record<string, unknown>): boolean {
  return Object.keys(value).length === 0
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
