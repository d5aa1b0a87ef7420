// The two packages as users install them: packed with `npm pack`, installed
// into a sample app from the tarballs. The app depends on the runtime only
// (errcat, the CLI, is a development dependency), so its production tree must
// hold none of errcat's build-time parsers; every subpath either package
// exports must import; and a server built from the generated module answers.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { REPO, SHOP_FIXTURE } from '../build/project.ts'

const RUNTIME = join(REPO, 'packages', 'runtime')

/** What a server must not install: errcat's parsers and its CLI framework. */
const BUILD_TIME = [
  'yaml',
  'parse5',
  'htmlparser2',
  'domhandler',
  'micromark',
  'markdown-it',
  'mdast-util-from-markdown',
  'csv-parse',
  '@formatjs/icu-messageformat-parser',
  'commander',
  '@sinclair/typebox',
  '@babel/parser',
  'errcat',
]

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 240_000 })
  assert.equal(result.status, 0, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}

function pack(folder: string, into: string): string {
  // The tarball holds what `npm test` built (dist/); no scripts run here.
  const out = run('npm', ['pack', '--ignore-scripts', '--pack-destination', into], folder)
  return join(into, out.trim().split('\n').at(-1)!)
}

/** Every subpath a package exports, `*` patterns given one real module. */
async function subpaths(folder: string, name: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'))
  return Object.keys(manifest.exports).map((key: string) =>
    (key === '.' ? name : `${name}/${key.slice(2)}`).replace('*', 'envelope/read-envelope'),
  )
}

describe('installed from packed tarballs', { timeout: 300_000 }, () => {
  let app: string

  before(async () => {
    for (const built of [join(RUNTIME, 'dist/index.js'), join(REPO, 'dist/cli/main.js')])
      assert.ok(existsSync(built), `${built} is missing: npm test builds it (npm run build)`)
    app = await mkdtemp(join(tmpdir(), 'errcat-install-'))
    const runtimeTarball = pack(RUNTIME, app)
    const cliTarball = pack(REPO, app)
    const manifest = {
      name: 'sample-api',
      private: true,
      type: 'module',
      dependencies: { '@errcat/runtime': `file:${runtimeTarball}`, fastify: '^5.0.0' },
      devDependencies: {
        errcat: `file:${cliTarball}`,
        express: '^5.0.0',
        hono: '^4.0.0',
        // The client's integrations import the library they plug into.
        ky: '^1.14.0',
        ofetch: '^1.4.0',
        'openapi-fetch': '>=0.13.0',
      },
      // errcat depends on @errcat/runtime by version: the tarball stands in for the registry.
      overrides: { '@errcat/runtime': '$@errcat/runtime' },
    }
    await writeFile(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    await cp(SHOP_FIXTURE, app, { recursive: true })
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], app)
  })
  after(() => (app ? rm(app, { recursive: true, force: true }) : undefined))

  it('installs none of the build-time parsers for production', () => {
    const tree = JSON.parse(run('npm', ['ls', '--omit=dev', '--all', '--json'], app))
    const names = new Set<string>()
    const walk = (deps: Record<string, { dependencies?: object }> = {}) => {
      for (const [name, node] of Object.entries(deps)) {
        names.add(name)
        walk(node.dependencies as Record<string, { dependencies?: object }>)
      }
    }
    walk(tree.dependencies)
    assert.ok(names.has('@errcat/runtime') && names.has('fastify'), [...names].join(', '))
    for (const name of BUILD_TIME) assert.ok(!names.has(name), `${name} is in the production tree`)
    assert.ok(![...names].some((n) => n.startsWith('micromark') || n.startsWith('@formatjs/')))
  })

  it('imports every subpath of both packages', async () => {
    const specifiers = [
      ...(await subpaths(RUNTIME, '@errcat/runtime')),
      ...(await subpaths(REPO, 'errcat')),
    ]
    const script = specifiers
      .map((s) =>
        s.endsWith('.json')
          ? `await import(${JSON.stringify(s)}, { with: { type: 'json' } })`
          : `await import(${JSON.stringify(s)})`,
      )
      .join('\n')
    await writeFile(
      join(app, 'imports.mjs'),
      `${script}\nconsole.log('imported ${specifiers.length}')\n`,
    )
    assert.match(
      run(process.execPath, ['imports.mjs'], app),
      new RegExp(`imported ${specifiers.length}`),
    )
    assert.ok(specifiers.includes('errcat') && specifiers.includes('@errcat/runtime/fastify'))
  })

  it('builds the module with the installed CLI and answers an error from Fastify', async () => {
    run(
      join(app, 'node_modules', '.bin', 'errcat'),
      ['build', 'errors.yaml', '--target', 'js'],
      app,
    )
    await writeFile(
      join(app, 'server.mjs'),
      [
        "import errcat from '@errcat/runtime/fastify'",
        "import Fastify from 'fastify'",
        "import { BAD_TOKEN, catalog } from './errors.generated.js'",
        'const app = Fastify()',
        'await app.register(errcat, { catalog, telemetry: false })',
        "app.get('/token', async () => { throw BAD_TOKEN({ hint: 'abcd' }) })",
        "await app.listen({ port: 0, host: '127.0.0.1' })",
        "console.log('listening', app.server.address().port)",
      ].join('\n'),
    )
    const server = spawn(process.execPath, ['server.mjs'], { cwd: app })
    try {
      const port = await new Promise<number>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => {
          const match = /listening (\d+)/.exec(String(chunk))
          if (match) resolve(Number(match[1]))
        })
        server.once('exit', (code) => reject(new Error(`the server exited (${code})`)))
      })
      const response = await fetch(`http://127.0.0.1:${port}/token`)
      assert.equal(response.status, 401)
      assert.equal(response.headers.get('content-type'), 'application/problem+json')
      const body = (await response.json()) as { detail: string; code: string }
      assert.equal(body.detail, 'Token abcd is not valid')
      assert.equal(body.code, 'bad_token')
    } finally {
      server.kill()
    }
  })
})
