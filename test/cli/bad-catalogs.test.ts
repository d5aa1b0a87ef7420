// Catalog files that are not catalogs, or not quite: `errcat check` run as a
// child process on each, in its own temporary folder. Every one stops with
// exit code 2 and one positioned finding (file:line:column, rule, hint), never
// a stack trace. The broken-catalog suite (test/check/broken) holds the
// catalogs with one defect each; these are the files around it: empty,
// binary, two documents, numbers past 2^53, includes that are URLs or folders.
// docs/bad-input.md cites these cases by name.
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { errcat, STACK_LINE } from './cli.ts'

let dir = ''
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-bad-catalogs-'))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

const ERROR = 'errors:\n  A:\n    code: 1\n    title: A\n    status: 400\n'

interface Case {
  name: string
  file: string
  content: string | Buffer
  /** The finding's first line, as `errcat check` prints it. */
  finding: RegExp
  hint: RegExp
  /** Text that must not be printed (a file errcat must not quote). */
  never?: string
}

const CASES: Case[] = [
  {
    name: 'an empty file: load/schema at 1:1, "holds nothing"',
    file: 'errors.yaml',
    content: '',
    finding:
      /^errors\.yaml:1:1: error \[load\/schema\] a catalog must be a mapping .*this file holds nothing$/m,
    hint: /Start from `errcat init`/,
  },
  {
    name: 'a file holding only null: load/schema at 1:1',
    file: 'errors.yaml',
    content: 'null\n',
    finding:
      /^errors\.yaml:1:1: error \[load\/schema\] a catalog must be a mapping .*holds nothing$/m,
    hint: /Start from `errcat init`/,
  },
  {
    name: 'binary bytes: load/syntax at the first byte that is not UTF-8, the bytes not echoed',
    file: 'errors.yaml',
    content: Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47]),
    finding:
      /^errors\.yaml:1:4: error \[load\/syntax\] errors\.yaml is not UTF-8: the byte here is in another encoding$/m,
    hint: /Save the file as UTF-8/,
    never: '\x01',
  },
  {
    name: 'a title in Latin-1: load/syntax at the byte, not a title with U+FFFD',
    file: 'errors.yaml',
    content: Buffer.from(ERROR.replace('title: A', 'title: Caf\xe9'), 'latin1'),
    finding:
      /^errors\.yaml:4:15: error \[load\/syntax\] errors\.yaml is not UTF-8: the byte here is in another encoding$/m,
    hint: /Save the file as UTF-8 \(most editors: "Save with Encoding"\), or retype the character here\./,
  },
  {
    name: 'a file in UTF-16: load/syntax at 1:1',
    file: 'errors.yaml',
    content: Buffer.from(`\ufeff${ERROR}`, 'utf16le'),
    finding: /^errors\.yaml:1:1: error \[load\/syntax\] errors\.yaml is not UTF-8/m,
    hint: /Save the file as UTF-8/,
  },
  {
    name: 'a list at the top: load/schema, "holds a list"',
    file: 'errors.yaml',
    content: '- code: 1\n  title: A\n',
    finding:
      /^errors\.yaml:1:1: error \[load\/schema\] a catalog must be a mapping .*holds a list$/m,
    hint: /Start from `errcat init`/,
  },
  {
    name: 'tabs as indentation: load/syntax at the tab',
    file: 'errors.yaml',
    content: 'errors:\n\tA:\n\t\tcode: 1\n',
    finding: /^errors\.yaml:2:1: error \[load\/syntax\] Tabs are not allowed as indentation$/m,
    hint: /Indent with spaces, not tabs/,
  },
  {
    name: 'two YAML documents: load/syntax at the second',
    file: 'errors.yaml',
    content: 'errors: {}\n---\nerrors: {}\n',
    finding:
      /^errors\.yaml:2:1: error \[load\/syntax\] a catalog is one YAML document; a second one starts here$/m,
    hint: /Remove this `---` and what follows, or move the second document to its own file/,
  },
  {
    name: 'truncated JSON: load/syntax where it ends, a JSON hint',
    file: 'errors.json',
    content: '{"errors": {"A": {"code": 1,',
    finding: /^errors\.json:1:29: error \[load\/syntax\] /m,
    hint: /Fix the JSON at this position: a bracket, brace, comma or quote is missing or extra/,
  },
  {
    name: '`errors` as a list: load/schema at the list',
    file: 'errors.yaml',
    content: 'errors: []\n',
    finding: /^errors\.yaml:1:9: error \[load\/schema\] `errors`: expected object, got \[\]$/m,
    hint: /The errors, keyed by symbol/,
  },
  {
    name: 'a code that is a string: load/schema at the code',
    file: 'errors.yaml',
    content: ERROR.replace('code: 1', "code: 'one'"),
    finding:
      /^errors\.yaml:3:11: error \[load\/schema\] `errors\.A\.code`: expected integer, got "one"$/m,
    hint: /The numeric code on the wire/,
  },
  {
    name: 'a code past 2^53: load/schema, not a silently rounded code',
    file: 'errors.yaml',
    content: ERROR.replace('code: 1', 'code: 99999999999999999999999'),
    finding:
      /^errors\.yaml:3:11: error \[load\/schema\] `errors\.A\.code`: expected integer to be less or equal to 9007199254740991, got 1e\+23$/m,
    hint: /The numeric code on the wire/,
  },
  {
    name: 'a status of 999: load/schema at the status',
    file: 'errors.yaml',
    content: ERROR.replace('status: 400', 'status: 999'),
    finding:
      /^errors\.yaml:5:13: error \[load\/schema\] `errors\.A\.status`: expected integer to be less or equal to 599, got 999$/m,
    hint: /HTTP status/,
  },
  {
    name: 'a symbol with spaces and punctuation: load/schema at the symbol',
    file: 'errors.yaml',
    content: ERROR.replace('  A:', "  'bad symbol!':"),
    finding:
      /^errors\.yaml:2:3: error \[load\/schema\] unknown property `bad symbol!` in `errors`$/m,
    hint: /Error symbols are UPPER_SNAKE_CASE/,
  },
  {
    name: 'a __proto__ symbol: load/schema at the symbol',
    file: 'errors.yaml',
    content: ERROR.replace('  A:', '  __proto__:'),
    finding: /^errors\.yaml:2:3: error \[load\/schema\] unknown property `__proto__` in `errors`$/m,
    hint: /Error symbols are UPPER_SNAKE_CASE/,
  },
  {
    name: 'an include that is a URL: load/missing-file at the include, nothing fetched',
    file: 'errors.yaml',
    content: 'include: [https://evil.example/x.yaml]\nerrors: {}\n',
    finding:
      /^errors\.yaml:1:11: error \[load\/missing-file\] .*evil\.example\/x\.yaml: file not found$/m,
    hint: /Fix the path in `include`; it is relative to the including file/,
  },
  {
    name: 'an include of its own folder: load/missing-file, "is a directory"',
    file: 'errors.yaml',
    content: 'include: [.]\nerrors: {}\n',
    finding: /^errors\.yaml:1:11: error \[load\/missing-file\] \.: is a directory$/m,
    hint: /Fix the path in `include`/,
  },
  {
    name: 'an include of /etc/passwd: load/include-outside, the file never quoted',
    file: 'errors.yaml',
    content: 'include: [/etc/passwd]\nerrors: {}\n',
    finding:
      /^errors\.yaml:1:11: error \[load\/include-outside\] `include` reaches outside the catalog's folder: "\/etc\/passwd"$/m,
    hint: /Included files must be inside \. \(symlinks resolved\)\. Move the file there/,
    never: 'root:',
  },
]

describe('errcat check: files that are not catalogs', { concurrency: 4 }, () => {
  for (const [i, c] of CASES.entries()) {
    it(c.name, async () => {
      const cwd = await mkdtemp(join(dir, `case-${i}-`))
      await writeFile(join(cwd, c.file), c.content)
      const run = await errcat(['check', c.file], { cwd })
      const output = run.stdout + run.stderr
      assert.equal(run.code, 2, output)
      assert.match(run.stdout, c.finding)
      assert.match(run.stdout, new RegExp(`^  hint: ${c.hint.source}`, 'm'))
      assert.match(run.stdout, /cannot be loaded; 1 error, 0 warnings/)
      assert.doesNotMatch(output, STACK_LINE)
      assert.doesNotMatch(output, /internal error/i)
      if (c.never) assert.ok(!output.includes(c.never), `quotes ${JSON.stringify(c.never)}`)
    })
  }
})
