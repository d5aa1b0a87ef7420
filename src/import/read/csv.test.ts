import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { csvImporter } from './csv.ts'
import { detectFormat } from './detect.ts'
import { PageLimitError } from './limits.ts'

const corpus = (name: string) =>
  readFileSync(new URL(`../../../../shared/corpus/${name}`, import.meta.url), 'utf8')

describe('CSV importer', () => {
  describe('the IANA status code registry export', () => {
    const text = corpus('http-status-codes.csv')
    const page = csvImporter.parse(text)

    it('is detected from its content', () => {
      assert.ok(csvImporter.detect(text) >= 0.8)
    })

    it('imports every assigned code with its reason phrase and line', () => {
      // 65 data lines (66 lines minus the header), 3 of them `Unassigned`.
      assert.equal(page.rows.length, 62)
      assert.deepEqual(page.rows[0], { code: '100', line: 2, message: 'Continue' })
      const notFound = page.rows.find((r) => r.code === '404')
      assert.deepEqual(notFound, { code: '404', line: 29, message: 'Not Found' })
      assert.equal(page.rows.at(-1)?.code, '511')
    })

    it('keeps 306 (Unused) as an obsolete code: its number stays reserved', () => {
      const unused = page.rows.find((r) => r.code === '306')
      assert.equal(unused?.obsolete, true)
    })

    it('skips the Unassigned rows with a note naming their line', () => {
      assert.deepEqual(
        page.notes.map((n) => [n.line, n.kind, n.message]),
        [
          [49, 'skipped', '427 is unassigned, not an error'],
          [52, 'skipped', '430 is unassigned, not an error'],
          [64, 'skipped', '509 is unassigned, not an error'],
        ],
      )
    })
  })

  it('recognises columns by their names: code, symbol, status, message, description, group', () => {
    const page = csvImporter.parse(
      [
        'Error Code,Name,HTTP Status,Message,Details,Category,Updated',
        '1001,INVALID_TOKEN,401,Token is invalid,The token expired or was revoked.,Auth,2024-01-02',
        '1002,RATE_LIMITED,429,Too many requests,Slow down.,Limits,2024-01-02',
      ].join('\n'),
    )
    assert.deepEqual(page.groups, [
      { title: 'Auth', line: 2 },
      { title: 'Limits', line: 3 },
    ])
    assert.deepEqual(page.rows[0], {
      code: '1001',
      line: 2,
      symbol: 'INVALID_TOKEN',
      status: 401,
      message: 'Token is invalid',
      description: 'The token expired or was revoked.',
      group: 0,
    })
  })

  it('reads the IANA form of a registry: ranges are gaps, a status-code column is also the status', () => {
    const page = csvImporter.parse(
      'Status Code,Reason Phrase\n100,Continue\n104-199,Unassigned\n200,OK\n',
    )
    assert.deepEqual(page.rows, [
      { code: '100', line: 2, status: 100, title: 'Continue' },
      { code: '200', line: 4, status: 200, title: 'OK' },
    ])
    assert.equal(page.notes[0]?.line, 3)
    assert.match(page.notes[0]!.message, /104-199 \(Unassigned\) is a range/)
  })

  it('reads string and hex codes; string codes are keys', () => {
    const page = csvImporter.parse(
      'code;message\ninvalid_request;The request is malformed\n0x1F;Bad flag set\n',
    )
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.codeType]),
      [
        ['invalid_request', 'key'],
        ['0x1F', 'key'],
      ],
    )
  })

  it('finds the columns of a file without a header from their contents', () => {
    const page = csvImporter.parse(
      '4001\tBAD_TOKEN\t401\tThe token is not valid\n4002\tNO_SCOPE\t403\tThe token lacks a scope\n',
    )
    assert.deepEqual(page.rows[1], {
      code: '4002',
      line: 2,
      symbol: 'NO_SCOPE',
      status: 403,
      message: 'The token lacks a scope',
    })
  })

  it('keeps line numbers right across quoted newlines, blank lines and CRLF', () => {
    const page = csvImporter.parse(
      'code,message\r\n1,"first line\r\nsecond line"\r\n\r\n2,"with ""quotes"", and a comma"\r\n',
    )
    assert.deepEqual(page.rows, [
      { code: '1', line: 2, message: 'first line\nsecond line' },
      { code: '2', line: 5, message: 'with "quotes", and a comma' },
    ])
  })

  it('reports a broken record with its line and still reads the rows after it', () => {
    const page = csvImporter.parse('code,message\n1,fine row\n2,"never closed\n3,after the break\n')
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.line]),
      [
        ['1', 2],
        ['3', 4],
      ],
    )
    assert.equal(page.notes.length, 1)
    assert.equal(page.notes[0]!.line, 3)
    assert.match(page.notes[0]!.message, /^not valid CSV \(Quote Not Closed/)
    assert.equal(page.notes[0]!.raw, '2,"never closed')
  })

  it('reports empty rows and rows without a code', () => {
    const page = csvImporter.parse('code,message\n1,one thing\n,\n,orphan message\n')
    assert.deepEqual(
      page.notes.map((n) => [n.line, n.message, n.emptyRow ?? false]),
      [
        [3, 'empty row', true],
        [4, 'record without a code', false],
      ],
    )
  })

  it('says so when no column holds codes', () => {
    const page = csvImporter.parse(
      'Name,Description\nAda Lovelace,Mathematician\nAlan Turing,Logician\n',
    )
    assert.equal(page.rows.length, 0)
    assert.match(page.notes[0]!.message, /no field holds error codes \(fields: Name, Description\)/)
  })

  it('does not claim Markdown tables, JSON, HTML or prose', () => {
    for (const text of [
      '| Code | Message |\n|---|---|\n| 1 | a |\n',
      '[{"code": 1, "message": "a"}, {"code": 2, "message": "b"}]',
      '<table><tr><td>1</td><td>a</td></tr></table>\n<p>x, y</p>',
      'Errors are returned as JSON, with a code.\nIf in doubt, retry later, or call us.\n',
      '# Errors\n\n- 1: a, b\n- 2: c, d\n',
    ]) {
      assert.equal(csvImporter.detect(text), 0, text)
    }
  })
})

describe('CSV variants from real exports', () => {
  it('reads padded cells and quoted headers', () => {
    const page = csvImporter.parse(
      '"Code" , "Message"\n  1001  ,  Token missing  \n  1002  , "Token, expired"\n',
    )
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.message]),
      [
        ['1001', 'Token missing'],
        ['1002', 'Token, expired'],
      ],
    )
  })

  it('reads headers in other languages by the contents of their columns', () => {
    const text =
      'Código;Mensaje\n4001;Pedido no encontrado\n4002;Pedido bloqueado\n4003;Pago rechazado\n'
    assert.equal(detectFormat(text)?.importer.format, 'csv')
    const page = csvImporter.parse(text)
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.message]),
      [
        ['4001', 'Pedido no encontrado'],
        ['4002', 'Pedido bloqueado'],
        ['4003', 'Pago rechazado'],
      ],
    )
  })

  it('reads past a title row and notes above the header', () => {
    const text =
      'Error codes of the Shop API\nUpdated 2024-01-01\ncode,message\n1,Not found\n2,Locked\n3,Declined\n'
    const page = csvImporter.parse(text)
    assert.deepEqual(
      page.rows.map((r) => r.code),
      ['1', '2', '3'],
    )
  })

  it('stops at a stated column limit on a huge single-line table', () => {
    const text = `code,message\n${'1,abc,'.repeat(200_000)}`
    assert.throws(
      () => csvImporter.parse(text),
      (e: Error) =>
        e instanceof PageLimitError && e.line === 2 && /at most 1000 columns/.test(e.message),
    )
  })
})
