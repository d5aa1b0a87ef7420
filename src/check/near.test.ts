import assert from 'node:assert/strict'
import { it } from 'node:test'
import { editDistance, nearest } from './near.ts'

it('editDistance counts edits and gives up past the limit', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3)
  assert.equal(editDistance('duplicate-code', 'duplicat-code'), 1)
  assert.equal(editDistance('abc', 'abc'), 0)
  assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3)
})

it('nearest ranks exact (any case), containing, then close names', () => {
  const ids = ['duplicate-code', 'duplicate-key', 'empty-title', 'identical-messages']
  assert.deepEqual(nearest('duplicat-code', ids), ['duplicate-code'])
  assert.deepEqual(nearest('identical-message', ids, 1), ['identical-messages'])
  assert.deepEqual(nearest('TOKEN', ['BAD_TOKEN', 'TOKEN_EXPIRED', 'NOT_FOUND']), [
    'BAD_TOKEN',
    'TOKEN_EXPIRED',
  ])
  assert.deepEqual(nearest('zzz', ids), [])
})
