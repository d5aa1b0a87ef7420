// `--target client-js`: the client module as JavaScript with its declarations,
// for apps without a TypeScript build and for Node 20, which cannot run `.ts`.
// The CLI writes it for the README's catalog; a plain `.mjs` script, run by
// `node` with no loader, reads the Fastify sample app's errors with it; and
// its `.d.ts` types a parsed error as the TypeScript module does.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { copyFile, readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { createProject, type Project, REPO, runCli } from '../build/project.ts'
import { createApp } from '../http/fixtures/fastify-app.ts'

const SCRIPT = `import { createErrorParser } from '@errcat/runtime/client'
import { allErrors, BAD_TOKEN, envelopeReader } from './errors.client.generated.js'

const parser = createErrorParser({ reader: envelopeReader, errors: allErrors })
const response = await fetch(\`\${process.argv[2]}/sessions\`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-request-id': 'req-js-1' },
  body: JSON.stringify({ token: 'bad_12345678' }),
})
const err = await parser.parse(response)
console.log(JSON.stringify({
  symbol: err?.symbol,
  isBadToken: err?.is('BAD_TOKEN'),
  code: err?.code,
  expected: BAD_TOKEN.code,
  hint: err?.params.hint,
  requestId: err?.requestId,
}))
`

const TYPED = `import { createErrorParser } from '@errcat/runtime/client'
import { allErrors, envelopeReader, type ErrorSymbol } from './errors.client.generated.js'

const parser = createErrorParser({ reader: envelopeReader, errors: allErrors })
export async function hint(response: Response): Promise<string | undefined> {
  const err = await parser.parse(response)
  if (err?.is('BAD_TOKEN')) return err.params.hint
  // @ts-expect-error an unknown symbol
  err?.is('NO_SUCH_ERROR')
  return undefined
}
export const known: ErrorSymbol = 'BAD_TOKEN'
`

describe('the JavaScript client module (--target client-js)', { timeout: 240_000 }, () => {
  let project: Project
  let app: FastifyInstance
  let api = ''

  before(async () => {
    project = await createProject()
    await copyFile(join(REPO, 'test/http/fixtures/errors.yaml'), project.path('errors.yaml'))
    app = await createApp()
    await app.listen({ port: 0, host: '127.0.0.1' })
    api = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  after(async () => {
    await app.close()
    await project.remove()
  })

  it('is written by the CLI with its .d.ts, and holds no TypeScript syntax', async () => {
    const built = runCli(['build', project.path('errors.yaml'), '--target', 'client-js'])
    assert.equal(built.status, 0, built.stderr)
    const js = await readFile(project.path('errors.client.generated.js'), 'utf8')
    const dts = await readFile(project.path('errors.client.generated.d.ts'), 'utf8')
    assert.match(js, /^export const BAD_TOKEN = \{/m)
    assert.doesNotMatch(js, /ErrorInfo|\bas const\b|^export (type|declare|interface)\b/m)
    assert.match(dts, /^export declare const BAD_TOKEN: ErrorInfo<\{/m)
    assert.match(dts, /^export declare const envelopeReader: EnvelopeReader$/m)
  })

  it('runs under plain node and reads a server error back to its symbol, params and request id', async () => {
    await project.write('script.mjs', SCRIPT)
    // No loader and no export condition: the runtime package as an app installs it (dist/).
    const child = spawn(process.execPath, ['script.mjs', api], { cwd: project.dir })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.stderr.on('data', (chunk) => {
      err += chunk
    })
    const code = await new Promise((resolve) => child.on('close', resolve))
    assert.equal(code, 0, err)
    assert.deepEqual(JSON.parse(out), {
      symbol: 'BAD_TOKEN',
      isBadToken: true,
      code: 1001,
      expected: 1001,
      hint: '5678',
      requestId: 'req-js-1',
    })
  })

  it('types parsed errors through its .d.ts as the TypeScript module does', async () => {
    await project.write('typed.ts', TYPED)
    const config = {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'DOM'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: ['typed.ts'],
    }
    await project.write('tsconfig.json', JSON.stringify(config))
    const tsc = join(REPO, 'node_modules/typescript/bin/tsc')
    const typed = spawnSync(process.execPath, [tsc, '-p', project.path('tsconfig.json')], {
      cwd: project.dir,
      encoding: 'utf8',
    })
    assert.equal(typed.status, 0, typed.stdout + typed.stderr)
    await project.write('typed.ts', TYPED.replace(/^\s*\/\/ @ts-expect-error.*\n/m, ''))
    const untyped = spawnSync(process.execPath, [tsc, '-p', project.path('tsconfig.json')], {
      cwd: project.dir,
      encoding: 'utf8',
    })
    // The unknown symbol, one line up once the directive is gone.
    assert.match(untyped.stdout, /typed\.ts\(8,\d+\): error TS2345/)
  })
})
