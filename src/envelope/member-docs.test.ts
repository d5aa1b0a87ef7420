import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { FILTERS } from '@errcat/runtime/internal/envelope/filters'
import { FILTER_DOCS } from './filter-docs.ts'
import { DOCUMENTED_TABLES, memberDoc } from './member-docs.ts'

// The runtime's tables and the build-time docs are kept apart for bundle size,
// so nothing but these tests ties a new member or filter to its docs.
describe('build-time docs of the expression language', () => {
  it('describe every member of every render root, and only those', () => {
    for (const [members, docs] of DOCUMENTED_TABLES) {
      assert.deepEqual(Object.keys(docs).sort(), Object.keys(members).sort())
      for (const info of Object.values(members)) assert.notEqual(memberDoc(info).description, '')
    }
  })

  it('describe every filter, and only those', () => {
    assert.deepEqual(Object.keys(FILTER_DOCS).sort(), Object.keys(FILTERS).sort())
  })
})
