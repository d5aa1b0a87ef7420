import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { humanize, postgresImporter } from './postgres.ts'

const corpus = (name: string) =>
  readFileSync(new URL(`../../../../shared/corpus/${name}`, import.meta.url), 'utf8')

describe('PostgreSQL errcodes.txt importer', () => {
  const text = corpus('postgresql-errcodes.txt')
  const page = postgresImporter.parse(text)

  it('is detected from its content', () => {
    assert.ok(postgresImporter.detect(text) >= 0.9)
  })

  it('imports one error per SQLSTATE', () => {
    // `grep -cE '^[0-9A-Z]{5}\s'` finds 266 code lines; 6 of them repeat a
    // SQLSTATE under a second macro without a condition name: 260 SQLSTATEs.
    assert.equal(page.rows.length, 260)
    assert.equal(new Set(page.rows.map((r) => r.code)).size, 260)
  })

  it('makes the SQLSTATE a string key and the condition name the symbol', () => {
    const row = page.rows.find((r) => r.code === '22012')
    assert.deepEqual(row, {
      code: '22012',
      codeType: 'key',
      symbol: 'DIVISION_BY_ZERO',
      title: 'Division by zero',
      description:
        'PL/pgSQL condition name: `division_by_zero`. C macro: `ERRCODE_DIVISION_BY_ZERO`.',
      line: 162,
      group: 14,
    })
    assert.deepEqual(page.groups[14], {
      title: 'Class 22 - Data Exception',
      line: 153,
      prefix: '22',
    })
  })

  it('turns each Section line into a group prefixed by its class', () => {
    // `grep -c '^Section'`: 43 classes.
    assert.equal(page.groups.length, 43)
    assert.ok(page.groups.every((g) => /^[0-9A-Z]{2}$/.test(g.prefix ?? '')))
    for (const row of page.rows) assert.ok(row.code.startsWith(page.groups[row.group!]!.prefix!))
    assert.equal(page.groups[1]?.description, 'do not use this class for failure conditions')
  })

  it('marks success and warning classes', () => {
    const success = page.rows.find((r) => r.code === '00000')!
    assert.equal(success.success, true)
    assert.match(success.description!, /^Successful completion, not an error\./)
    assert.match(
      page.rows.find((r) => r.code === '01000')!.description!,
      /^A warning, not an error\./,
    )
  })

  it('records a second macro for a SQLSTATE on its condition, wherever it stands', () => {
    // ERRCODE_ARRAY_ELEMENT_ERROR (line 156) comes before array_subscript_error (line 158).
    const array = page.rows.find((r) => r.code === '2202E')!
    assert.equal(array.symbol, 'ARRAY_SUBSCRIPT_ERROR')
    assert.equal(array.line, 158)
    assert.match(
      array.description!,
      /`ERRCODE_ARRAY_SUBSCRIPT_ERROR` \(also `ERRCODE_ARRAY_ELEMENT_ERROR`\)/,
    )
    assert.deepEqual(
      page.notes.map((n) => [n.line, n.kind]),
      [
        [156, 'guessed'],
        [161, 'guessed'],
        [362, 'guessed'],
        [363, 'guessed'],
        [365, 'guessed'],
        [366, 'guessed'],
      ],
    )
    assert.match(
      page.notes[3]!.message,
      /ERRCODE_UNDEFINED_DATABASE is another macro for 3D000; recorded on invalid_catalog_name/,
    )
  })

  it('imports a macro line without a condition name as its own error when its SQLSTATE is new', () => {
    const page = postgresImporter.parse(
      'Section: Class 42 - Syntax Error\r\n42601 E ERRCODE_SYNTAX_ERROR syntax_error\r\n42P99 E ERRCODE_MADE_UP\r\nnot a code line\r\n',
    )
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.symbol, r.title, r.line]),
      [
        ['42601', 'SYNTAX_ERROR', 'Syntax error', 2],
        ['42P99', 'MADE_UP', 'Made up', 3],
      ],
    )
    assert.deepEqual(
      page.notes.map((n) => [n.line, n.kind, n.raw]),
      [[4, 'skipped', 'not a code line']],
    )
  })

  it('names the class in the title of a condition name that two classes share', () => {
    const titles = page.rows
      .filter((r) => r.symbol === 'STRING_DATA_RIGHT_TRUNCATION')
      .map((r) => [r.code, r.title])
    assert.deepEqual(titles, [
      ['01004', 'String data right truncation (warning)'],
      ['22001', 'String data right truncation (data exception)'],
    ])
    assert.equal(new Set(page.rows.map((r) => r.title)).size, 260)
  })

  it('spells acronyms in titles', () => {
    assert.equal(
      humanize('sqlclient_unable_to_establish_sqlconnection'),
      'SQL client unable to establish SQL connection',
    )
    assert.equal(humanize('invalid_xml_document'), 'Invalid XML document')
    assert.equal(humanize('plpgsql_error'), 'PL/pgSQL error')
  })

  it('does not claim other pages', () => {
    assert.equal(postgresImporter.detect(corpus('postgresql-errcodes-appendix.html')), 0)
    assert.equal(postgresImporter.detect(corpus('mysql-messages_to_clients.part1.txt')), 0)
  })
})
