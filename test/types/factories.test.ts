// The generated module's types are the contract: a missing or mistyped param,
// a wrong enum literal or an unknown symbol must not compile. A temporary
// project generates the module from a real catalog and runs `tsc --noEmit`
// on code with `// @ts-expect-error` lines: tsc must pass (every expected
// error happens, every correct line compiles), and without the directives
// each of those lines must fail on its own.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdir, symlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { copyShopCatalog, createProject, type Project, REPO, runCli } from '../build/project.ts'

const TSC = join(REPO, 'node_modules/typescript/bin/tsc')

const USAGE = `import type { IncomingMessage } from 'node:http'
import { createErrorHandler } from '@errcat/runtime'
import { errcat as expressErrcat } from '@errcat/runtime/express'
import '@errcat/runtime/fastify'
import { errcat as fetchErrcat } from '@errcat/runtime/fetch'
import { errcat as honoErrcat } from '@errcat/runtime/hono'
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { FastifyReply } from 'fastify'
import type { Context } from 'hono'
import {
  type AnyCatalogError,
  allErrors,
  BAD_TOKEN,
  catalog,
  type CatalogErrors,
  type ErrorCode,
  type ErrorKey,
  type ErrorSymbol,
  FEATURE_OFF,
  INTERNAL,
  isCatalogError,
  ORDER_LIMIT,
  SYSTEM_BUSY,
  TOO_MANY_REQUESTS,
} from './errors.generated.ts'

// Correct uses compile.
const token = BAD_TOKEN({ hint: 'ab12' })
const symbol: 'BAD_TOKEN' = token.symbol
const code: 1001 = token.code
const key: 'bad_token' = token.key
const status: 401 = token.status
const hint: string = token.params.hint
ORDER_LIMIT({ max: 3, count: 5 })
ORDER_LIMIT({ max: 3, count: 5, kind: 'book' }, { cause: new Error('x') })
TOO_MANY_REQUESTS()
TOO_MANY_REQUESTS({ retryAfter: 5 })
INTERNAL()
INTERNAL({ component: 'db' }, { cause: new Error('x') })
FEATURE_OFF({ enabled: true })
SYSTEM_BUSY({ delay: 3 })
const symbols: ErrorSymbol[] = ['BAD_TOKEN', 'FEATURE_OFF']
const codes: ErrorCode[] = [1001, 9000]
const keys: ErrorKey[] = ['bad_token', 'feature_off']
const factory: (typeof allErrors)['BAD_TOKEN'] = BAD_TOKEN
const handler = createErrorHandler(catalog)
// Adapters pass their framework's headers as they come.
declare const nodeRequest: IncomingMessage
handler(new Error('x'), { method: 'GET', path: '/', headers: nodeRequest.headers })
handler(new Error('x'), { method: 'GET', path: '/', headers: new Headers() })
const response: { status: number; headers: Record<string, string>; body: string } = handler(token, {
  method: 'GET',
  path: '/',
  headers: (name: string) => (name === 'x-request-id' ? 'abc' : undefined),
})

export function narrow(e: unknown): number | string | undefined {
  if (isCatalogError(e, 'ORDER_LIMIT')) {
    const kind: 'book' | 'music' | 'other' | undefined = e.params.kind
    return e.params.max + (kind ? 1 : 0)
  }
  if (isCatalogError(e)) {
    const any: AnyCatalogError = e
    switch (any.symbol) {
      case 'BAD_TOKEN':
        return any.params.hint
      case 'SYSTEM_BUSY':
        return any.params.delay
      default:
        return any.code
    }
  }
  return undefined
}
// The adapters' non-throwing paths take an error, or a factory and exactly its arguments.
declare const reply: FastifyReply
declare const req: ExpressRequest
declare const res: ExpressResponse
declare const c: Context
const express = expressErrcat(catalog)
const hono = honoErrcat(catalog)
const fetchErrors = fetchErrcat(catalog)
reply.sendError(TOO_MANY_REQUESTS)
reply.sendError(BAD_TOKEN, { hint: 'ab12' })
reply.sendError(BAD_TOKEN({ hint: 'ab12' }))
reply.sendError(new Error('x') as unknown)
express.send(req, res, ORDER_LIMIT, { max: 3, count: 5 }, { cause: new Error('x') })
hono.respond(c, SYSTEM_BUSY, { delay: 3 })
fetchErrors(TOO_MANY_REQUESTS, new Request('http://x/'), { retryAfter: 5 })

export const used = [symbol, code, key, status, hint, symbols, codes, keys, factory, response]
export type Check = CatalogErrors['BAD_TOKEN']['params']['hint']

// Each of these must be a compile error.
export function misuse(e: unknown) {
  // @ts-expect-error a required param is missing
  BAD_TOKEN({})
  // @ts-expect-error the params argument is missing
  BAD_TOKEN()
  // @ts-expect-error a param has the wrong type
  BAD_TOKEN({ hint: 42 })
  // @ts-expect-error an enum param takes only its declared values
  ORDER_LIMIT({ max: 1, count: 2, kind: 'films' })
  // @ts-expect-error an integer param is a number
  ORDER_LIMIT({ max: '1', count: 2 })
  // @ts-expect-error an unknown param
  BAD_TOKEN({ hint: 'x', extra: 1 })
  // @ts-expect-error an error without params takes options only
  TOO_MANY_REQUESTS({ hint: 'x' })
  // @ts-expect-error a boolean param is not a string
  FEATURE_OFF({ enabled: 'yes' })
  // @ts-expect-error an unknown symbol in the type guard
  isCatalogError(e, 'NO_SUCH_ERROR')
  // @ts-expect-error success codes have no factory
  allErrors.OK
  // @ts-expect-error a factory's required params are required by sendError too
  reply.sendError(BAD_TOKEN)
  // @ts-expect-error and typed as the factory types them
  express.send(req, res, BAD_TOKEN, { hint: 42 })
  // @ts-expect-error an error takes nothing after it
  hono.respond(c, BAD_TOKEN({ hint: 'x' }), { hint: 'x' })
  // @ts-expect-error codes are literal types
  const wrongCode: ErrorCode = 4242
  if (isCatalogError(e, 'BAD_TOKEN')) {
    // @ts-expect-error narrowing gives exactly this error's params
    e.params.delay
  }
  return wrongCode
}
`

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023', 'DOM'],
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

describe('generated types', { timeout: 300_000 }, () => {
  let project: Project

  before(async () => {
    project = await createProject()
    // The frameworks whose types the adapters' declarations use, as an app installs them.
    for (const name of ['fastify', 'express', 'hono', '@types/express']) {
      await mkdir(dirname(project.path('node_modules', name)), { recursive: true })
      await symlink(join(REPO, 'node_modules', name), project.path('node_modules', name), 'dir')
    }
    const catalogFile = await copyShopCatalog(project)
    const built = runCli(['build', catalogFile, '--target', 'ts'])
    assert.equal(built.status, 0, built.stderr)
    await project.write('tsconfig.json', JSON.stringify(TSCONFIG, null, 2))
  })
  after(() => project.remove())

  it('compiles correct uses, and every @ts-expect-error line is an error', async () => {
    await project.write('usage.ts', USAGE)
    const result = tsc(project)
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
    // Line numbers after removal: each directive's next line moves up by the directives before it.
    const expected = directiveLines(USAGE).map((line, i) => line - 1 - i)
    assert.deepEqual(
      [...failing].sort((a, b) => a - b),
      expected,
      result.output,
    )
  })
})
