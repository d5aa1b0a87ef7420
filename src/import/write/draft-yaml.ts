// The draft as YAML, laid out for review: a header that says where it came
// from and what to do next, a blank line before each section and between
// errors, ranges, sources and skipped rows on one line, guessed statuses
// marked in a comment. The same text as draft-document.ts, written directly.
import type { Draft } from '../draft/build-draft.ts'
import { draftHeader } from './header.ts'
import { type Layout, yamlText } from './yaml-text.ts'

const SECTIONS = new Set(['groups', 'errors', 'imported'])
const FLOW_MAP: Layout = { flow: 'map' }
const GROUP: Layout = { child: (key) => (key === 'range' ? { flow: 'seq' } : undefined) }
const GROUPS: Layout = { child: () => GROUP }
const ERROR: Layout = { child: (key) => (key === 'source' ? FLOW_MAP : undefined) }
const GUESSED_ERROR: Layout = {
  ...ERROR,
  comment: (key) => (key === 'status' ? ' guessed' : undefined),
}
const IMPORTED: Layout = {
  child: (key) => (key === 'skipped' ? { item: FLOW_MAP } : undefined),
}

function layout(draft: Draft): Layout {
  const errors: Layout = {
    spaceBefore: (_, index) => index > 0,
    child: (symbol) => (draft.guessedStatus.get(symbol) !== undefined ? GUESSED_ERROR : ERROR),
  }
  return {
    spaceBefore: (key) => SECTIONS.has(key),
    child: (key) =>
      key === 'groups'
        ? GROUPS
        : key === 'errors'
          ? errors
          : key === 'imported'
            ? IMPORTED
            : undefined,
  }
}

/** The draft's YAML. Throws NotPlainData for a draft only the Document writes. */
export function draftYaml(draft: Draft): string {
  return yamlText(
    draft.catalog as unknown as Record<string, unknown>,
    layout(draft),
    draftHeader(draft),
  )
}
