// Hostile shapes for the man, proto, rst, YAML, TOML and OpenAPI readers,
// and pages that give one code to thousands of entries: each must grow
// linearly with its input. Growth is checked, not time: the best of three
// parses of a 4× larger input may take at most 10× the CPU time (linear is
// about 4×, quadratic 16×; times under 25 ms count as 25), so a loaded
// machine does not fail it.
// Nesting past the stated limit stops with a PageLimitError instead.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Importer } from '../../src/import/find/page.ts'
import { importerFor } from '../../src/import/read/detect.ts'
import { PageLimitError } from '../../src/import/read/limits.ts'

const N = 60_000
const FACTOR = 10

/** The best of three CPU times, in ms: CPU, not wall time, since npm test runs two files at once. */
function best(importer: Importer, text: string): number {
  let fastest = Number.POSITIVE_INFINITY
  for (let k = 0; k < 3; k++) {
    const start = process.cpuUsage()
    try {
      importer.detect(text)
      importer.parse(text)
    } catch (error) {
      if (!(error instanceof PageLimitError)) throw error
    }
    const used = process.cpuUsage(start)
    fastest = Math.min(fastest, (used.user + used.system) / 1000)
  }
  return fastest
}

const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length))

const SHAPES: [string, string, (size: number) => string][] = [
  [
    'man',
    'one item with a huge line',
    (n) => `.Sh ERRORS\n.Bl -tag\n.It Er 1 EX Em "${repeat('a ', n)}"\n`,
  ],
  ['man', 'many quoted items', (n) => `.Sh ERRORS\n.Bl\n${repeat('.It Er 1 EX Em "x\n', n)}`],
  [
    'man',
    'a huge line of escapes',
    (n) => `.TH X 1\n.SH ERRORS\n.TP\n.B EX\n${repeat('\\f(\\', n)}\n`,
  ],
  ['proto', 'unclosed blocks', (n) => `syntax = "proto3";\n${repeat('message A {\n', n)}`],
  [
    'proto',
    'one enum, many values and comments',
    (n) => `enum Error {\n${repeat('// c\nA = 1;\n', n)}}\n`,
  ],
  ['proto', 'a huge comment line', (n) => `enum Error {\n// ${repeat('x', n)}\nA = 1;\n}\n`],
  ['rst', 'a huge grid border', (n) => `T\n=\n\n.. _x:\n\n${repeat('+-', n)}+\n| a |\n`],
  [
    'rst',
    'deep indentation',
    (n) =>
      `T\n=\n\n.. c:macro:: E\n\n${Array.from({ length: Math.sqrt(n) }, (_, i) => `${' '.repeat(i + 1)}x`).join('\n')}\n`,
  ],
  ['rst', 'many directives', (n) => `T\n=\n\n${repeat('.. c:macro:: E_X\n\n    t\n\n', n)}`],
  ['rst', 'a huge simple table', (n) => `T\n=\n\n.. _x:\n\n${repeat('== ', n)}\n`],
  ['yaml', 'a long flow list', (n) => `# c\na: 1\nb:\n  c: [${repeat('1, ', n)}1]\n`],
  [
    'yaml',
    'many keys',
    (n) => `# c\n${Array.from({ length: n / 12 }, (_, i) => `k${i}: ${i}`).join('\n')}\n`,
  ],
  [
    'toml',
    'many tables',
    (n) => Array.from({ length: n / 30 }, (_, i) => `["E:${i}"]\nerror = "x"`).join('\n'),
  ],
  ['toml', 'a long array', (n) => `a = 1\nb = 2\nc = [${repeat('1, ', n)}1]\n`],
  [
    'openapi',
    'a description of many bullets',
    (n) =>
      `openapi: '3.0.0'\npaths:\n  /a:\n    get:\n      responses:\n        '400':\n          description: |-\n${repeat('            * `E_X`: t\n', n)}`,
  ],
  [
    'openapi',
    'a long enum',
    (n) =>
      `openapi: '3.0.0'\ncomponents:\n  schemas:\n    Error:\n      properties:\n        code:\n          enum: [${repeat('E_X, ', n)}E_Y]\n`,
  ],
  // Every row repeats one code with its own message: each is a new entry that
  // the repeat check must not compare with all the rows before it.
  [
    'csv',
    'every row the same code, in one table',
    (n) => `code,message\n${Array.from({ length: n / 12 }, (_, i) => `1,m${i}`).join('\n')}\n`,
  ],
  [
    'markdown',
    'every table the same code',
    (n) =>
      `# Errors\n\n${Array.from({ length: n / 40 }, (_, i) => `| Code | Message |\n|---|---|\n| 1 | m${i} |\n`).join('\n')}`,
  ],
]

describe('the new readers grow linearly on hostile shapes', () => {
  for (const [format, shape, make] of SHAPES) {
    it(`${format}: ${shape}`, () => {
      const importer = importerFor(format)!
      const small = make(N)
      const large = make(4 * N)
      best(importer, small)
      const a = best(importer, small)
      const b = best(importer, large)
      assert.ok(
        b <= FACTOR * Math.max(a, 25),
        `${small.length} chars: ${a.toFixed(0)} ms; ${large.length}: ${b.toFixed(0)} ms`,
      )
    })
  }
})

describe('nesting past the stated limit stops with a PageLimitError', () => {
  for (const [format, text] of [
    ['json', `{"e": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['html', `<table><tr><td>1</td></tr></table>${'<div>'.repeat(100_000)}`],
    ['yaml', `a: ${'{"b": '.repeat(100_000)}\n`],
    ['toml', `a = ${'['.repeat(100_000)}\n`],
    ['openapi', `openapi: '3.0.0'\nx: ${'['.repeat(100_000)}\n`],
  ] as const) {
    it(format, () => {
      assert.throws(
        () => importerFor(format)!.parse(text),
        (e: Error) => e instanceof PageLimitError && /1000 levels/.test(e.message),
      )
    })
  }
})
