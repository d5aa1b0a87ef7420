// `errcat check --source DIR` on a sample project (test/check/source-project):
// the planted unused errors are warnings at their catalog entries, the planted
// unknown references are errors at their place in the sources, node_modules
// and look-alike modules are not counted, a file that does not parse is a
// warning, and a missing folder exits 2.
import assert from 'node:assert/strict'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { errcat, STACK_LINE } from './cli.ts'

const SAMPLE = new URL('../check/source-project/', import.meta.url).pathname

interface Finding {
  rule: string
  severity: string
  message: string
  hint: string
  file: string
  line: number
  column: number
  error?: string
}

/** 1-based line and column of the first `token` after `after` in a file of the project. */
async function positionOf(dir: string, file: string, token: string, after = '') {
  const text = await readFile(join(dir, file), 'utf8')
  const offset = text.indexOf(token, text.indexOf(after))
  const before = text.slice(0, offset).split('\n')
  return { file, line: before.length, column: before.at(-1)!.length + 1 }
}

describe('errcat check --source', () => {
  let dir: string
  let findings: Finding[]
  let code: number | null
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-source-'))
    await cp(SAMPLE, dir, { recursive: true })
    // Installed code refers to errors too, but it is not the project's.
    await mkdir(join(dir, 'src', 'node_modules', 'dep'), { recursive: true })
    await writeFile(
      join(dir, 'src', 'node_modules', 'dep', 'index.ts'),
      "import { NOT_SCANNED } from '../../../errors.generated.ts'\nexport default NOT_SCANNED\n",
    )
    const run = await errcat(['check', 'errors.yaml', '--source', 'src', '--format', 'json'], {
      cwd: dir,
    })
    code = run.code
    findings = JSON.parse(run.stdout)
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('exits 1: unknown references are errors', () => {
    assert.equal(code, 1)
  })

  it('reports the planted unused errors, and only them, at their entries', async () => {
    const unused = findings.filter((f) => f.rule === 'source-unused-error')
    assert.deepEqual(
      unused.map((f) => [f.error, f.severity, f.file, f.line, f.column]),
      [
        [
          'NEVER_THROWN',
          'warning',
          'errors.yaml',
          (await positionOf(dir, 'errors.yaml', '  NEVER_THROWN:')).line,
          3,
        ],
        [
          'ALSO_NEVER_THROWN',
          'warning',
          'errors.yaml',
          (await positionOf(dir, 'errors.yaml', '  ALSO_NEVER_THROWN:')).line,
          3,
        ],
      ],
    )
  })

  it('reports the planted unknown references at their source positions', async () => {
    const unknown = findings
      .filter((f) => f.rule === 'source-unknown-error')
      .map((f) => ({ error: f.error, file: f.file, line: f.line, column: f.column }))
    const expected = [
      {
        error: 'TASKS_EXCEEDED',
        ...(await positionOf(dir, 'src/api/legacy.js', 'TASKS_EXCEEDED')),
      },
      { error: 'TASK_LMIT', ...(await positionOf(dir, 'src/api/legacy.js', "'TASK_LMIT'")) },
      { error: 'TASK_GONE', ...(await positionOf(dir, 'src/api/tasks.tsx', 'TASK_GONE')) },
      {
        error: 'TOKEN_REVOKED',
        ...(await positionOf(dir, 'src/auth.ts', 'TOKEN_REVOKED', 'import { TOKEN_REVOKED')),
      },
    ]
    assert.deepEqual(unknown, expected)
    const typo = findings.find((f) => f.error === 'TASK_LMIT')
    assert.match(typo!.hint, /Did you mean TASK_LIMIT\?/)
  })

  it('a file that does not parse is a warning naming it', () => {
    const parse = findings.filter((f) => f.rule === 'source-parse')
    assert.deepEqual(
      parse.map((f) => [f.file, f.severity]),
      [['src/broken.ts', 'warning']],
    )
  })

  it('a missing folder exits 2 with a hint, never a stack', async () => {
    const run = await errcat(['check', 'errors.yaml', '--source', 'nope'], { cwd: dir })
    assert.equal(run.code, 2)
    assert.match(run.stderr, /--source nope: no such folder/)
    assert.match(run.stderr, /hint: /)
    assert.doesNotMatch(run.stderr, STACK_LINE)
  })
})
