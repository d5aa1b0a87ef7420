import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from '@sinclair/typebox/value'
import { CatalogFile } from '../../catalog/schema.ts'
import type { PageImport, PageRow } from '../find/page.ts'
import { buildDraft } from './build-draft.ts'

const page = (rows: PageRow[], extra: Partial<PageImport> = {}): PageImport => ({
  format: 'markdown',
  groups: [],
  rows,
  notes: [],
  ...extra,
})

describe('buildDraft', () => {
  it('makes a draft that conforms to the catalog schema, with source and imported sections', () => {
    const draft = buildDraft([
      {
        file: 'page.md',
        page: page(
          [
            {
              code: '2000',
              message: 'User service is currently unavailable.',
              line: 3,
              group: 0,
              anchor: '2000',
              label: '2000',
            },
            {
              code: '2001',
              symbol: 'NoSuchUser',
              message: 'Requested user does not exist.',
              line: 4,
              group: 0,
            },
          ],
          {
            groups: [{ title: 'User errors', range: [2000, 2999], line: 2 }],
            notes: [
              { line: 9, kind: 'skipped', message: 'empty row', emptyRow: true, raw: '"9-1": ""' },
            ],
          },
        ),
      },
    ])
    assert.ok(
      Value.Check(CatalogFile, draft.catalog),
      JSON.stringify([...Value.Errors(CatalogFile, draft.catalog)]),
    )
    assert.deepEqual(draft.catalog.groups, { user: { title: 'User errors', range: [2000, 2999] } })
    assert.deepEqual(draft.catalog.errors, {
      USER_SERVICE_UNAVAILABLE: {
        code: 2000,
        status: 503,
        title: 'User service is currently unavailable',
        message: 'User service is currently unavailable.',
        source: { line: 3, anchor: '2000', label: '2000' },
      },
      NO_SUCH_USER: {
        code: 2001,
        status: 404,
        title: 'Requested user does not exist',
        message: 'Requested user does not exist.',
        source: { line: 4 },
      },
    })
    assert.deepEqual(draft.catalog.imported, {
      from: 'page.md',
      skipped: [{ line: 9, reason: 'empty-row', raw: '"9-1": ""' }],
    })
    assert.deepEqual(
      draft.report.map((r) => [r.line, r.kind]),
      [
        [3, 'guessed'],
        [4, 'guessed'],
        [9, 'skipped'],
      ],
    )
    assert.match(
      draft.report[0]!.message,
      /status 503 from "unavailable"; symbol derived from the message/,
    )
    assert.deepEqual([...draft.guessedStatus.keys()], ['USER_SERVICE_UNAVAILABLE', 'NO_SUCH_USER'])
  })

  it('resolves an anchor/label mismatch by the order of the neighbouring codes, keeping both', () => {
    const rows: PageRow[] = [
      { code: '9022', message: 'a', line: 1 },
      { code: '9032', anchor: '9023', label: '9032', message: 'b', line: 2 },
      { code: '9024', anchor: '9042', label: '9024', message: 'c', line: 3 },
      { code: '9025', message: 'd', line: 4 },
    ]
    const draft = buildDraft([{ file: 'p', page: page(rows) }])
    const errors = Object.values(draft.catalog.errors!)
    assert.deepEqual(
      errors.map((e) => e.code),
      [9022, 9023, 9024, 9025],
    )
    assert.deepEqual(errors[1]!.source, { line: 2, anchor: '9023', label: '9032' })
    assert.match(
      draft.report.find((r) => r.line === 2)!.message,
      /anchor 9023 and label 9032 differ; the anchor fits the order 9022 < 9023 < 9024/,
    )
  })

  it('uses the codes as statuses when a group lists HTTP statuses, and marks success codes', () => {
    const rows: PageRow[] = [
      { code: '0', message: 'success', line: 1, group: 0 },
      { code: '400', message: 'invalid parameters or business error', line: 2, group: 0 },
      { code: '401', message: 'invalid API key (auth failed)', line: 3, group: 0 },
      { code: '404', message: 'resource not found or no permission', line: 4, group: 0 },
      { code: '502', message: 'upstream service unavailable', line: 5, group: 0 },
    ]
    const draft = buildDraft([
      { file: 'p', page: page(rows, { groups: [{ title: 'Top-level code (general)', line: 1 }] }) },
    ])
    const errors = draft.catalog.errors!
    assert.deepEqual(
      Object.values(errors).map((e) => [e.code, e.status, e.success ?? false, e.group]),
      [
        [0, 200, true, 'top-level'],
        [400, 400, false, 'top-level'],
        [401, 401, false, 'top-level'],
        [404, 404, false, 'top-level'],
        [502, 502, false, 'top-level'],
      ],
    )
    assert.equal(Object.keys(errors)[0], 'SUCCESS')
  })

  it('keeps messages valid ICU: escapes braces, turns {name} into string params', () => {
    const draft = buildDraft([
      {
        file: 'p',
        page: page([
          { code: '1', message: 'Expecting an object like {"parts": []}.', line: 1 },
          { code: '2', message: 'Invalid account {accountId} ({category}).', line: 2 },
          { code: '3', message: "We can't find it.", line: 3 },
        ]),
      },
    ])
    const [a, b, c] = Object.values(draft.catalog.errors!)
    assert.equal(a!.message, `Expecting an object like '{'"parts": []'}'.`)
    assert.equal(b!.message, 'Invalid account {accountId} ({category}).')
    assert.deepEqual(b!.params, { accountId: { type: 'string' }, category: { type: 'string' } })
    assert.equal(c!.message, "We can't find it.")
  })

  it('reads string codes as keys, and titles wordy keys from their words', () => {
    const draft = buildDraft([
      {
        file: 'p',
        page: page([
          { code: 'rate_limit_day', codeType: 'key', message: 'Daily quota exceeded', line: 1 },
          { code: '22012', codeType: 'key', symbol: 'division_by_zero', line: 2 },
          { code: 'bad key!', line: 3 },
        ]),
      },
    ])
    assert.deepEqual(draft.catalog.errors, {
      RATE_LIMIT_DAY: {
        key: 'rate_limit_day',
        status: 429,
        title: 'Rate limit day',
        message: 'Daily quota exceeded',
        source: { line: 1 },
      },
      DIVISION_BY_ZERO: {
        key: '22012',
        status: 400,
        title: 'Division by zero',
        source: { line: 2 },
      },
    })
    assert.deepEqual(draft.catalog.imported?.skipped, [
      { line: 3, reason: 'unparsed', raw: 'bad key!' },
    ])
  })

  it('merges pages: group ids and symbols stay unique, sources name their file', () => {
    const one = page([{ code: '1', message: 'Broken', line: 5, group: 0 }], {
      groups: [{ title: 'General', line: 1 }],
    })
    const two = page([{ code: '2', message: 'Broken', line: 7, group: 0 }], {
      groups: [{ title: 'General', line: 1 }],
    })
    const draft = buildDraft([
      { file: 'a.md', page: one },
      { file: 'b.md', page: two },
    ])
    assert.deepEqual(Object.keys(draft.catalog.groups!), ['general', 'general-2'])
    assert.deepEqual(Object.keys(draft.catalog.errors!), ['BROKEN_1', 'BROKEN_2'])
    assert.deepEqual(draft.catalog.errors!.BROKEN_2!.source, { file: 'b.md', line: 7 })
    assert.equal(draft.catalog.imported?.from, 'a.md, b.md')
    assert.deepEqual(draft.inputs, [
      { file: 'a.md', format: 'markdown', errors: 1 },
      { file: 'b.md', format: 'markdown', errors: 1 },
    ])
  })

  it('copies ICU messages, params, translations and flags of formats that set them', () => {
    const draft = buildDraft([
      {
        file: 'p',
        page: page([
          {
            code: '1000',
            symbol: 'OBSOLETE_ER_HASHCHK',
            message: 'hashchk {p1}',
            messageFormat: 'icu',
            params: { p1: { type: 'string' } },
            translations: { ger: 'hashchk {p1}', 'not a locale': 'x' },
            obsolete: true,
            line: 1,
          },
        ]),
      },
    ])
    const entry = draft.catalog.errors!.OBSOLETE_ER_HASHCHK!
    assert.equal(entry.message, 'hashchk {p1}')
    assert.deepEqual(entry.params, { p1: { type: 'string' } })
    assert.deepEqual(entry.messages, { ger: 'hashchk {p1}' })
    assert.equal(entry.obsolete, true)
  })
})
