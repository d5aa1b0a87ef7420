// The direct YAML writer (src/import/write/draft-yaml.ts) writes every page of
// the corpora and every seed, alone and merged per folder, exactly as the yaml
// Document writer it replaced: same bytes, so same data and same comments.
import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { buildDraft } from '../../src/import/draft/build-draft.ts'
import { readPages } from '../../src/import/read/read-pages.ts'
import { draftDocument } from '../../src/import/write/draft-document.ts'
import { draftYaml } from '../../src/import/write/draft-yaml.ts'

const FOLDERS: [string, string][] = [
  ['test/import/corpus', fileURLToPath(new URL('./corpus/', import.meta.url))],
  ['../shared/corpus', fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))],
  ['../shared/seeds', fileURLToPath(new URL('../../../shared/seeds/', import.meta.url))],
]
const NOT_PAGES = /\.truth\.json$|^SOURCES\.md$|^figures\.json$/

async function assertSame(paths: string[]): Promise<number> {
  const read = await readPages(paths)
  if (read.pages.length === 0) return 0
  const draft = buildDraft(read.pages)
  assert.equal(draftYaml(draft), draftDocument(draft), paths.join(', '))
  return Object.keys(draft.catalog.errors ?? {}).length
}

describe('the direct YAML writer on the corpora and seeds', () => {
  for (const [name, folder] of FOLDERS) {
    it(`writes each page of ${name} as the Document did`, async () => {
      const files = (await readdir(folder)).filter((f) => !NOT_PAGES.test(f)).sort()
      let errors = 0
      for (const file of files) errors += await assertSame([join(folder, file)])
      assert.ok(errors > 0)
    })
    it(`writes the pages of ${name} merged into one draft as the Document did`, async () => {
      assert.ok((await assertSame([folder])) > 0)
    })
  }
})
