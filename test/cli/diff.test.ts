// The `errcat diff` contract through the real CLI: exit codes (0, 1, 2, and
// --allow-breaking), every output format, git revisions of a repository the
// test creates (includes read from the same revision, nothing checked out),
// and load and usage errors without stack traces.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { errcat, STACK_LINE } from './cli.ts'

const CORPUS = new URL('../diff/corpus/', import.meta.url).pathname

describe('errcat diff, files', { concurrency: 2 }, () => {
  const base = join(CORPUS, 'base.yaml')
  const renumbered = join(CORPUS, 'code-renumbered', 'new.yaml')
  const added = join(CORPUS, 'error-added', 'new.yaml')
  const accepted = join(CORPUS, 'accepted-renumbering', 'new.yaml')

  it('json: breaking changes exit 1, with positions in NEW and semver', async () => {
    const run = await errcat(['diff', base, renumbered, '--format', 'json'], { cwd: CORPUS })
    assert.equal(run.code, 1, run.stderr)
    const result = JSON.parse(run.stdout)
    assert.deepEqual(Object.keys(result), ['breaking', 'compatible', 'semver'])
    assert.equal(result.semver, 'major')
    const [change] = result.breaking
    assert.equal(change.rule, 'code-changed')
    assert.equal(change.error, 'TOKEN_EXPIRED')
    assert.equal(change.file, 'code-renumbered/new.yaml')
    const line = (await readFile(renumbered, 'utf8')).split('\n')[change.line - 1]
    assert.equal(line?.slice(change.column - 1), '1012')
  })

  it('--allow-breaking exits 0; compatible changes exit 0 with minor', async () => {
    const allowed = await errcat(['diff', base, renumbered, '--allow-breaking'], { cwd: CORPUS })
    assert.equal(allowed.code, 0, allowed.stderr)
    assert.match(allowed.stdout, /code-changed/)
    const run = await errcat(['diff', base, added, '-f', 'json'], { cwd: CORPUS })
    assert.equal(run.code, 0)
    assert.equal(JSON.parse(run.stdout).semver, 'minor')
  })

  it('an accepted breaking change exits 0 and says why', async () => {
    const run = await errcat(['diff', base, accepted], { cwd: CORPUS })
    assert.equal(run.code, 0, run.stdout)
    assert.match(run.stdout, /Accepted breaking changes \(1\)/)
    assert.match(run.stdout, /accepted: 1002 collided with the billing service/)
    assert.match(run.stdout, /suggested version bump: major/)
  })

  it('text names file:line:column, the rule, the error and the fix', async () => {
    const run = await errcat(['diff', 'base.yaml', 'code-renumbered/new.yaml'], { cwd: CORPUS })
    assert.equal(run.code, 1)
    assert.match(run.stdout, /code-renumbered\/new\.yaml:\d+:\d+ {2}code-changed {2}TOKEN_EXPIRED/)
    assert.match(run.stdout, /fix: Keep the old code/)
  })

  it('github: workflow annotations on the changed lines', async () => {
    const run = await errcat(['diff', base, renumbered, '-f', 'github'], { cwd: CORPUS })
    assert.equal(run.code, 1)
    assert.match(
      run.stdout,
      /^::error file=code-renumbered\/new\.yaml,line=\d+,col=\d+,title=errcat diff%3A code-changed::TOKEN_EXPIRED was renumbered/m,
    )
  })

  it('markdown: a table per kind; sarif: 2.1.0 with every diff rule', async () => {
    const md = await errcat(['diff', base, renumbered, '-f', 'markdown'], { cwd: CORPUS })
    assert.match(md.stdout, /^### Breaking changes$/m)
    assert.match(
      md.stdout,
      /\| `code-renumbered\/new\.yaml:\d+` \| `code-changed` \| `TOKEN_EXPIRED` \|/,
    )
    const sarif = await errcat(['diff', base, renumbered, '-f', 'sarif'], { cwd: CORPUS })
    const log = JSON.parse(sarif.stdout)
    assert.equal(log.version, '2.1.0')
    const [result] = log.runs[0].results
    assert.equal(result.ruleId, 'code-changed')
    assert.equal(result.level, 'error')
    assert.equal(log.runs[0].tool.driver.rules[result.ruleIndex].id, 'code-changed')
  })

  it('exit 2 on a missing file and on a bad format, never a stack', async () => {
    const missing = await errcat(['diff', base, 'nope.yaml'], { cwd: CORPUS })
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /nope\.yaml:1:1: error \[load\/missing-file\]/)
    assert.doesNotMatch(missing.stderr, STACK_LINE)
    const usage = await errcat(['diff', base, base, '-f', 'yaml'], { cwd: CORPUS })
    assert.equal(usage.code, 2)
    assert.doesNotMatch(usage.stderr, STACK_LINE)
  })
})

describe('errcat diff, git revisions', () => {
  let repo: string
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'errcat test',
        GIT_AUTHOR_EMAIL: 'test@errcat.invalid',
        GIT_COMMITTER_NAME: 'errcat test',
        GIT_COMMITTER_EMAIL: 'test@errcat.invalid',
      },
    })

  before(async () => {
    repo = await mkdtemp(join(tmpdir(), 'errcat-diff-git-'))
    git('init', '--quiet', '--initial-branch=main')
    // A root that includes a service file: the revision's include must be read from the revision.
    await mkdir(join(repo, 'services'))
    const root = await readFile(join(CORPUS, 'base.yaml'), 'utf8')
    const [head, errors] = root.split('errors:\n') as [string, string]
    await writeFile(join(repo, 'errors.yaml'), `${head}include: [services/all.yaml]\n`)
    await writeFile(join(repo, 'services', 'all.yaml'), `errors:\n${errors}`)
    git('add', '.')
    git('commit', '--quiet', '-m', 'catalog')
    // The working tree: a renumbered error in the included file, uncommitted.
    const service = await readFile(join(repo, 'services', 'all.yaml'), 'utf8')
    await writeFile(join(repo, 'services', 'all.yaml'), service.replace('code: 1002', 'code: 1012'))
  })
  after(() => rm(repo, { recursive: true, force: true }))

  it('main:errors.yaml against the working tree names the service file', async () => {
    const run = await errcat(['diff', 'main:errors.yaml', 'errors.yaml', '-f', 'json'], {
      cwd: repo,
    })
    assert.equal(run.code, 1, run.stderr)
    const [change] = JSON.parse(run.stdout).breaking
    assert.equal(change.rule, 'code-changed')
    assert.equal(change.file, join('services', 'all.yaml'))
    assert.equal(change.service, 'services/all.yaml')
    assert.equal(change.old.file, 'main:services/all.yaml')
    assert.equal(git('status', '--porcelain').toString().trim(), 'M services/all.yaml')
  })

  it('two revisions: no change between a commit and itself', async () => {
    const run = await errcat(['diff', 'main:errors.yaml', 'HEAD:errors.yaml'], { cwd: repo })
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /suggested version bump: none/)
  })

  it('an unknown revision or a path not in it exits 2 with a hint', async () => {
    const rev = await errcat(['diff', 'nope:errors.yaml', 'errors.yaml'], { cwd: repo })
    assert.equal(rev.code, 2)
    assert.match(rev.stderr, /unknown revision nope/)
    assert.match(rev.stderr, /hint: /)
    const path = await errcat(['diff', 'main:missing.yaml', 'errors.yaml'], { cwd: repo })
    assert.equal(path.code, 2)
    assert.match(path.stderr, /main:missing\.yaml:1:1: error \[load\/missing-file\]/)
    assert.doesNotMatch(rev.stderr + path.stderr, STACK_LINE)
  })
})
