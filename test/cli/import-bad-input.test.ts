// `errcat import` on pages that are broken or not pages at all, run as a child
// process in a temporary folder: what cannot be read stops with exit 2 and a
// message that names the file (and the line, where there is one); what can
// be partly read is imported, each skipped record reported with its line.
// Never a stack trace. test/cli/import-cli.test.ts and import-report.test.ts
// cover unknown kinds, missing files and hostile nesting; docs/bad-input.md
// cites these cases by name.
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { errcat, STACK_LINE } from './cli.ts'

let dir = ''
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-import-bad-'))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

const TABLE = '| Code | Message |\n|---|---|\n| 1001 | Bad token |\n'

interface Case {
  name: string
  /** Files to write (a name ending in `/` is an empty folder). */
  files: Record<string, string | Buffer>
  args: string[]
  exit: 0 | 2
  stderr: RegExp[]
  /** What the draft on stdout must not hold. */
  notInDraft?: string
}

const CASES: Case[] = [
  {
    name: 'an empty file: exit 2, cannot tell what kind of page it is',
    files: { 'empty.md': '' },
    args: ['empty.md'],
    exit: 2,
    stderr: [
      /errcat: cannot tell what kind of page empty\.md is/,
      /hint: errcat reads .* pass --from <format>/,
    ],
  },
  {
    name: 'a binary file: exit 2, cannot tell what kind of page it is',
    files: {
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff]),
    },
    args: ['logo.png'],
    exit: 2,
    stderr: [/errcat: cannot tell what kind of page logo\.png is/],
  },
  {
    name: 'truncated JSON: exit 2, the line and column where it ends',
    files: { 'codes.json': '{"a":' },
    args: ['codes.json'],
    exit: 2,
    stderr: [
      /found no error codes in codes\.json \(read as json\)/,
      /codes\.json:1: not valid JSON at line 1, column 6: unexpected end of input/,
    ],
  },
  {
    name: 'broken TOML under --from toml: exit 2, not valid TOML at its line',
    files: { 'codes.toml': '[[[x\n' },
    args: ['codes.toml', '--from', 'toml'],
    exit: 2,
    stderr: [/codes\.toml:1: not valid TOML at line 1/],
  },
  {
    name: 'broken YAML under --from yaml: exit 2, not valid YAML at its line',
    files: { 'codes.yaml': 'a: [1\nb: {\n' },
    args: ['codes.yaml', '--from', 'yaml'],
    exit: 2,
    stderr: [/codes\.yaml:2: not valid YAML at line 2; nothing imported/],
  },
  {
    name: 'an OpenAPI document without error codes: exit 2, the shapes that were tried',
    files: { 'openapi.yaml': 'openapi: 3.0.0\npaths: 5\n' },
    args: ['openapi.yaml', '--from', 'openapi'],
    exit: 2,
    stderr: [
      /found no error codes in openapi\.yaml \(read as openapi\)/,
      /hint: As openapi, errcat looked for/,
    ],
  },
  {
    name: 'a CSV record with an unclosed quote: that record skipped at its line, the rest imported',
    files: { 'codes.csv': 'code,message\n1,"unterminated\n2,two\n' },
    args: ['codes.csv', '--from', 'csv'],
    exit: 0,
    stderr: [
      /codes\.csv:2: skipped: not valid CSV \(Quote Not Closed/,
      /1 errors, 1 skipped \(codes\.csv:2\)/,
    ],
  },
  {
    // One value that is no exact number makes the field no code column: the page is not guessed at.
    name: 'a code past 2^53 among JSON records: exit 2, the field is not taken for codes',
    files: {
      'codes.json':
        '[{"code": 99999999999999999999, "message": "x"}, {"code": 7, "message": "Seven"}]',
    },
    args: ['codes.json'],
    exit: 2,
    stderr: [
      /codes\.json:1: no field holds error codes \(fields: code, message\); nothing imported/,
    ],
  },
  {
    name: 'NUL bytes in an HTML table: dropped, never written to the draft',
    files: {
      'codes.html':
        '<table><tr><th>Code</th><th>Message</th></tr><tr><td>1\x00</td><td>N\x00ul</td></tr></table>',
    },
    args: ['codes.html', '--from', 'html'],
    exit: 0,
    stderr: [/codes\.html: read as html \(--from\), 1 errors/],
    notInDraft: '\x00',
  },
  {
    name: 'an empty folder: exit 2, says what errcat reads',
    files: { 'nothing/': '' },
    args: ['nothing'],
    exit: 2,
    stderr: [
      /errcat: no error-code page found in nothing/,
      /hint: errcat reads readme-blocks, html/,
    ],
  },
  {
    name: '-o into a folder that does not exist: exit 2, says to create it',
    files: { 'page.md': TABLE },
    args: ['page.md', '-o', 'missing/draft.yaml'],
    exit: 2,
    stderr: [
      /errcat: cannot write missing\/draft\.yaml: its folder does not exist; nothing was written/,
      /hint: Create the folder first, or choose another file with -o\./,
    ],
  },
]

describe('errcat import: broken pages', { concurrency: 4 }, () => {
  for (const [i, c] of CASES.entries()) {
    it(c.name, async () => {
      const cwd = await mkdtemp(join(dir, `case-${i}-`))
      for (const [name, content] of Object.entries(c.files)) {
        if (name.endsWith('/')) await mkdir(join(cwd, name))
        else await writeFile(join(cwd, name), content)
      }
      const run = await errcat(['import', ...c.args], { cwd })
      assert.equal(run.code, c.exit, run.stderr)
      for (const pattern of c.stderr) assert.match(run.stderr, pattern)
      if (c.exit === 2) assert.equal(run.stdout, '')
      else assert.match(run.stdout, /^errors:$/m)
      if (c.notInDraft) assert.ok(!run.stdout.includes(c.notInDraft), run.stdout)
      assert.doesNotMatch(run.stderr, STACK_LINE)
      assert.doesNotMatch(run.stderr, /internal error/i)
    })
  }
})
