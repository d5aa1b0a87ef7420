import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { PageRow } from '../find/page.ts'
import { detectTextColumns, parseTextColumns } from './text-columns.ts'

const pick = (rows: PageRow[], ...keys: (keyof PageRow)[]) =>
  rows.map((r) => Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]])))

describe('plain text: run-together columns', () => {
  const page = parseTextColumns(
    [
      'Top-level code (general)', // 1
      '',
      '  • 0: success',
      '  • 401: invalid API key (auth failed)',
      '',
      'Module error codes (100300 ~ 100329):', // 6
      '',
      'error_codemessageDescription',
      '100300System errorSystem error (unclassified internal exception).',
      '100306Form not assigned to this codeThe QR code is not associated with this form.', // 10
    ].join('\n'),
  )

  it('splits code, message and description, and reads the bullets', () => {
    assert.deepEqual(pick(page.rows, 'code', 'message', 'description', 'line', 'group'), [
      { code: '0', message: 'success', line: 3, group: 0 },
      { code: '401', message: 'invalid API key (auth failed)', line: 4, group: 0 },
      {
        code: '100300',
        message: 'System error',
        description: 'System error (unclassified internal exception).',
        line: 9,
        group: 1,
      },
      {
        code: '100306',
        message: 'Form not assigned to this code',
        description: 'The QR code is not associated with this form.',
        line: 10,
        group: 1,
      },
    ])
  })

  it('turns the plain-line headings into groups, with the range they state', () => {
    assert.deepEqual(page.groups, [
      { title: 'Top-level code (general)', line: 1 },
      { title: 'Module error codes (100300 ~ 100329)', range: [100300, 100329], line: 6 },
    ])
  })

  it('reports the capital-letter splits as guesses', () => {
    assert.deepEqual(
      page.notes.map((n) => [n.line, n.kind]),
      [[10, 'guessed']],
    )
  })
})

describe('plain text: pipe tables that lost their leading pipes', () => {
  it('reads sections, skips tables without codes, and prefers the example message', () => {
    const page = parseTextColumns(
      [
        'Fields', // 1
        '| Field | Description |',
        '|---|---|',
        'ok | Always false for errors |',
        'Authentication Errors', // 5
        '| Code | Meaning |',
        '|---|---|',
        'unauthorized | Missing, invalid, or revoked API key |',
        'forbidden | Access is not allowed |',
        'Example', // 10
        '{',
        '"ok": false,',
        '"code": "unauthorized",',
        '"message": "Invalid or missing API key."',
        '}',
      ].join('\n'),
    )
    assert.equal(page.format, 'text-columns')
    assert.deepEqual(
      page.groups.map((g) => g.title),
      ['Authentication Errors'],
    )
    assert.deepEqual(pick(page.rows, 'code', 'codeType', 'message', 'description', 'line'), [
      {
        code: 'unauthorized',
        codeType: 'key',
        message: 'Invalid or missing API key.',
        description: 'Missing, invalid, or revoked API key',
        line: 8,
      },
      { code: 'forbidden', codeType: 'key', message: 'Access is not allowed', line: 9 },
    ])
    assert.deepEqual(
      page.notes.map((n) => [n.line, n.kind]),
      [
        [2, 'skipped'],
        [8, 'guessed'],
      ],
    )
  })
})

describe('detectTextColumns', () => {
  it('claims run-together rows and unled pipe rows, not Markdown', () => {
    assert.equal(detectTextColumns('100300Ab cd\n100301Ef gh\n100302Ij kl'), 0.8)
    assert.equal(detectTextColumns('| Code | Meaning |\n|---|---|\nx_y | z |'), 0.7)
    assert.equal(detectTextColumns('# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |'), 0)
    assert.equal(detectTextColumns('Nothing to see here.'), 0)
  })
})
