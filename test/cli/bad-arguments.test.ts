// Bad command lines, run as a user runs them (the CLI as a child process, in a
// folder with a valid errors.yaml): each is a usage error with exit code 2,
// a message that names what was wrong and how to go on, and no stack trace.
// docs/bad-input.md cites these cases by name.
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { errcat, STACK_LINE } from './cli.ts'

let dir = ''
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-bad-args-'))
  assert.equal((await errcat(['init'], { cwd: dir })).code, 0)
  await mkdir(join(dir, 'catalogs'))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface Case {
  name: string
  args: string[]
  /** Matched against stderr and stdout together. */
  says: RegExp[]
}

const CASES: Case[] = [
  {
    name: 'an unknown command: exit 2, names it, points at --help',
    args: ['frobnicate'],
    says: [/error: unknown command 'frobnicate'/, /run with --help for usage/],
  },
  {
    name: 'an unknown option: exit 2, names it',
    args: ['check', '--frob'],
    says: [/error: unknown option '--frob'/, /run with --help for usage/],
  },
  {
    name: 'a misspelt option: exit 2, suggests the right one',
    args: ['check', '--hepl'],
    says: [/unknown option '--hepl'/, /Did you mean --help\?/],
  },
  {
    name: 'a missing required argument: exit 2, names it',
    args: ['explain'],
    says: [/error: missing required argument 'id'/],
  },
  {
    name: 'an option without its value: exit 2, names the option',
    args: ['check', 'errors.yaml', '--format'],
    says: [/option '-f, --format <format>' argument missing/],
  },
  {
    name: 'too many arguments: exit 2, says how many are expected',
    args: ['check', 'errors.yaml', 'other.yaml'],
    says: [/too many arguments for 'check'\. Expected 1 argument but got 2/],
  },
  {
    name: 'a port that is not a number: exit 2, says the range',
    args: ['serve', '--port', 'abc'],
    says: [/--port must be a whole number from 0 to 65535, not "abc"/],
  },
  {
    name: 'a port above 65535: exit 2, says the range',
    args: ['serve', '--port', '70000'],
    says: [/--port must be a whole number from 0 to 65535, not "70000"/],
  },
  {
    name: 'a negative port: exit 2, says the range',
    args: ['serve', '--port', '-1'],
    says: [/--port must be a whole number from 0 to 65535, not "-1"/],
  },
  {
    name: 'an unknown import format: exit 2, lists the formats',
    args: ['import', 'page.md', '--from', 'pdf'],
    says: [/argument 'pdf' is invalid\. Allowed choices are readme-blocks, html, markdown/],
  },
  {
    name: 'an unknown draft format: exit 2, lists yaml and json',
    args: ['import', 'page.md', '--format', 'xml'],
    says: [/argument 'xml' is invalid\. Allowed choices are yaml, json/],
  },
  {
    name: 'a misspelt build target: exit 2, lists the targets',
    args: ['build', '--target', 'ts,tss'],
    says: [/unknown target `tss`/, /hint: Targets: ts, js, json, docs/],
  },
  {
    name: 'an empty build target: exit 2, not a build of nothing',
    args: ['build', '--target', ''],
    says: [/errcat: --target names no target/, /hint: Targets: ts, js, json, docs/],
  },
  {
    name: 'an --out path under a file: exit 2, cannot write it, not an internal error',
    args: ['build', '--target', 'ts', '--out', 'errors.yaml/sub/errors.ts'],
    says: [
      /errcat: cannot write errors\.yaml\/sub\/errors\.ts: a part of the path is a file, not a folder/,
      /hint: Choose another output path/,
    ],
  },
  // procfs answers ENOENT to a mkdir under it, on which Node's recursive mkdir spins forever.
  ...(process.platform === 'linux'
    ? [
        {
          name: 'an --out path under /proc: exit 2, never a hang',
          args: ['build', '--target', 'ts', '--out', '/proc/errcat-nope/errors.ts'],
          says: [
            /errcat: cannot write \/proc\/errcat-nope\/errors\.ts: its folder cannot be created there/,
          ],
        },
      ]
    : []),
  {
    name: 'a folder where the catalog file goes: exit 2, names the folder',
    args: ['check', 'catalogs'],
    says: [/catalogs:1:1: error \[load\/missing-file\] catalogs: is a directory/, /errors\.yaml/],
  },
  {
    name: 'the current folder as the catalog: exit 2, names it as .',
    args: ['check', '.'],
    says: [/^\.:1:1: error \[load\/missing-file\] \.: is a directory/m],
  },
  {
    name: 'a missing --source folder: exit 2, says what to pass',
    args: ['check', 'errors.yaml', '--source', 'nope'],
    says: [/--source nope: no such folder/, /hint: Pass the folder that holds your TypeScript/],
  },
  {
    name: 'an explain id the catalog lacks: exit 2, says what ids work',
    args: ['explain', '99999999'],
    says: [/no error "99999999" in errors\.yaml/, /hint: Pass a numeric code, a key or a symbol/],
  },
  {
    name: 'a git revision outside a repository: exit 2, says to pass files',
    args: ['diff', 'main:errors.yaml', 'errors.yaml'],
    says: [/main:errors\.yaml: .* is not inside a git repository/, /pass two catalog files/],
  },
]

describe('errcat: bad command lines', { concurrency: 4 }, () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const run = await errcat(c.args, { cwd: dir })
      const output = run.stderr + run.stdout
      assert.equal(run.code, 2, output)
      for (const pattern of c.says) assert.match(output, pattern)
      assert.doesNotMatch(output, STACK_LINE)
      assert.doesNotMatch(output, /internal error/i)
    })
  }
})
