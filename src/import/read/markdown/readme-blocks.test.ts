import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { PageRow } from '../../find/page.ts'
import { detectReadmeBlocks, parseReadmeBlocks } from './readme-blocks.ts'

const pick = (rows: PageRow[], ...keys: (keyof PageRow)[]) =>
  rows.map((r) => Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]])))

const PAGE = [
  '---', // 1
  'title: "API status codes"',
  '---',
  '## Platform',
  '[block:parameters]', // 5
  '{',
  '  "data": {',
  '    "3-1": "Token revoked.",',
  '    "2-0": "<a name=\\"9023\\">9032</a>",', // 9
  '    "0-0": "**2xxx:**",',
  '    "h-0": "Code",',
  '    "h-1": "Description",',
  '    "0-1": "**User errors**",',
  '    "1-0": "<a name=\\"2000\\">2000</a>",', // 14
  '    "1-1": "User service is `down`.",',
  '    "2-1": "Mismatched.",',
  '    "3-0": "2001",',
  '    "4-1": ""', // 18
  '  },',
  '  "cols": 2,',
  '  "rows": 5',
  '}',
  '[/block]',
].join('\n')

describe('readme.io [block:parameters]', () => {
  it('reads sparse, out-of-order keys in row order, each row at its code cell line', () => {
    const page = parseReadmeBlocks(PAGE)
    assert.equal(page.format, 'readme-blocks')
    assert.equal(page.title, 'API status codes')
    assert.deepEqual(page.groups, [{ title: 'User errors', range: [2000, 2999], line: 10 }])
    assert.deepEqual(pick(page.rows, 'code', 'message', 'line', 'anchor', 'label', 'group'), [
      {
        code: '2000',
        message: 'User service is `down`.',
        line: 14,
        anchor: '2000',
        label: '2000',
        group: 0,
      },
      { code: '9032', message: 'Mismatched.', line: 9, anchor: '9023', label: '9032', group: 0 },
      { code: '2001', message: 'Token revoked.', line: 17, group: 0 },
    ])
    assert.deepEqual(page.notes, [
      { line: 18, kind: 'skipped', message: 'empty row', emptyRow: true, raw: '"4-1": ""' },
    ])
  })

  it('names a block without group rows after the heading above it', () => {
    const page = parseReadmeBlocks(
      '## Assess error codes\n\n[block:parameters]\n{"data": {"h-0": "Error code", "h-1": "Description", "0-0": "100", "0-1": "Not available."}, "cols": 2, "rows": 1}\n[/block]\n',
    )
    assert.deepEqual(
      page.groups.map((g) => g.title),
      ['Assess error codes'],
    )
    assert.deepEqual(pick(page.rows, 'code', 'message', 'group', 'line'), [
      { code: '100', message: 'Not available.', group: 0, line: 4 },
    ])
  })

  it('reads the string pairs of a block whose JSON is broken, and says so', () => {
    const page = parseReadmeBlocks(
      '[block:parameters]\n{"data": {\n"h-0": "Code",\n"h-1": "Message",\n"0-0": "7",\n"0-1": "Seven",\n}\n[/block]',
    )
    assert.deepEqual(pick(page.rows, 'code', 'message', 'line'), [
      { code: '7', message: 'Seven', line: 5 },
    ])
    assert.equal(page.notes[0]?.kind, 'guessed')
  })

  it('is detected by its block marker', () => {
    assert.equal(detectReadmeBlocks(PAGE), 0.95)
    assert.equal(detectReadmeBlocks('# Errors'), 0)
  })
})
