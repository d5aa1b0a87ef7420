// `errcat build --check` for every target, as CI runs it: a catalog whose
// `build:` section lists all of them, built once by a bare `errcat build`;
// `--check` passes, fails after a catalog edit naming each stale output, and
// passes again after a rebuild.
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { targets } from '../../src/emit/targets.ts'
import { copyShopCatalog, createProject, type Project, runCli } from './project.ts'

const BUILD_SECTION = `
build:
  ts: true
  js: lib/errors.js
  json: true
  docs: site/errors
  markdown: { out: md, split: groups }
  openapi: openapi.errors.yaml
  json-schema: schema/error.schema.json
  locales: public/locales
  client: src/errors.client.generated.ts
  client-js: web/errors.client.js
`

/** Where each target writes, as `--check` names it. */
const OUTPUTS: Record<string, RegExp> = {
  ts: /errors\.generated\.ts is stale/,
  js: /lib\/errors\.d\.ts is stale/,
  json: /errors\.generated\.json is stale/,
  docs: /site\/errors\/index\.html is missing or stale/,
  markdown: /md\/orders\.md is missing or stale/,
  openapi: /openapi\.errors\.yaml is stale/,
  'json-schema': /schema\/error\.schema\.json is stale/,
  locales: /public\/locales\/en\.json is missing or stale/,
  client: /src\/errors\.client\.generated\.ts is stale/,
  'client-js': /web\/errors\.client\.d\.ts is stale/,
}

describe('errcat build --check, every target', { timeout: 180_000 }, () => {
  let project: Project
  let catalog: string

  before(async () => {
    project = await createProject()
    catalog = await copyShopCatalog(project)
    await writeFile(catalog, (await readFile(catalog, 'utf8')) + BUILD_SECTION)
  })
  after(() => project.remove())

  it('covers every target there is', () => {
    assert.deepEqual(Object.keys(OUTPUTS).sort(), targets.map((t) => t.name).sort())
  })

  it('builds every target of the build: section with a bare errcat build', () => {
    const result = runCli(['build', catalog])
    assert.equal(result.status, 0, result.stderr)
    for (const name of Object.keys(OUTPUTS))
      assert.match(result.stdout, new RegExp(`\\(${name}, 12 errors`), name)
  })

  it('--check passes right after', () => {
    const result = runCli(['build', catalog, '--check'])
    assert.equal(result.status, 0, result.stderr)
    // Every target, and the second file (the .d.ts) of js and client-js.
    assert.equal(result.stdout.match(/is up to date/g)?.length, Object.keys(OUTPUTS).length + 2)
  })

  it('--check fails after a catalog edit, naming a stale file of each target', async () => {
    // A reworded message and a new error: what a pull request to a catalog typically holds.
    const original = await readFile(catalog, 'utf8')
    const edited = original
      .replace('Order {orderId} does not exist', 'Order {orderId} was not found')
      .replace(
        '\nbuild:\n',
        '  ORDER_CLOSED:\n    code: 2010\n    title: Order closed\n    message: The order is closed\n\nbuild:\n',
      )
    assert.notEqual(edited, original)
    await writeFile(catalog, edited)
    const result = runCli(['build', catalog, '--check'])
    assert.equal(result.status, 1)
    for (const [name, stale] of Object.entries(OUTPUTS)) assert.match(result.stderr, stale, name)
    assert.match(result.stderr, /hint: regenerate with `errcat build \S+ --target ts,js,json,docs/)
    assert.doesNotMatch(result.stderr, /\n\s+at /)
  })

  it('--check passes again after a rebuild', () => {
    assert.equal(runCli(['build', catalog]).status, 0)
    const result = runCli(['build', catalog, '--check'])
    assert.equal(result.status, 0, result.stderr)
  })
})
