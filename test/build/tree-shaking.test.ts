// The generated module is tree-shakable: a bundle that uses three errors of
// a 10,000-error catalog carries those three definitions and the runtime
// they need, nothing else.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { build } from 'esbuild'
import { generateTypeScript } from '../../src/emit/typescript.ts'
import { loadCatalog } from '../../src/load/load.ts'
import { createProject, type Project } from './project.ts'

const COUNT = 10_000
const USED = [1, 5_000, 9_999]

function bigCatalog(): string {
  const lines = ['api:\n  name: Big API\n  docs: https://docs.big.example/errors', 'errors:']
  for (let i = 1; i <= COUNT; i++) {
    lines.push(
      `  E_${i}:`,
      `    code: ${100_000 + i}`,
      `    status: ${i % 10 === 0 ? 500 : 400}`,
      `    title: Unique title ${i}`,
      `    message: 'Unique message {value} of error ${i}'`,
      '    params:',
      '      value:',
      '        type: string',
    )
  }
  return `${lines.join('\n')}\n`
}

async function bundle(project: Project, entry: string): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: project.dir, loader: 'ts' },
    absWorkingDir: project.dir,
    bundle: true,
    treeShaking: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    // Resolve `errcat/runtime` to the sources, as the repo's own tests do.
    conditions: ['errcat-source'],
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

const titlesIn = (code: string) => (code.match(/Unique title \d+/g) ?? []).sort()

describe('tree-shaking of the generated module', { timeout: 120_000 }, () => {
  let project: Project
  let moduleSize = 0

  before(async () => {
    project = await createProject()
    const file = await project.write('errors.yaml', bigCatalog())
    const { catalog, findings } = await loadCatalog(file)
    assert.deepEqual(findings, [])
    const code = generateTypeScript(catalog!, { catalogPath: 'errors.yaml', version: 'test' })
    moduleSize = code.length
    await project.write('errors.generated.ts', code)
  })
  after(() => project.remove())

  it('keeps only the three errors a bundle uses, out of 10,000', async () => {
    const output = await bundle(
      project,
      `import { ${USED.map((i) => `E_${i}`).join(', ')} } from './errors.generated.ts'
       export const thrown = [${USED.map((i) => `E_${i}({ value: 'v' })`).join(', ')}]`,
    )
    assert.deepEqual(titlesIn(output), USED.map((i) => `Unique title ${i}`).sort())
    for (const unused of [2, 4_999, 5_001, 9_998, 10_000])
      assert.ok(!output.includes(`of error ${unused}'`) && !output.includes(`E_${unused}"`))
    // The runtime those three need (CatalogError, message formatting) and their definitions.
    assert.ok(output.length < 8_000, `bundle is ${output.length} bytes`)
    assert.ok(moduleSize > 3_000_000, `the module itself is ${moduleSize} bytes`)
  })

  it('tree-shakes a namespace import used as `errors.X(...)` too', async () => {
    const output = await bundle(
      project,
      `import * as errors from './errors.generated.ts'
       export const thrown = errors.E_42({ value: 'v' })`,
    )
    assert.deepEqual(titlesIn(output), ['Unique title 42'])
  })

  it('bundles every error when `allErrors` is imported, which is why it is a separate export', async () => {
    const output = await bundle(
      project,
      `import { allErrors } from './errors.generated.ts'
       export const factories = allErrors`,
    )
    assert.equal(titlesIn(output).length, COUNT)
  })

  it('brings only the internal and validation errors along with the runtime catalog', async () => {
    await project.write(
      'small.yaml',
      `api: { name: Small }
errors:
  BOOM: { code: 1, status: 500, title: Unique title boom, internal: true }
  BAD: { code: 2, status: 400, title: Unique title bad, validation: true }
  OTHER: { code: 3, status: 404, title: Unique title other }
`,
    )
    const { catalog } = await loadCatalog(project.path('small.yaml'))
    await project.write(
      'small.generated.ts',
      generateTypeScript(catalog!, { catalogPath: 'small.yaml', version: 'test' }),
    )
    const output = await bundle(
      project,
      `import { createErrorHandler } from '@errcat/runtime'
       import { catalog } from './small.generated.ts'
       export const handle = createErrorHandler(catalog)`,
    )
    assert.match(output, /Unique title boom/)
    assert.match(output, /Unique title bad/)
    assert.doesNotMatch(output, /Unique title other/)
  })
})
