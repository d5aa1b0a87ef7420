// What `errcat import` tells the user on stderr: per page, which importer
// read it (and, with --explain-detection, every format's score), how many
// entries, what it skipped with file:line; when nothing is found, the shapes
// it tried; and hostile nesting stops with exit 2 and a clear message.
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { errcat, STACK_LINE } from './cli.ts'

let dir = ''
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-import-report-'))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

const RST = `Errors
======

+------+------------------+
| Code | Message          |
+------+------------------+
| 1001 | Token missing    |
+------+------------------+
| 1002 | Token expired    |
+------+------------------+
| 1003 | Token revoked    |
+------+------------------+
| 1004 | Token too long   |
+------+------------------+
| 1005 | Token unsigned   |
+------+------------------+
| ?    | Not a code       |
+------+------------------+
`

describe('errcat import: the report', () => {
  it('says per page which importer read it, how many errors, what it skipped where', async () => {
    const file = join(dir, 'errors.rst')
    await writeFile(file, RST)
    const run = await errcat(['import', file], { cwd: dir })
    assert.equal(run.code, 0, run.stderr)
    assert.match(
      run.stderr,
      new RegExp(
        `errors\\.rst: read as rst \\(detected, score 0\\.\\d\\d[^)]*\\), 5 errors, 1 skipped \\(${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:17\\)`,
      ),
    )
  })

  it('--explain-detection shows every format’s score and the one chosen', async () => {
    const file = join(dir, 'errors.proto')
    await writeFile(
      file,
      'syntax = "proto3";\nenum ErrorCode {\n  // Fine.\n  OK = 0;\n  BAD = 1;\n}\n',
    )
    const run = await errcat(['import', '--explain-detection', file], { cwd: dir })
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stderr, /errors\.proto: detection: proto 0\.95 \(chosen\).*; 0 for .*json/)
    const forced = await errcat(['import', '--explain-detection', '--from', 'proto', file], {
      cwd: dir,
    })
    assert.match(forced.stderr, /detection: not run, --from proto/)
    assert.match(forced.stderr, /read as proto \(--from\), 2 errors/)
  })

  it('a page with nothing found says which shapes were tried', async () => {
    const file = join(dir, 'empty.rst')
    await writeFile(file, 'Errors\n======\n\n.. note:: nothing\n\nJust ``prose``.\n')
    const run = await errcat(['import', file], { cwd: dir })
    assert.equal(run.code, 2)
    assert.match(run.stderr, /found no error codes in .*empty\.rst \(read as rst\)/)
    assert.match(run.stderr, /As rst, errcat looked for grid, simple and list-table tables/)
    assert.match(run.stderr, /empty\.rst:1: no table with a code column/)
  })
})

describe('errcat import: hostile nesting', () => {
  for (const [name, text] of [
    ['deep.json', `{"errors": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['deep.html', `<table><tr><td>1</td></tr></table>\n${'<div>'.repeat(100_000)}`],
  ] as const) {
    it(`${name}: 100,000 levels stop with exit 2 at file:line, no stack trace`, async () => {
      const file = join(dir, name)
      await writeFile(file, text)
      const run = await errcat(['import', file], { cwd: dir })
      assert.equal(run.code, 2, run.stderr)
      assert.match(
        run.stderr,
        new RegExp(`${name.replace('.', '\\.')}:\\d+: nesting deeper than 1000 levels`),
      )
      assert.doesNotMatch(run.stderr, /internal error|Maximum call stack/)
      assert.doesNotMatch(run.stderr, STACK_LINE)
    })
  }

  it('deep YAML and TOML under --from stop the same way', async () => {
    for (const [name, from, text] of [
      ['deep.yaml', 'yaml', `a: ${'['.repeat(100_000)}\n`],
      ['deep.toml', 'toml', `a = ${'['.repeat(100_000)}\n`],
    ] as const) {
      const file = join(dir, name)
      await writeFile(file, text)
      const run = await errcat(['import', '--from', from, file], { cwd: dir })
      assert.equal(run.code, 2, run.stderr)
      assert.match(run.stderr, /:1: nesting deeper than 1000 levels/)
    }
  })
})
