// The draft as a file: YAML by default (draft-yaml.ts), or JSON with
// `--format json`.
import type { Draft } from '../draft/build-draft.ts'
import { draftDocument } from './draft-document.ts'
import { draftYaml } from './draft-yaml.ts'
import { NotPlainData } from './yaml-text.ts'

export type DraftFormat = 'yaml' | 'json'

export function writeDraft(draft: Draft, format: DraftFormat = 'yaml'): string {
  if (format === 'json') return `${JSON.stringify(draft.catalog, null, 2)}\n`
  try {
    return draftYaml(draft)
  } catch (error) {
    // Shapes the direct writer leaves to the yaml Document (an object met twice, a very long key).
    if (error instanceof NotPlainData) return draftDocument(draft)
    throw error
  }
}
