// The loader reports envelope problems as `load/envelope` findings at the spot
// in the catalog file, down to the character inside an expression.
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { loadCatalog } from '../load/load.ts'

let dir: string
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-envelope-'))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function load(yaml: string) {
  const folder = await mkdtemp(join(dir, 'case-'))
  await writeFile(join(folder, 'errors.yaml'), yaml)
  const { findings } = await loadCatalog(join(folder, 'errors.yaml'), { cwd: folder })
  return findings.filter((f) => f.rule.startsWith('load/'))
}

const ERRORS = `
errors:
  BAD_TOKEN: { code: 1, status: 401, title: Bad token }
`

describe('loader: envelope findings', () => {
  test('a valid envelope adds nothing', async () => {
    const findings = await load(`
envelope:
  status: 200
  errorWhen: body.error != 0
  body:
    error: "{{ error.code }}"
    message: "{{ error.message }}"
${ERRORS}`)
    assert.deepEqual(findings, [])
  })

  test('problems inside expressions point at the character', async () => {
    const findings = await load(`
envelope:
  body:
    error:
      code: "{{ error.cod }}"
      detail: Error {{ error.code | strng }}
${ERRORS}`)
    assert.deepEqual(
      findings.map((f) => [f.rule, f.line, f.column, f.message]),
      [
        ['load/envelope', 5, 17, '`error` has no member `cod`'],
        ['load/envelope', 6, 37, 'unknown filter `strng`'],
      ],
    )
    assert.match(findings[0]!.hint!, /Did you mean `code`\?/)
    assert.equal(findings[0]!.file, 'errors.yaml')
  })

  test('directive problems point at the key or value', async () => {
    const findings = await load(`
envelope:
  body:
    errors:
      $each: error.violations
      as: v
      do: { field: "{{ v.pointer }}" }
    retry:
      $when: error.retryAfter
${ERRORS}`)
    assert.deepEqual(
      findings.map((f) => [f.line, f.message]),
      [
        [7, '`v` has no member `pointer`'],
        [9, 'unknown directive `$when`'],
      ],
    )
  })

  test('a spot the schema already reported is not reported twice', async () => {
    const findings = await load(`
envelope:
  preset: soap
${ERRORS}`)
    assert.equal(findings.filter((f) => f.line === 3).length, 1, JSON.stringify(findings))
  })
})
