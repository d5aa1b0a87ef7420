// The client module's types are the contract: a parsed error narrowed with
// `err.is(symbol)` has exactly that error's params; an unknown symbol, a param
// of another error or a mistyped one must not compile. Same method as
// factories.test.ts: a temporary project, `errcat build --target client`,
// `tsc --noEmit` with `// @ts-expect-error` lines, then without them.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { copyShopCatalog, createProject, type Project, REPO, runCli } from '../build/project.ts'

const TSC = join(REPO, 'node_modules/typescript/bin/tsc')

/** The first TypeScript block under a heading of docs/client.md. */
function docsSample(heading: string): string {
  const docs = readFileSync(join(REPO, 'docs/client.md'), 'utf8')
  const section = docs.split(`\n## ${heading}\n`)[1] ?? ''
  const block = /```ts\n([\s\S]*?)```/.exec(section)
  assert.ok(block, `docs/client.md has no ts block under "${heading}"`)
  return block[1]!
}

const USAGE = `import { createErrorParser, type ParsedError } from '@errcat/runtime/client'
import {
  allErrors,
  BAD_TOKEN,
  envelopeReader,
  type ErrorSymbol,
  ORDER_LIMIT,
} from './errors.client.generated.ts'

const parser = createErrorParser({ reader: envelopeReader, errors: allErrors })
const few = createErrorParser({ reader: envelopeReader, errors: { BAD_TOKEN, ORDER_LIMIT } })

// Correct uses compile.
export async function handle(response: Response): Promise<string | number | undefined> {
  const err = await parser.parse(response)
  if (!err) return undefined
  if (err.is('BAD_TOKEN')) {
    const hint: string = err.params.hint
    const symbol: 'BAD_TOKEN' = err.symbol
    const code: 1001 = err.code
    return hint + symbol + code
  }
  if (err.is('ORDER_LIMIT')) {
    const kind: 'book' | 'music' | 'other' | undefined = err.params.kind
    return err.params.max + err.params.count + (kind ? 1 : 0)
  }
  if (err.known) return err.symbol
  const reason: string = err.reason
  return reason + err.status + err.text + (err.code ?? '') + (err.requestId ?? '')
}
export function subset(err: NonNullable<ReturnType<typeof few.parseAnswer>>) {
  if (err.is('ORDER_LIMIT')) return err.params.max
  return err.message
}
export const symbols: ErrorSymbol[] = ['BAD_TOKEN', 'FEATURE_OFF']
export function thrown(e: ParsedError) {
  return e.symbol
}

// Each of these must be a compile error.
export async function misuse(response: Response) {
  const err = await parser.parse(response)
  // @ts-expect-error the error may be undefined (a success)
  err.status
  if (!err) return
  // @ts-expect-error an unknown symbol
  err.is('NO_SUCH_ERROR')
  // @ts-expect-error params are not narrowed before is()
  err.params.hint
  if (err.is('BAD_TOKEN')) {
    // @ts-expect-error narrowing gives exactly this error's params
    err.params.max
    // @ts-expect-error a string param is a string
    const wrong: number = err.params.hint
    return wrong
  }
  const fewErr = few.parseAnswer({ status: 400, body: '' })
  // @ts-expect-error a parser given two errors knows only those
  fewErr?.is('SYSTEM_BUSY')
  // @ts-expect-error success codes have no client data
  allErrors.OK
  return undefined
}
`

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    customConditions: ['errcat-source'],
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    typeRoots: [join(REPO, 'node_modules/@types')],
    types: ['node'],
  },
  files: ['usage.ts'],
}

function tsc(project: Project) {
  const result = spawnSync(process.execPath, [TSC, '-p', project.path('tsconfig.json')], {
    cwd: project.dir,
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, output: result.stdout + result.stderr }
}

const directiveLines = (source: string) =>
  source.split('\n').flatMap((line, i) => (line.includes('@ts-expect-error') ? [i + 2] : []))

describe('client module types', { timeout: 300_000 }, () => {
  let project: Project

  before(async () => {
    project = await createProject()
    const catalogFile = await copyShopCatalog(project)
    const built = runCli(['build', catalogFile, '--target', 'client'])
    assert.equal(built.status, 0, built.stderr)
    await project.write('tsconfig.json', JSON.stringify(TSCONFIG, null, 2))
  })
  after(() => project.remove())

  it('compiles correct uses, and every @ts-expect-error line is an error', async () => {
    await project.write('usage.ts', USAGE)
    const result = tsc(project)
    assert.equal(result.status, 0, result.output)
  })

  it("compiles docs/client.md's browser app and Node script against the shop catalog", async () => {
    await project.write('app.ts', docsSample('A browser app'))
    await project.write('sync.ts', docsSample('A Node script'))
    const config = { ...TSCONFIG, files: ['app.ts', 'sync.ts'] }
    await project.write('tsconfig.json', JSON.stringify(config, null, 2))
    const result = tsc(project)
    await project.write('tsconfig.json', JSON.stringify(TSCONFIG, null, 2))
    assert.equal(result.status, 0, result.output)
  })

  it('fails on each of those lines once the directives are removed', async () => {
    const source = USAGE.replace(/^\s*\/\/ @ts-expect-error.*\n/gm, '')
    await project.write('usage.ts', source)
    const result = tsc(project)
    assert.notEqual(result.status, 0)
    const failing = new Set(
      [...result.output.matchAll(/usage\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1])),
    )
    const expected = directiveLines(USAGE).map((line, i) => line - 1 - i)
    assert.deepEqual(
      [...failing].sort((a, b) => a - b),
      expected,
      result.output,
    )
  })
})
