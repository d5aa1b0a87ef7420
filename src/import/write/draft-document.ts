// The draft as a `yaml` Document: one node per value, laid out for review
// (ranges, sources and skipped rows on one line, a blank line between errors
// and before each section, guessed statuses marked in a comment). This is the
// reference for draft-yaml.ts, which writes the same text directly, and what
// writeDraft falls back to for a draft that writer does not handle.
import { Document, isMap, isPair, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml'
import type { Draft } from '../draft/build-draft.ts'
import { draftHeader } from './header.ts'

function mapAt(doc: Document, key: string): YAMLMap | undefined {
  const node = doc.get(key, true)
  return isMap(node) ? node : undefined
}

export function draftDocument(draft: Draft): string {
  const doc = new Document(draft.catalog)
  doc.commentBefore = draftHeader(draft)

  const groups = mapAt(doc, 'groups')
  if (groups) {
    for (const item of groups.items) {
      const range = isMap(item.value) ? item.value.get('range', true) : undefined
      if (isSeq(range)) range.flow = true
    }
  }

  const errors = mapAt(doc, 'errors')
  if (errors) {
    for (const [i, item] of errors.items.entries()) {
      if (i > 0 && isScalar(item.key)) item.key.spaceBefore = true
      if (!isMap(item.value)) continue
      const source = item.value.get('source', true)
      if (isMap(source)) source.flow = true
      const symbol = isScalar(item.key) ? String(item.key.value) : ''
      const why = draft.guessedStatus.get(symbol)
      if (why !== undefined) {
        const status = item.value.items.find(
          (p: Pair) => isScalar(p.key) && p.key.value === 'status',
        )
        if (status && isScalar(status.value)) status.value.comment = ' guessed'
      }
    }
  }

  const imported = mapAt(doc, 'imported')
  if (imported) {
    const skipped = imported.get('skipped', true)
    if (isSeq(skipped)) for (const entry of skipped.items) if (isMap(entry)) entry.flow = true
  }
  // A blank line before each top-level section.
  const top = doc.contents
  if (isMap(top)) {
    for (const item of top.items) {
      if (
        isPair(item) &&
        isScalar(item.key) &&
        ['groups', 'errors', 'imported'].includes(String(item.key.value))
      ) {
        item.key.spaceBefore = true
      }
    }
  }

  return doc.toString({ lineWidth: 0, flowCollectionPadding: true })
}
