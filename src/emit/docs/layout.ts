// Which error goes on which page. A catalog of up to `pageSize` errors is one
// page, like the reference pages teams write by hand. A larger one gets an
// overview page and a page per group (split into parts of `pageSize`), since
// tens of thousands of rendered errors make a page slow to become usable; the
// overview forwards `#anchor` links to the page that holds the error, so docs
// URLs and problem `type` URIs keep working.
import type { LoadedCatalog, LoadedError, LoadedGroup } from '../../catalog/model.ts'
import { trimRuns } from '../../text/trim.ts'

export const DEFAULT_PAGE_SIZE = 1000

/** One group's errors, or a part of them, as one page shows them. */
export interface Section {
  /** Undefined for the errors that belong to no group. */
  group?: LoadedGroup
  /** The id of the section element: unique on the site. */
  id: string
  title: string
  errors: LoadedError[]
  /** 1-based part number when a group spans several pages. */
  part?: { index: number; count: number }
}

export interface Page {
  /** Path relative to a locale's root folder, `/`-separated. */
  file: string
  sections: Section[]
}

export interface Layout {
  split: boolean
  /** Every section, in catalog order, whether on the index or on group pages. */
  sections: Section[]
  /** The index page first. In a split layout, it holds no errors. */
  pages: Page[]
  /** The page each error is on, by symbol. */
  pageOf: Map<string, Page>
  /** The element id of each error (its anchor, made unique), by symbol. */
  idOf: Map<string, string>
}

export function planLayout(catalog: LoadedCatalog, pageSize = DEFAULT_PAGE_SIZE): Layout {
  const idOf = elementIds(catalog)
  const sections = groupSections(catalog, new Set(idOf.values()))
  const split = catalog.errors.length > pageSize
  const index: Page = { file: 'index.html', sections: split ? [] : sections }
  const pages = [index]
  const chunks: Section[] = []
  if (split) {
    const slugs = new Set<string>()
    for (const section of sections) {
      const slug = uniqueSlug(section.group?.id ?? 'other', slugs)
      const count = Math.max(1, Math.ceil(section.errors.length / pageSize))
      for (let i = 0; i < count; i++) {
        const part: Section = {
          ...section,
          errors: section.errors.slice(i * pageSize, (i + 1) * pageSize),
          ...(count > 1 ? { part: { index: i + 1, count } } : {}),
        }
        chunks.push(part)
        pages.push({ file: `groups/${slug}${i === 0 ? '' : `-${i + 1}`}.html`, sections: [part] })
      }
    }
  }
  const pageOf = new Map<string, Page>()
  for (const page of pages)
    for (const section of page.sections)
      for (const error of section.errors) pageOf.set(error.symbol, page)
  return { split, sections: split ? chunks : sections, pages, pageOf, idOf }
}

/** Sections in catalog order; their ids give way to error anchors, which are the contract. */
function groupSections(catalog: LoadedCatalog, taken: Set<string>): Section[] {
  const sectionId = (base: string) => {
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    return id
  }
  const byGroup = new Map<string | undefined, LoadedError[]>()
  for (const group of catalog.groups) byGroup.set(group.id, [])
  for (const error of catalog.errors) {
    const key = error.group !== undefined && byGroup.has(error.group) ? error.group : undefined
    if (!byGroup.has(key)) byGroup.set(key, [])
    byGroup.get(key)!.push(error)
  }
  const sections: Section[] = []
  for (const group of catalog.groups) {
    const errors = byGroup.get(group.id)!
    if (errors.length > 0)
      sections.push({ group, id: sectionId(`group-${group.id}`), title: group.title, errors })
  }
  const others = byGroup.get(undefined)
  if (others?.length)
    sections.push({
      id: sectionId('group-other'),
      title: catalog.groups.length > 0 ? 'Other errors' : 'Errors',
      errors: others,
    })
  return sections
}

/**
 * Element ids: each error's anchor, which its docs URL and problem type end
 * with. Two errors with one anchor (a duplicate code, which `errcat check`
 * reports) keep the first; the second gets a suffix so the page stays valid.
 */
function elementIds(catalog: LoadedCatalog): Map<string, string> {
  const taken = new Set<string>()
  const ids = new Map<string, string>()
  for (const error of catalog.errors) {
    let id = error.anchor
    for (let n = 2; taken.has(id); n++) id = `${error.anchor}-${n}`
    taken.add(id)
    ids.set(error.symbol, id)
  }
  return ids
}

function uniqueSlug(id: string, taken: Set<string>): string {
  const base = trimRuns(id.toLowerCase().replace(/[^a-z0-9_-]+/g, '-'), '-') || 'group'
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  taken.add(slug)
  return slug
}
