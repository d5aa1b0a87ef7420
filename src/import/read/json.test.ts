import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { jsonImporter } from './json.ts'
import { scanJson } from './json-scan.ts'

const corpus = (name: string) =>
  readFileSync(new URL(`../../../../shared/corpus/${name}`, import.meta.url), 'utf8')

describe('JSON importer', () => {
  describe('openEO errors.json: an object keyed by code', () => {
    const text = corpus('openeo-errors.json')
    const page = jsonImporter.parse(text)

    it('imports every key as a string code, with status, message, description and line', () => {
      assert.ok(jsonImporter.detect(text) >= 0.9)
      // 51 top-level keys (counted with JSON.parse + Object.keys).
      assert.equal(page.rows.length, 51)
      assert.deepEqual(page.rows[1], {
        code: 'NotFound',
        line: 10,
        codeType: 'key',
        status: 404,
        message: 'Resource not found.',
        description:
          "To be used if the requested resource does not exist. Note: There are specialized errors for missing jobs (JobNotFound), files (FileNotFound), etc. Unsupported endpoints MAY send an 'FeatureUnsupported' (501) error.",
        group: 0,
      })
    })

    it('files each error under its first tag', () => {
      assert.equal(page.groups[0]?.title, 'General')
      assert.equal(page.groups.length, new Set(page.groups.map((g) => g.title)).size)
    })

    it('keeps messages as the file writes them, `{name}` variables included', () => {
      const version = page.rows.find((r) => r.code === 'UnsupportedApiVersion')!
      assert.equal(version.message, "The requested API version '{version}' is not supported.")
      assert.equal(version.messageFormat, undefined)
    })
  })

  describe("Twilio's error list: one array of records on one line", () => {
    const text = corpus('twilio-error-codes.json')
    const page = jsonImporter.parse(text)

    it('imports every record', () => {
      // The corpus copy holds the first 403 of Twilio's entries (SOURCES.md; JSON.parse(...).length).
      assert.equal(page.rows.length, 403)
      assert.equal(new Set(page.rows.map((r) => r.code)).size, 403)
      assert.ok(page.rows.every((r) => r.line === 1 && r.message))
    })

    it('keeps causes and solutions apart, as troubleshooting, and files errors by product', () => {
      const row = page.rows.find((r) => r.code === '22225')!
      assert.equal(row.description, 'The FromBundleSid specified does not exist.')
      assert.equal(
        row.troubleshooting,
        "**Causes:** The FromBundleSid specified does not exist.\n\n**Solutions:** Please review the FromBundleSid specified to ensure it is correctly referencing the account's BundleSid and not another account.",
      )
      assert.equal(page.groups[row.group!]?.title, 'Phone Numbers')
    })

    it('does not mistake other fields (log_level, dates) for symbols or statuses', () => {
      assert.ok(page.rows.every((r) => r.symbol === undefined && r.status === undefined))
    })
  })

  it('finds the records inside a wrapper, and reads nested fields', () => {
    const page = jsonImporter.parse(
      JSON.stringify(
        {
          version: 2,
          errors: [
            { code: 'bad_token', http: { status: 401 }, message: 'The token is not valid' },
            { code: 'no_scope', http: { status: 403 }, message: 'The token lacks {scope}' },
          ],
        },
        null,
        2,
      ),
    )
    assert.equal(page.title, 'errors')
    assert.deepEqual(page.rows[1], {
      code: 'no_scope',
      line: 11,
      codeType: 'key',
      status: 403,
      message: 'The token lacks {scope}',
    })
  })

  it('reads a map of code → message, in file order, and notes repeated keys (the last one counts)', () => {
    const page = jsonImporter.parse(
      '{\n  "1001": "Bad token",\n  "42": "Nope",\n  "1001": "Token expired"\n}',
    )
    assert.deepEqual(page.rows, [
      { code: '42', line: 3, message: 'Nope' },
      { code: '1001', line: 4, message: 'Token expired' },
    ])
    assert.deepEqual(page.notes, [
      {
        line: 4,
        kind: 'skipped',
        message: 'key "1001" appears again; JSON keeps only its last value',
      },
    ])
  })

  it('reads an object keyed by name whose records carry their own code', () => {
    const page = jsonImporter.parse(
      '{"BAD_TOKEN": {"code": 4001, "message": "Bad token"}, "NO_SCOPE": {"code": 4002, "message": "No scope"}}',
    )
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.symbol]),
      [
        ['4001', 'BAD_TOKEN'],
        ['4002', 'NO_SCOPE'],
      ],
    )
  })

  it('reads rows given as arrays, with a header row', () => {
    const page = jsonImporter.parse(
      '[\n["code", "message"],\n[1, "First error"],\n[2, "Second error"]\n]',
    )
    assert.deepEqual(page.rows, [
      { code: '1', line: 3, message: 'First error' },
      { code: '2', line: 4, message: 'Second error' },
    ])
  })

  it('reports a syntax error with its line and column', () => {
    const text = '[\n  {"code": 1, "message": "a"},\n  {"code": 2 "message": "b"}\n]'
    assert.ok(jsonImporter.detect(text) > 0)
    const page = jsonImporter.parse(text)
    assert.equal(page.rows.length, 0)
    assert.deepEqual(page.notes, [
      {
        line: 3,
        kind: 'skipped',
        message:
          'not valid JSON at line 3, column 14: unexpected `"`, `,` or `}` was expected; nothing imported',
      },
    ])
  })

  it('says so when the JSON holds no error records', () => {
    const page = jsonImporter.parse('{"name": 1, "list": [1, 2, 3]}')
    assert.equal(page.rows.length, 0)
    assert.match(page.notes[0]!.message, /no array of error records/)
  })

  it('does not claim readme.io blocks, Markdown or CSV', () => {
    for (const text of [
      '[block:parameters]\n{"data": {}}\n[/block]',
      '# Errors\n',
      'code,message\n1,a\n',
    ]) {
      assert.equal(jsonImporter.detect(text), 0, text)
    }
  })
})

describe('scanJson', () => {
  it('locates the elements of the chosen container, whatever the line endings', () => {
    const text = '{"a": {"x": [\r\n1,\r\n{"b": 2}\r\n]}}'
    assert.deepEqual(scanJson(text, ['a', 'x']).elements, [
      { key: 0, line: 2 },
      { key: 1, line: 3 },
    ])
  })

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['[1, 2', '{"a" 1}', '[1,]', '"\\x"', '[01]', '{"a": tru}', '[] []', '']) {
      assert.ok(scanJson(text).error, text)
      assert.throws(() => JSON.parse(text), text)
    }
    for (const text of [
      '[]',
      '{}',
      ' [1, -2.5e3, "a\\u00e9\\n", true, null, {"k": []}] ',
      '"\\""',
    ]) {
      assert.equal(scanJson(text).error, undefined, text)
    }
  })

  it('survives deep nesting', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    assert.equal(scanJson(deep).error, undefined)
  })
})
