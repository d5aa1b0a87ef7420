// `errcat init` as users run it: in a fresh folder, without a terminal (CI,
// scripts), it asks nothing, writes a starter that `errcat check` accepts,
// and never overwrites a file without --force.
import assert from 'node:assert/strict'
import { lstat, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { parse } from 'yaml'
import { errcat, STACK_LINE } from './cli.ts'

let dir = ''
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-init-'))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function folder(name: string): Promise<string> {
  return mkdtemp(join(dir, `${name}-`))
}

describe('errcat init', () => {
  it('writes errors.yaml that passes `errcat check` with no finding', async () => {
    const cwd = await folder('plain')
    const init = await errcat(['init'], { cwd })
    assert.equal(init.code, 0, init.stderr)
    assert.match(init.stderr, /wrote errors\.yaml/)
    const check = await errcat(['check'], { cwd })
    assert.equal(check.code, 0, check.stdout + check.stderr)
    assert.match(check.stdout, /3 errors checked; 0 errors, 0 warnings/)
  })

  it('holds the schema reference, the RFC 9457 envelope and the three starter errors', async () => {
    const cwd = await folder('content')
    await writeFile(join(cwd, 'package.json'), JSON.stringify({ name: '@acme/orders-api' }))
    assert.equal((await errcat(['init'], { cwd })).code, 0)
    const text = await readFile(join(cwd, 'errors.yaml'), 'utf8')
    assert.match(
      text,
      /^# yaml-language-server: \$schema=\.\/node_modules\/errcat\/schema\/errcat\.schema\.json/,
    )
    const catalog = parse(text)
    assert.equal(catalog.$schema, './node_modules/errcat/schema/errcat.schema.json')
    assert.deepEqual(catalog.api, { name: 'orders-api' })
    assert.deepEqual(catalog.envelope, { preset: 'problem' })
    const errors = catalog.errors
    assert.equal(errors.RESOURCE_NOT_FOUND.status, 404)
    assert.deepEqual(Object.keys(errors.RESOURCE_NOT_FOUND.params), ['resource', 'id'])
    assert.equal(errors.VALIDATION_FAILED.validation, true)
    assert.equal(errors.INTERNAL_ERROR.internal, true)
    assert.equal(errors.INTERNAL_ERROR.status, 500)
    assert.equal(errors.INTERNAL_ERROR.retry, 'safe')
  })

  it('takes another file name, --name and --docs, and still checks clean', async () => {
    const cwd = await folder('named')
    const init = await errcat(
      ['init', 'api-errors.yaml', '--name', 'Acme: Orders', '--docs', 'https://acme.dev/errors'],
      { cwd },
    )
    assert.equal(init.code, 0, init.stderr)
    const catalog = parse(await readFile(join(cwd, 'api-errors.yaml'), 'utf8'))
    assert.deepEqual(catalog.api, { name: 'Acme: Orders', docs: 'https://acme.dev/errors' })
    const check = await errcat(['check', 'api-errors.yaml'], { cwd })
    assert.equal(check.code, 0, check.stdout)
  })

  it('refuses to overwrite without --force (exit 2, file untouched), and overwrites with it', async () => {
    const cwd = await folder('exists')
    await writeFile(join(cwd, 'errors.yaml'), 'mine: true\n')
    const refused = await errcat(['init'], { cwd })
    assert.equal(refused.code, 2)
    assert.match(
      refused.stderr,
      /errcat: errors\.yaml already exists; nothing was written\nhint: Pass --force/,
    )
    assert.doesNotMatch(refused.stderr, STACK_LINE)
    assert.equal(await readFile(join(cwd, 'errors.yaml'), 'utf8'), 'mine: true\n')
    const forced = await errcat(['init', '--force'], { cwd })
    assert.equal(forced.code, 0, forced.stderr)
    assert.match(await readFile(join(cwd, 'errors.yaml'), 'utf8'), /INTERNAL_ERROR:/)
  })

  it('does not write through a symlink: refuses it, and with --force replaces the link', async () => {
    const cwd = await folder('symlink')
    const victim = join(cwd, 'victim.txt')
    await writeFile(victim, 'keep me\n')
    await symlink(victim, join(cwd, 'errors.yaml'))
    const refused = await errcat(['init'], { cwd })
    assert.equal(refused.code, 2)
    assert.equal(await readFile(victim, 'utf8'), 'keep me\n')
    const forced = await errcat(['init', '--force'], { cwd })
    assert.equal(forced.code, 0, forced.stderr)
    assert.equal(await readFile(victim, 'utf8'), 'keep me\n')
    assert.equal((await lstat(join(cwd, 'errors.yaml'))).isSymbolicLink(), false)
    assert.deepEqual((await readdir(cwd)).sort(), ['errors.yaml', 'victim.txt'])
  })
})
