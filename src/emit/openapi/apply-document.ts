// Applying a merge plan through the yaml package's Document API. Used when
// the output is JSON (printed from the edited document, member order kept),
// when a JSON document becomes YAML, and for YAML layouts the text splicer
// does not edit (the document is then re-written by the yaml package).
import { type Document, isMap, isScalar, Pair, type YAMLMap } from 'yaml'
import type { Edit } from './plan.ts'

export function applyToDocument(doc: Document, edits: readonly Edit[]): void {
  for (const edit of edits) {
    const map = mapAt(doc, edit.parent)
    const index = map.items.findIndex((p) => keyText(p.key) === edit.key)
    if (edit.kind === 'remove') {
      if (index >= 0) map.items.splice(index, 1)
      continue
    }
    const node = doc.createNode(edit.value, { aliasDuplicateObjects: false })
    const existing = map.items[index]
    if (existing) {
      existing.value = node
      continue
    }
    // A block mapping reads better than `{ … }` grown from an empty flow one.
    if (map.items.length === 0) map.flow = false
    const at = edit.statusOrder ? statusIndex(map, Number(edit.key)) : map.items.length
    map.items.splice(at, 0, new Pair(edit.key, node))
  }
}

function mapAt(doc: Document, path: readonly string[]): YAMLMap {
  let node: unknown = doc.contents
  for (const key of path) {
    if (!isMap(node)) break
    node = node.items.find((p) => keyText(p.key) === key)?.value
  }
  if (!isMap(node)) throw new Error(`no mapping at ${path.join('.')}`)
  return node
}

export function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key)
}

/** Where a response status goes among the keys of a Responses object: ascending, ranges and `default` last. */
export function statusWeight(key: string): number {
  if (/^\d{3}$/.test(key)) return Number(key)
  if (/^[1-5]XX$/i.test(key)) return Number(key[0]) * 100 + 99.5
  return Number.POSITIVE_INFINITY
}

/**
 * Where a new status goes among a Responses object's keys: after the last key
 * that sorts before it (or with it), else before the first; so a sorted object
 * stays sorted, and an unsorted one is not reordered.
 */
export function statusPosition(keys: readonly string[], status: number): number {
  const weights = keys.map(statusWeight)
  const after = weights.findLastIndex((w) => w <= status)
  if (after >= 0) return after + 1
  const before = weights.findIndex((w) => w > status)
  return before < 0 ? keys.length : before
}

function statusIndex(map: YAMLMap, status: number): number {
  return statusPosition(
    map.items.map((p) => keyText(p.key)),
    status,
  )
}
