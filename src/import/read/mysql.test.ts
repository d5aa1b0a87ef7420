import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { parseMessage } from '../../catalog/message.ts'
import { mysqlImporter, printfToIcu } from './mysql.ts'

const corpus = (name: string) =>
  readFileSync(new URL(`../../../../shared/corpus/${name}`, import.meta.url), 'utf8')

describe('MySQL messages_to_clients.txt importer', () => {
  const text = corpus('mysql-messages_to_clients.part1.txt')
  const page = mysqlImporter.parse(text)

  it('is detected from its content', () => {
    assert.ok(mysqlImporter.detect(text) >= 0.9)
  })

  it('numbers the entries from start-error-number, obsolete ones included', () => {
    // 20 lines matching `^(OBSOLETE_)?ER_`, numbered 1000.. in order.
    assert.equal(page.rows.length, 20)
    assert.deepEqual(
      page.rows.map((r) => r.code),
      Array.from({ length: 20 }, (_, i) => String(1000 + i)),
    )
    assert.deepEqual(
      page.rows.filter((r) => r.obsolete).map((r) => `${r.code} ${r.symbol}`),
      [
        '1000 OBSOLETE_ER_HASHCHK',
        '1001 OBSOLETE_ER_NISAMCHK',
        '1009 OBSOLETE_ER_DB_DROP_DELETE',
        '1011 OBSOLETE_ER_CANT_DELETE_FILE',
        '1014 OBSOLETE_ER_CANT_GET_WD',
        '1019 OBSOLETE_ER_CANT_SET_WD',
      ],
    )
    // The numbers MySQL documents for these names.
    assert.equal(page.rows.find((r) => r.symbol === 'ER_CANT_CREATE_FILE')?.code, '1004')
    assert.equal(page.rows.find((r) => r.symbol === 'ER_FILE_NOT_FOUND')?.code, '1017')
    assert.deepEqual(page.groups, [
      { title: 'Server-to-client messages =< 5.6', range: [1000, 1019], line: 73 },
    ])
  })

  it('converts printf messages to ICU with typed params', () => {
    const row = page.rows.find((r) => r.symbol === 'ER_CANT_CREATE_FILE')!
    assert.equal(row.line, 121)
    // Titles are plain text: values shown as `…`, no ICU escaping.
    assert.equal(row.title, "Can't create file '…' (errno: … - …)")
    assert.equal(row.messageFormat, 'icu')
    assert.equal(row.message, "Can't create file ''{p1}' (errno: {p2} - {p3})")
    assert.deepEqual(row.params, {
      p1: { type: 'string', description: 'printf `%-.200s`, at most 200 characters' },
      p2: { type: 'integer', description: 'printf `%d`' },
      p3: { type: 'string', description: 'printf `%s`' },
    })
  })

  it('keeps every language as a translation keyed by BCP 47 locale', () => {
    const row = page.rows.find((r) => r.symbol === 'ER_CANT_CREATE_FILE')!
    assert.equal(row.translations?.de, "Kann Datei ''{p1}' nicht erzeugen (Fehler: {p2} - {p3})")
    assert.equal(
      row.translations?.ja,
      "ファイル ''{p1}' を作成できません。(エラー番号: {p2} - {p3})",
    )
    assert.deepEqual(Object.keys(row.translations!).sort(), [
      'cs',
      'da',
      'de',
      'el',
      'es',
      'et',
      'fr',
      'hu',
      'it',
      'ja',
      'ko',
      'nb',
      'nl',
      'nn',
      'pl',
      'pt',
      'ro',
      'ru',
      'sk',
      'sr',
      'sv',
      'uk',
    ])
    // 410 quoted message lines in the file (`grep -c '^ *[a-z-]* "'`): 20 English, 390 translations.
    const count = page.rows.reduce((n, r) => n + 1 + Object.keys(r.translations ?? {}).length, 0)
    assert.equal(count, 410)
  })

  it('writes only valid ICU, with the same placeholders in every language', () => {
    for (const row of page.rows) {
      const source = parseMessage(row.message!)
      assert.ok(source.ok, row.message)
      for (const [locale, message] of Object.entries(row.translations ?? {})) {
        const translated = parseMessage(message)
        assert.ok(translated.ok, `${row.symbol} ${locale}: ${message}`)
        assert.deepEqual(
          translated.placeholders.map((p) => p.name).sort(),
          source.placeholders.map((p) => p.name).sort(),
          `${row.symbol} ${locale}`,
        )
      }
    }
    assert.deepEqual(page.notes, [])
  })

  it('reads directives, SQL states, escapes and reserved sections', () => {
    const page = mysqlImporter.parse(
      [
        'languages english=eng latin1, german=ger latin1, klingon=tlh utf8;',
        'default-language eng',
        '# Error numbers starting at 3000: server-to-client messages >= 5.7',
        'start-error-number 3000',
        'ER_FIRST 42000 S1009',
        '\teng "Say \\"{hi}\\" at 100%% \\\\ ok"',
        '\tger "Sag \\"{hi}\\""',
        '\ttlh "Qapla\'"',
        'reserved-error-section 5000 5999',
        'ER_SECOND',
        '  eng "Line\\nbreak',
        '  fre "Bonjour"',
        'what is this',
      ].join('\n'),
    )
    assert.deepEqual(page.groups, [
      { title: 'Server-to-client messages >= 5.7', range: [3000, 3001], line: 4 },
      { title: 'Reserved 5000–5999', range: [5000, 5999], line: 9 },
    ])
    const [first, second] = page.rows
    assert.equal(first?.code, '3000')
    assert.equal(first?.description, 'SQLSTATE `42000`, ODBC state `S1009`.')
    // Braces in MySQL text are literal: quoted for ICU.
    assert.equal(first?.message, "Say \"'{'hi'}'\" at 100% \\ ok")
    assert.deepEqual(first?.translations, { de: "Sag \"'{'hi'}'\"" })
    assert.equal(second?.code, '3001')
    assert.equal(second?.message, undefined)
    assert.deepEqual(
      page.notes.map((n) => [n.line, n.kind, n.message]),
      [
        [8, 'skipped', 'unknown language `tlh`'],
        [
          9,
          'skipped',
          'numbers 5000–5999 are reserved (reserved-error-section): kept as an empty group so they stay reserved',
        ],
        [10, 'guessed', 'ER_SECOND has no eng message; its title must be written by hand'],
        [11, 'skipped', 'the message has no closing quote'],
        [
          13,
          'skipped',
          'not understood (expected an ER_ entry, an indented message or a directive)',
        ],
      ],
    )
  })

  it('does not claim other pages', () => {
    assert.equal(mysqlImporter.detect(corpus('postgresql-errcodes.txt')), 0)
    assert.equal(mysqlImporter.detect(corpus('curl-libcurl-errors.md')), 0)
  })
})

describe('printfToIcu', () => {
  it('types each conversion and keeps literal percent signs', () => {
    const { message, params } = printfToIcu('%s: %lu rows, %.2f%% done, %c, %x')
    assert.equal(message, '{p1}: {p2} rows, {p3}% done, {p4}, {p5}')
    assert.deepEqual(
      Object.values(params).map((p) => p.type),
      ['string', 'integer', 'number', 'string', 'integer'],
    )
  })

  it('leaves a lone percent sign alone', () => {
    assert.deepEqual(printfToIcu('100% sure'), { message: '100% sure', params: {} })
  })
})
