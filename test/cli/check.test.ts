// The `errcat check` contract, through the real CLI: JSON findings and exit
// codes for a sample of the broken catalogs (all of them run in-process in
// test/check/broken.test.ts), the text and SARIF formats, `--rules`, misuse.
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { allRules } from '../../src/check/rules/index.ts'
import { type Case, observed, readCases } from '../check/cases.ts'
import { errcat, hasColour, STACK_LINE } from './cli.ts'

const SAMPLE = [
  'duplicate-code', // exit 1
  'code-in-foreign-service-range', // a finding in an included file
  'translation-missing', // only a note: exit 0
  'rules-off', // a silenced rule: exit 0
  'rules-severity-override', // a warning raised to error: exit 1
  'load-syntax', // exit 2
  'load-missing-file',
  'load-envelope',
]
const cases = [...readCases('broken'), ...readCases('clean')]
const sample: Case[] = [
  ...SAMPLE.map((name) => cases.find((c) => c.name === name)!),
  cases.find((c) => c.name === 'complete')!,
]

describe('errcat check --format json', { concurrency: 2 }, () => {
  for (const c of sample) {
    it(`${c.name}: exit ${c.exitCode}, findings at the stated places`, async () => {
      const run = await errcat(['check', '--format', 'json', 'errors.yaml'], { cwd: c.dir })
      assert.equal(run.code, c.exitCode, run.stderr)
      assert.equal(run.stderr, '')
      const findings = JSON.parse(run.stdout)
      assert.ok(Array.isArray(findings))
      assert.deepEqual(observed(findings), c.expected)
      for (const f of findings) {
        assert.deepEqual(Object.keys(f), [
          'rule',
          'severity',
          'message',
          'hint',
          'file',
          'line',
          'column',
          'error',
        ])
      }
      const withError = findings.filter(
        (f: { rule: string }) => !f.rule.startsWith('load/') && f.rule !== 'unknown-rule',
      )
      for (const f of withError)
        assert.match(f.error, /^[A-Z][A-Z0-9_]*$/, 'names the error it concerns')
    })
  }
})

describe('errcat check, other formats and options', { concurrency: 2 }, () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-check-'))
    // An error, a warning and a note.
    await writeFile(
      join(dir, 'errors.yaml'),
      [
        'locales: { files: { fr: fr.yaml } }',
        'errors:',
        '  INTERNAL: { code: 1, status: 500, title: Internal error, internal: true }',
        '  A: { code: 10, status: 400, title: A, message: Something failed }',
        '  B: { code: 10, status: 400, title: B, message: Something failed }',
        '',
      ].join('\n'),
    )
    await writeFile(join(dir, 'fr.yaml'), 'INTERNAL: Erreur interne\nA: Échec\nB: Échec aussi\n')
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('text: one clickable line per finding, its hint, a summary; no colour off a TTY', async () => {
    const run = await errcat(['check'], { cwd: dir })
    assert.equal(run.code, 1)
    const lines = run.stdout.trimEnd().split('\n')
    assert.match(
      lines[0]!,
      /^errors\.yaml:5:14: error \[duplicate-code\] code 10 of B is already used by A/,
    )
    assert.match(lines[1]!, /^ {2}hint: /)
    assert.ok(lines.some((l) => /^errors\.yaml:5:\d+: warning \[identical-messages\] B/.test(l)))
    assert.equal(lines.at(-1), 'errors.yaml: 3 errors checked; 1 error, 1 warning')
    assert.ok(!hasColour(run.stdout))
  })

  it('sarif: a valid SARIF 2.1.0 log', async () => {
    const run = await errcat(['check', '--format', 'sarif'], { cwd: dir })
    assert.equal(run.code, 1)
    const log = JSON.parse(run.stdout)
    assert.equal(log.version, '2.1.0')
    assert.match(log.$schema, /sarif-2\.1\.0/)
    assert.equal(log.runs.length, 1)
    const { driver } = log.runs[0].tool
    assert.equal(driver.name, 'errcat')
    const ids = driver.rules.map((r: { id: string }) => r.id)
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique')
    for (const rule of allRules()) assert.ok(ids.includes(rule.id), `rules lists ${rule.id}`)
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text && rule.help.text)
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level))
    }
    const results = log.runs[0].results
    assert.deepEqual(
      results.map((r: { ruleId: string; level: string }) => `${r.ruleId}:${r.level}`).sort(),
      ['duplicate-code:error', 'identical-messages:warning'],
    )
    for (const result of results) {
      assert.equal(driver.rules[result.ruleIndex].id, result.ruleId)
      assert.ok(result.message.text.length > 0)
      const { physicalLocation } = result.locations[0]
      assert.equal(physicalLocation.artifactLocation.uri, 'errors.yaml')
      assert.equal(physicalLocation.region.startLine, 5)
      assert.ok(physicalLocation.region.startColumn > 1)
      assert.equal(result.properties.error, 'B')
    }
  })

  it('--rules lists every rule with its severity and fix', async () => {
    const run = await errcat(['check', '--rules'], { cwd: dir })
    assert.equal(run.code, 0)
    for (const rule of allRules()) {
      assert.ok(run.stdout.includes(`${rule.id} (${rule.severity})`), `lists ${rule.id}`)
    }
    assert.match(run.stdout, /fix: /)
  })

  it('an unknown format is a usage error: exit 2, the choices, no stack', async () => {
    const run = await errcat(['check', '--format', 'xml'], { cwd: dir })
    assert.equal(run.code, 2)
    assert.match(run.stderr, /text, json, sarif/)
    assert.doesNotMatch(run.stderr, STACK_LINE)
  })

  it('no catalog here: exit 2, says which file and what to do', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'errcat-empty-'))
    try {
      const run = await errcat(['check'], { cwd: empty })
      assert.equal(run.code, 2)
      assert.match(
        run.stdout,
        /errors\.yaml:1:1: error \[load\/missing-file\] errors\.yaml: file not found/,
      )
      assert.match(run.stdout, /errcat init/)
      assert.doesNotMatch(run.stdout + run.stderr, STACK_LINE)
    } finally {
      await rm(empty, { recursive: true, force: true })
    }
  })
})
