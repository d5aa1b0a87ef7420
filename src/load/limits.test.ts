// What the loader refuses to do with a hostile catalog: expand alias bombs,
// recurse without bound, or read (and quote) files outside the catalog's folder.
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { loadCatalog } from './load.ts'

const CATALOG =
  'api: { name: Demo }\nerrors:\n  NOT_FOUND: { code: 1, status: 404, title: Not found }\n'
const SECRET = 'db_password=hunter2-s3cr3t'

let dir: string
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-limits-'))
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function load(name: string, text: string, allowOutside?: boolean) {
  const path = join(dir, name)
  await mkdir(join(path, '..'), { recursive: true })
  await writeFile(path, text)
  return loadCatalog(path, { cwd: dir, allowOutside })
}

const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule)

describe('loading limits', () => {
  it('stops at an alias bomb with a finding that points at the first alias', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 10; i++)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`)
    const { catalog, findings } = await load('bomb/errors.yaml', `${lines.join('\n')}\n`)
    assert.equal(catalog, undefined)
    assert.deepEqual(rules(findings), ['load/limit'])
    assert.match(findings[0]!.message, /aliases expand/)
    assert.deepEqual([findings[0]!.line, findings[0]!.column], [2, 10])
  })

  it('stops at an alias inside the collection its anchor names, which would contain itself', async () => {
    // The envelope's template parser recursed through it until the stack ran out.
    for (const [text, column] of [
      ['envelope: { body: &a { x: *a } }\n', 27],
      ['envelope: { body: { a: &a [1, *a] } }\n', 31],
      ['api: &a { name: *a }\n', 17],
    ] as const) {
      const { catalog, findings } = await load('cycle/errors.yaml', `${text}${CATALOG}`)
      assert.equal(catalog, undefined)
      assert.deepEqual(rules(findings), ['load/limit'])
      assert.match(findings[0]!.message, /contain itself/)
      assert.deepEqual([findings[0]!.line, findings[0]!.column], [1, column])
    }
  })

  it('keeps ordinary anchors and aliases working', async () => {
    const { catalog, findings } = await load(
      'anchors/errors.yaml',
      'api: { name: Demo }\nerrors:\n  A: { code: 1, status: 404, title: &title Not found }\n  B: { code: 2, status: 404, title: *title }\n',
    )
    assert.deepEqual(rules(findings), [])
    assert.equal(catalog?.errors.length, 2)
  })

  for (const [what, text] of [
    ['50,000 nested flow sequences', `errors: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`],
    ['50,000 nested flow mappings', `errors: ${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}\n`],
    [
      '3,000 levels of block indentation',
      `errors:\n${Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i + 1)}a:\n`).join('')}`,
    ],
  ] as const) {
    it(`reports ${what} as a limit, not a crash`, async () => {
      const { catalog, findings } = await load('deep/errors.yaml', text)
      assert.equal(catalog, undefined)
      assert.deepEqual(rules(findings), ['load/limit'])
      assert.match(findings[0]!.message, /nest deeper than errcat reads/)
      assert.ok(findings[0]!.line >= 1 && findings[0]!.column >= 1)
    })
  }

  it('refuses an include outside the catalog folder, and never quotes the file', async () => {
    await writeFile(join(dir, 'secret.txt'), `${SECRET}\n`)
    // A load/ finding: every command stops on it (exit 2).
    const { findings } = await load('service/errors.yaml', `${CATALOG}include: [../secret.txt]\n`)
    assert.deepEqual(rules(findings), ['load/include-outside'])
    assert.deepEqual([findings[0]!.file, findings[0]!.line], ['service/errors.yaml', 4])
    assert.ok(!JSON.stringify(findings).includes('hunter2'))
  })

  it('refuses a symlink inside the folder that points outside it', async () => {
    await mkdir(join(dir, 'linked'), { recursive: true })
    await symlink(join(dir, 'secret.txt'), join(dir, 'linked', 'users.yaml'))
    const { findings } = await load('linked/errors.yaml', `${CATALOG}include: [users.yaml]\n`)
    assert.deepEqual(rules(findings), ['load/include-outside'])
    assert.ok(!JSON.stringify(findings).includes('hunter2'))
  })

  it('reads outside files when allowed, still without quoting one that is not a catalog', async () => {
    const { findings } = await load(
      'allowed/errors.yaml',
      `${CATALOG}include: [../secret.txt]\n`,
      true,
    )
    assert.deepEqual(rules(findings), ['load/schema'])
    assert.match(findings[0]!.message, /this file holds text/)
    assert.ok(!JSON.stringify(findings).includes('hunter2'))
  })

  it('follows includes in subfolders and symlinks that stay inside', async () => {
    await mkdir(join(dir, 'inside', 'services'), { recursive: true })
    await writeFile(
      join(dir, 'inside', 'services', 'users.yaml'),
      'errors:\n  USER_GONE: { code: 2, status: 410, title: Gone }\n',
    )
    await symlink(join(dir, 'inside', 'services', 'users.yaml'), join(dir, 'inside', 'alias.yaml'))
    const nested = await load('inside/errors.yaml', `${CATALOG}include: [services/users.yaml]\n`)
    assert.deepEqual(rules(nested.findings), [])
    assert.equal(nested.catalog?.errors.length, 2)
    const linked = await load('inside/linked.yaml', `${CATALOG}include: [alias.yaml]\n`)
    assert.deepEqual(rules(linked.findings), [])
  })
})
