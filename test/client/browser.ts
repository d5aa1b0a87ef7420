// errcat/client in Chromium, in a page and in a module Web Worker: the
// README's client sample (test/http/fixtures/client-app.ts), bundled by
// esbuild as a browser app ships it, signs in against the README's Fastify
// app, which also serves the page. Registered by test/docs/docs-browser.test.ts
// so that the browser tests share one Chromium.
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { build } from 'esbuild'
import type { FastifyInstance } from 'fastify'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { REPO } from '../build/project.ts'
import { createApp } from '../http/fixtures/fastify-app.ts'

const FIXTURES = join(REPO, 'test/http/fixtures')

const PAGE_ENTRY = `import { signIn } from './client-app.ts'
globalThis.signIn = signIn`

const WORKER_ENTRY = `import { signIn } from './client-app.ts'
self.onmessage = async (event) => {
  try {
    self.postMessage(await signIn(...event.data))
  } catch (error) {
    self.postMessage(\`thrown: \${error}\`)
  }
}`

const HTML = '<!doctype html><title>client</title><script type="module" src="app.js"></script>'

async function bundle(entry: string): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: FIXTURES, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['errcat-source'],
    nodePaths: [join(REPO, 'node_modules')],
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

/** The answers of the README's sample: a session, then each failure as the app reads it. */
const CASES: Array<[token: string, answer: RegExp]> = [
  ['tok_12345678', /^sess_1$/],
  ['bad_12345678', /^Token …5678 is not valid \(.{8,}\)$/],
  ['short', /^\/token$/],
]

export function describeClientInBrowser(getBrowser: () => Browser): void {
  describe('errcat/client in Chromium', () => {
    let app: FastifyInstance
    let context: BrowserContext
    let page: Page
    const pageErrors: string[] = []

    before(async () => {
      const [pageCode, workerCode] = await Promise.all([bundle(PAGE_ENTRY), bundle(WORKER_ENTRY)])
      app = await createApp()
      const js = 'text/javascript; charset=utf-8'
      app.get('/client/', (_, reply) => reply.type('text/html; charset=utf-8').send(HTML))
      app.get('/client/app.js', (_, reply) => reply.type(js).send(pageCode))
      app.get('/client/worker.js', (_, reply) => reply.type(js).send(workerCode))
      await app.listen({ port: 0, host: '127.0.0.1' })
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
      context = await getBrowser().newContext()
      page = await context.newPage()
      page.on('pageerror', (e) => pageErrors.push(e.message))
      await page.goto(`${url}/client/`)
      await page.waitForFunction(() => 'signIn' in globalThis)
    })
    after(async () => {
      await context?.close()
      await app?.close()
    })

    it('reads each answer of the API in a page, retrying fetch included', async () => {
      for (const [token, answer] of CASES) {
        const got = await page.evaluate(
          ([token]) =>
            (globalThis as unknown as { signIn: (a: string, t: string) => Promise<string> }).signIn(
              location.origin,
              token!,
            ),
          [token],
        )
        assert.match(got, answer, token)
      }
      assert.deepEqual(pageErrors, [])
    })

    it('reads the same answers in a module Web Worker', async () => {
      // As a string: the test's own code is compiled with helpers that the page lacks.
      const answers: string[] = await page.evaluate(`(async (tokens) => {
        const worker = new Worker('worker.js', { type: 'module' })
        const out = []
        for (const token of tokens) {
          out.push(await new Promise((resolve) => {
            worker.onmessage = (event) => resolve(String(event.data))
            worker.onerror = (event) => resolve('worker error: ' + event.message)
            worker.postMessage([location.origin, token])
          }))
        }
        worker.terminate()
        return out
      })(${JSON.stringify(CASES.map(([token]) => token))})`)
      assert.equal(answers.length, CASES.length)
      for (const [i, [token, answer]] of CASES.entries()) assert.match(answers[i]!, answer, token)
      assert.deepEqual(pageErrors, [])
    })
  })
}
