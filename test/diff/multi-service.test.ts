// The Seven Bridges example is one root and a file per service. It must
// compose to the same catalog as a single file holding the same groups and
// errors; a range overlap or a duplicate code across service files is
// reported with both positions; `diff` names the service file of a change.
import assert from 'node:assert/strict'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { parse, stringify } from 'yaml'
import type { CatalogFile } from '../../src/catalog/schema.ts'
import { checkFile } from '../../src/check/check.ts'
import { diffCatalogs } from '../../src/diff/compare.ts'
import { loadSide } from '../../src/diff/source.ts'
import { generateJson } from '../../src/emit/json.ts'

const EXAMPLE = new URL('../../examples/sevenbridges/', import.meta.url).pathname
const SERVICES = ['users', 'projects', 'billing', 'files', 'apps', 'tasks', 'uploads', 'volumes']

/** The root and its includes merged into one document, in include order. */
async function singleFile(root: string): Promise<CatalogFile> {
  const data = parse(await readFile(root, 'utf8')) as CatalogFile
  const single: CatalogFile = { ...data, groups: { ...data.groups }, errors: { ...data.errors } }
  delete single.include
  for (const include of data.include ?? []) {
    const part = parse(await readFile(join(dirname(root), include), 'utf8')) as CatalogFile
    Object.assign(single.groups!, part.groups)
    Object.assign(single.errors!, part.errors)
  }
  return single
}

describe('multi-service catalogs: Seven Bridges', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-services-'))
    await cp(EXAMPLE, join(dir, 'split'), { recursive: true })
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('each service of the page has its own file, owning its range', async () => {
    const side = await loadSide(join(EXAMPLE, 'errors.yaml'), EXAMPLE)
    assert.ok(side.ok)
    const { catalog } = side.side
    for (const service of SERVICES) {
      const group = catalog.groups.find((g) => g.id === service)
      assert.equal(group?.file, `services/${service}.yaml`)
      const own = catalog.errors.filter((e) => e.group === service)
      assert.ok(own.length > 0, service)
      for (const e of own) assert.equal(e.file, `services/${service}.yaml`, e.symbol)
    }
  })

  it('composes to the same catalog as the single file', async () => {
    const single = join(dir, 'single', 'errors.yaml')
    await cp(EXAMPLE, dirname(single), { recursive: true })
    const merged = await singleFile(join(EXAMPLE, 'errors.yaml'))
    await writeFile(single, stringify(merged))
    await rm(join(dirname(single), 'services'), { recursive: true })
    const [split, one] = await Promise.all([
      loadSide(join(EXAMPLE, 'errors.yaml'), EXAMPLE),
      loadSide(single, dirname(single)),
    ])
    assert.ok(split.ok && one.ok)
    assert.equal(one.side.catalog.files.length, 1)
    assert.equal(split.side.catalog.files.length, 10)
    const options = { catalogPath: 'errors.yaml', version: 'test' }
    assert.equal(generateJson(split.side.catalog, options), generateJson(one.side.catalog, options))
    const result = diffCatalogs(one.side, split.side)
    assert.deepEqual([...result.breaking, ...result.compatible], [])
    assert.equal(result.semver, 'none')
  })

  it('check: an overlap and a duplicate code across service files, with both positions', async () => {
    const split = join(dir, 'split')
    const uploads = join(split, 'services', 'uploads.yaml')
    await writeFile(
      uploads,
      (await readFile(uploads, 'utf8'))
        .replace('range: [8000, 8999]', 'range: [8000, 9100]')
        .replace('code: 8001', 'code: 9001'),
    )
    const result = await checkFile(join(split, 'errors.yaml'), { cwd: split })
    assert.equal(result.exitCode, 1)
    const overlap = result.findings.find((f) => f.rule === 'group-range-overlap')
    assert.ok(overlap, JSON.stringify(result.findings.map((f) => f.rule)))
    assert.equal(overlap.file, 'services/volumes.yaml')
    assert.match(overlap.message, /group uploads \(services\/uploads\.yaml:\d+:\d+\)/)
    const duplicate = result.findings.find((f) => f.rule === 'duplicate-code')
    assert.ok(duplicate)
    assert.deepEqual(
      [duplicate.file, duplicate.message.match(/\((services\/\w+\.yaml):\d+:\d+\)/)?.[1]].sort(),
      ['services/uploads.yaml', 'services/volumes.yaml'],
    )
  })

  it('diff names the service file of each change', async () => {
    const changed = join(dir, 'changed')
    await cp(EXAMPLE, changed, { recursive: true })
    const tasks = join(changed, 'services', 'tasks.yaml')
    await writeFile(tasks, (await readFile(tasks, 'utf8')).replace('code: 7002', 'code: 7102'))
    const [a, b] = await Promise.all([
      loadSide(join(EXAMPLE, 'errors.yaml'), EXAMPLE),
      loadSide(join(changed, 'errors.yaml'), changed),
    ])
    assert.ok(a.ok && b.ok)
    const [change] = diffCatalogs(a.side, b.side).breaking
    assert.equal(change?.rule, 'code-changed')
    assert.equal(change.service, 'services/tasks.yaml')
    assert.equal(change.file, 'services/tasks.yaml')
  })
})
