// docs/bad-input.md cannot drift from the tests: every row names a test file
// that exists and a test name (with its case, for a name built from a
// template) that the file holds, and the table keeps at least 60 rows spread
// over its six areas. What each test checks is the answer column's business;
// that the test still exists under that name is this file's.
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

const REPO = fileURLToPath(new URL('../../', import.meta.url))
const PAGE = join(REPO, 'docs/bad-input.md')

const AREAS = [
  'CLI arguments',
  'Catalogs',
  'Importers',
  'Server requests',
  'Upstream bodies',
  'Client responses',
]

interface Row {
  line: number
  area: string
  input: string
  answer: string
  file: string
  name: string
  case?: string
}

/** The cells of a table line; `\|` is a pipe inside a cell. */
function cells(line: string): string[] {
  return line
    .slice(1, line.endsWith('|') ? -1 : undefined)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll('\\|', '|'))
}

// `file` › name, or `file` › name — case “text”
const TEST_CELL = /^`([^`]+)` › (.+?)(?: — case “(.+)”)?$/

function rowsOf(text: string): Row[] {
  const rows: Row[] = []
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.startsWith('|') || /^\|[\s|:-]+\|$/.test(line)) continue
    const [area, input, answer, test, ...rest] = cells(line)
    if (area === 'Area') continue
    assert.equal(rest.length, 0, `line ${i + 1}: four cells, not ${4 + rest.length}`)
    const cited = TEST_CELL.exec(test ?? '')
    assert.ok(cited, `line ${i + 1}: the test cell reads \`file\` › name: ${test}`)
    rows.push({
      line: i + 1,
      area: area!,
      input: input!,
      answer: answer!,
      file: cited[1]!,
      name: cited[2]!,
      ...(cited[3] ? { case: cited[3] } : {}),
    })
  }
  return rows
}

/** What a cited file must hold for the name to be a test in it. */
function problemWith(row: Row): string | undefined {
  const path = join(REPO, row.file)
  if (!existsSync(path)) return `${row.file} does not exist`
  const text = readFileSync(path, 'utf8')
  // A broken catalog runs under `folder: first line` in test/check/broken.test.ts.
  const brokenCase = /^test\/check\/(broken|clean)\/[^/]+\/errors\.yaml$/.test(row.file)
  if (brokenCase) {
    const expected = `${basename(dirname(row.file))}: ${text.split('\n')[0]!.replace(/^# /, '')}`
    return row.name === expected ? undefined : `the case runs as "${expected}", not "${row.name}"`
  }
  if (!row.file.endsWith('.test.ts')) return `${row.file} is not a test file`
  if (!text.includes(row.name)) return `${row.file} has no test named "${row.name}"`
  if (row.name.includes('${') && !row.case)
    return `"${row.name}" is a template: name the case (— case “…”)`
  if (row.case && !text.includes(row.case)) return `${row.file} has no case "${row.case}"`
  return undefined
}

describe('docs/bad-input.md', () => {
  const rows = rowsOf(readFileSync(PAGE, 'utf8'))

  it('has at least 60 rows, at least 8 in each of the six areas', () => {
    assert.ok(rows.length >= 60, `${rows.length} rows`)
    for (const area of AREAS) {
      const count = rows.filter((r) => r.area === area).length
      assert.ok(count >= 8, `${area}: ${count} rows`)
    }
    const unknown = rows.filter((r) => !AREAS.includes(r.area)).map((r) => `${r.line}: ${r.area}`)
    assert.deepEqual(unknown, [], 'rows in no known area')
  })

  it('says, for every row, what the input was and what errcat answers', () => {
    for (const row of rows) {
      assert.ok(row.input.length >= 5, `line ${row.line}: the bad input`)
      assert.ok(row.answer.length >= 5, `line ${row.line}: the answer`)
    }
    const inputs = rows.map((r) => `${r.area}: ${r.input}`)
    const repeated = inputs.filter((input, i) => inputs.indexOf(input) !== i)
    assert.deepEqual(repeated, [], 'a bad input listed twice')
  })

  it('cites, in every row, a test file that exists and holds the named test', () => {
    const problems = rows.flatMap((row) => {
      const problem = problemWith(row)
      return problem ? [`line ${row.line}: ${problem}`] : []
    })
    assert.deepEqual(problems, [])
  })

  it('catches a row whose test is gone, renamed or missing its case', () => {
    const table = (test: string) =>
      `| Area | Bad input | What errcat answers | Test |\n|---|---|---|---|\n| Catalogs | an input | an answer | ${test} |\n`
    const [gone] = rowsOf(table('`test/cli/nope.test.ts` › anything'))
    assert.match(problemWith(gone!) ?? '', /does not exist/)
    const [renamed] = rowsOf(table('`test/cli/bad-catalogs.test.ts` › an empty file, renamed'))
    assert.match(problemWith(renamed!) ?? '', /has no test named/)
    // The name of a test built from a template, as the table cites it: `${what}` and all.
    const templated = `turns ${'$'}{what} into the HTTP-layer 502, without a business code`
    const [template] = rowsOf(table(`\`test/http/gateway.test.ts\` › ${templated}`))
    assert.match(problemWith(template!) ?? '', /is a template/)
    const [wrongCase] = rowsOf(
      table(`\`test/http/gateway.test.ts\` › ${templated} — case “a teapot”`),
    )
    assert.match(problemWith(wrongCase!) ?? '', /has no case "a teapot"/)
    const [broken] = rowsOf(
      table('`test/check/broken/load-syntax/errors.yaml` › load-syntax: other'),
    )
    assert.match(problemWith(broken!) ?? '', /runs as "load-syntax: /)
    assert.throws(() => rowsOf(table('test/cli/check.test.ts without backticks')), /the test cell/)
  })
})
