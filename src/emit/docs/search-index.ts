// The search index of one locale's pages, prebuilt: a script (not JSON, so it
// loads from file:// too) handing the page's script one compact row per
// error. The page searches these rows while the user types, whatever page
// the error is on.
import type { LoadedCatalog } from '../../catalog/model.ts'
import { lifecycleOf } from './error-card.ts'
import type { Layout } from './layout.ts'
import { messageIn } from './locale-text.ts'

/** Positions in each error row; docs.js reads them by the same numbers. */
export const ROW = {
  id: 0,
  page: 1,
  code: 2,
  key: 3,
  symbol: 4,
  title: 5,
  message: 6,
  status: 7,
  group: 8,
  life: 9,
} as const

export function searchIndexScript(catalog: LoadedCatalog, layout: Layout, locale: string): string {
  const pages = layout.pages.map((p) => p.file)
  const pageIndex = new Map(layout.pages.map((p, i) => [p, i]))
  const groups = catalog.groups.map((g) => [g.id, g.title])
  const groupIndex = new Map(catalog.groups.map((g, i) => [g.id, i]))
  const errors = catalog.errors.map((error) => [
    layout.idOf.get(error.symbol)!,
    pageIndex.get(layout.pageOf.get(error.symbol)!)!,
    error.code ?? null,
    error.key ?? null,
    error.symbol,
    error.title,
    messageIn(catalog, error, locale).text,
    error.status,
    error.group !== undefined ? (groupIndex.get(error.group) ?? -1) : -1,
    lifecycleOf(error),
  ])
  // JSON is valid JavaScript (U+2028 included since ES2019) and cannot end the script early.
  return `errcatSearchIndex(${JSON.stringify({ locale, pages, groups, errors })})\n`
}
