// `errcat serve` end to end, over real HTTP on loopback: the mock answers
// every error of every seed example with the bytes its demo server sends; the
// server serves the docs it built and nothing else; and the CLI, run as a
// child process, rebuilds on edit, survives a broken catalog, binds loopback
// by default and fails plainly on a taken port.
import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { createServer, type Server } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { ErrorDefinition } from '@errcat/runtime'
import * as gengo from '../../examples/gengo/errors.generated.ts'
import { start as startGengo } from '../../examples/gengo/server.ts'
import * as qencode from '../../examples/qencode/errors.generated.ts'
import { start as startQencode } from '../../examples/qencode/server.ts'
import * as qrForms from '../../examples/qr-forms/errors.generated.ts'
import { start as startQrForms } from '../../examples/qr-forms/server.ts'
import * as qrforge from '../../examples/qrforge/errors.generated.ts'
import { start as startQrForge } from '../../examples/qrforge/server.ts'
import * as sevenbridges from '../../examples/sevenbridges/errors.generated.ts'
import { start as startSevenBridges } from '../../examples/sevenbridges/server.ts'
import { planBuild } from '../../src/cli/build-plan.ts'
import type { FolderTarget } from '../../src/emit/targets.ts'
import { type ServeLog, type Serving, startServe } from '../../src/serve/index.ts'
import { version } from '../../src/version.ts'
import { STACK_LINE } from '../cli/cli.ts'
import { cliArgs } from '../cli-command.ts'

const REPO = fileURLToPath(new URL('../../', import.meta.url))
const SILENT: ServeLog = { info: () => {}, error: () => {} }
const catalogOf = (folder: string) => join(REPO, 'examples', folder, 'errors.yaml')

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

/** A request whose path is sent as written (fetch would resolve `..` and `%2e%2e` first). */
function get(
  url: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Answer> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.setTimeout(5000, () => req.destroy(new Error(`${method} ${path}: no answer in 5 s`)))
    req.on('error', reject)
    req.end()
  })
}

// ── The mock answers as the demo servers do ─────────────────────────────────

/** Headers the HTTP stacks add on their own (Node, Express, Fastify, Hono): not errcat's. */
const FRAMEWORK_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'x-powered-by',
])

function errcatHeaders(headers: IncomingHttpHeaders): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !FRAMEWORK_HEADERS.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  )
}

interface SeedCase {
  folder: string
  start(): Promise<{ url: string; close(): Promise<void> }>
  errors: Readonly<Record<string, { readonly definition: ErrorDefinition }>>
  /** The Accept-Language values to compare under (undefined: none sent). */
  languages: (string | undefined)[]
  /** The demo fills example params of its own when the query gives none. */
  demoFillsParams?: boolean
}

const SEEDS: SeedCase[] = [
  {
    folder: 'qencode',
    start: () => startQencode(),
    errors: qencode.allErrors,
    languages: [undefined],
    // GET /errors/{id} on the Qencode demo fills retryAfter and field with example values
    // when the query has none, which no catalog says: those errors are compared with the
    // params given in the query, where the demo takes them too.
    demoFillsParams: true,
  },
  {
    folder: 'qr-forms',
    start: () => startQrForms(),
    errors: qrForms.allErrors,
    languages: [undefined],
  },
  {
    folder: 'sevenbridges',
    start: () => startSevenBridges(),
    errors: sevenbridges.allErrors,
    languages: [undefined],
  },
  {
    folder: 'qrforge',
    start: () => startQrForge(),
    errors: qrforge.allErrors,
    languages: [undefined],
  },
  {
    folder: 'gengo',
    start: () => startGengo(),
    errors: gengo.allErrors,
    languages: [undefined, 'ja'],
  },
]

/** The ids an error can be asked for take turns, so that codes, keys and symbols are all used. */
function idFor(definition: ErrorDefinition, turn: number): string {
  const ids = [definition.symbol, definition.code?.toString(), definition.key].filter(
    (id): id is string => id !== undefined,
  )
  return ids[turn % ids.length]!
}

/** The queries an error is compared under: none, and every declared param given. */
function queriesFor(definition: ErrorDefinition, seed: SeedCase): string[] {
  if (!definition.params) return ['']
  const given = `?${definition.params.map((p, i) => `${p}=${7 + i}`).join('&')}`
  return seed.demoFillsParams ? [given] : ['', given]
}

for (const seed of SEEDS) {
  describe(`the mock of ${seed.folder} answers as its demo server`, () => {
    let demo: { url: string; close(): Promise<void> }
    let serving: Serving
    before(async () => {
      // Assigned one by one, so that `after` closes whichever started if the other failed.
      const started = [
        seed.start().then((running) => (demo = running)),
        startServe({ catalog: catalogOf(seed.folder), port: 0, watch: false, log: SILENT }).then(
          (running) => (serving = running),
        ),
      ]
      // Settled both ways first, so that `after` sees everything that started.
      for (const result of await Promise.allSettled(started))
        if (result.status === 'rejected') throw result.reason
    })
    after(async () => {
      await Promise.all([demo?.close(), serving?.close()])
    })

    it('sends the same status, errcat headers and body bytes for every error', async (t) => {
      // None of the five envelopes uses `request.path` (the problem `instance`), so even
      // the bodies are the same bytes although the paths differ (/errors/… and /mock/…).
      let compared = 0
      let turn = 0
      for (const { definition } of Object.values(seed.errors)) {
        const id = encodeURIComponent(idFor(definition, turn++))
        for (const query of queriesFor(definition, seed)) {
          for (const language of seed.languages) {
            const headers: Record<string, string> = { 'x-request-id': `req-${turn}-${compared}` }
            if (language) headers['accept-language'] = language
            const [expected, actual] = await Promise.all([
              get(demo.url, `/errors/${id}${query}`, headers),
              get(serving.url, `/mock/${id}${query}`, headers),
            ])
            const where = `${definition.symbol}: /mock/${id}${query} (${language ?? 'no language'})`
            assert.equal(actual.status, expected.status, where)
            assert.deepEqual(errcatHeaders(actual.headers), errcatHeaders(expected.headers), where)
            assert.equal(actual.body.toString('utf8'), expected.body.toString('utf8'), where)
            assert.ok(actual.body.equals(expected.body), where)
            assert.equal(actual.headers['content-type'], 'application/json', where)
            assert.equal(actual.headers['x-request-id'], headers['x-request-id'], where)
            // Only exposed messages are localized; the others go out in the default locale.
            if (language && definition.expose)
              assert.equal(actual.headers['content-language'], language, where)
            compared++
          }
        }
      }
      const errors = Object.keys(seed.errors).length
      assert.ok(errors > 0 && compared >= errors * seed.languages.length, `${compared} answers`)
      t.diagnostic(`${errors} errors, ${compared} answers compared`)
    })
  })
}

// ── Only what it built ──────────────────────────────────────────────────────

describe('errcat serve serves the docs it built, and nothing else', () => {
  let serving: Serving
  let built: Map<string, Buffer>
  const catalog = catalogOf('gengo')

  before(async () => {
    serving = await startServe({ catalog, port: 0, log: SILENT })
    // What `errcat build --target docs` writes for this catalog, through the build command's plan.
    const [job] = planBuild(serving.catalog(), { target: ['docs'] })
    const files = await (job!.target as FolderTarget).generate(serving.catalog(), {
      catalogPath: relative(job!.output, catalog).split('\\').join('/'),
      version,
      options: job!.options,
      output: job!.output,
    })
    built = new Map([...files].map((f) => [f.path, Buffer.from(f.content)]))
  })
  after(() => serving?.close())

  it('binds 127.0.0.1 unless told otherwise', () => {
    assert.equal(serving.address.host, '127.0.0.1')
    assert.match(serving.url, /^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('serves every built file byte for byte, pages with the live-reload script added', async () => {
    assert.ok(built.has('index.html') && built.has('ja/index.html'), [...built.keys()].join())
    for (const [path, content] of built) {
      const answer = await get(serving.url, `/${path}`)
      assert.equal(answer.status, 200, path)
      assert.equal(answer.headers['cache-control'], 'no-cache', path)
      assert.match(answer.headers.etag ?? '', /^"[\w-]+"$/, path)
      if (!path.endsWith('.html')) {
        assert.ok(answer.body.equals(content), `${path} differs from the build`)
        continue
      }
      assert.equal(answer.headers['content-type'], 'text/html; charset=utf-8', path)
      const served = answer.body.toString('utf8')
      assert.equal(
        served
          .replace(/<meta name="errcat-build" content="[\w-]+">\n/, '')
          .replace('<script src="/__errcat/live-reload.js"></script>\n', ''),
        content.toString('utf8'),
        path,
      )
      assert.ok(served.includes('<script src="/__errcat/live-reload.js"></script>'), path)
    }
  })

  it('answers the site root, folders, assets and locale pages', async () => {
    const types: Record<string, string> = {
      '/': 'text/html; charset=utf-8',
      '/index.html': 'text/html; charset=utf-8',
      '/ja/': 'text/html; charset=utf-8',
      '/ja/index.html': 'text/html; charset=utf-8',
      '/assets/docs.js': 'text/javascript; charset=utf-8',
      '/assets/docs.css': 'text/css; charset=utf-8',
      '/search-index.js': 'text/javascript; charset=utf-8',
      '/ja/search-index.js': 'text/javascript; charset=utf-8',
      '/__errcat/live-reload.js': 'text/javascript; charset=utf-8',
      '/__errcat/live-reload.css': 'text/css; charset=utf-8',
    }
    for (const [path, type] of Object.entries(types)) {
      const answer = await get(serving.url, path)
      assert.equal(answer.status, 200, path)
      assert.equal(answer.headers['content-type'], type, path)
    }
    const root = await get(serving.url, '/')
    assert.ok(root.body.equals((await get(serving.url, '/index.html')).body))
    assert.match(String(root.headers['content-security-policy']), /script-src 'self'/)
    const folder = await get(serving.url, '/ja')
    assert.equal(folder.status, 301)
    assert.equal(folder.headers.location, '/ja/')
  })

  it('answers 404 for every other path, however it is spelled', async () => {
    for (const path of [
      '/../package.json',
      '/../../../../etc/passwd',
      '/%2e%2e/package.json',
      '/%2E%2E/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/ja/../../package.json',
      '/etc/passwd',
      '/src/cli/main.ts',
      '/package.json',
      '/errors.yaml',
      '/locales/ja.yaml',
      '/examples/gengo/errors.yaml',
      '/assets/',
      '/groups/',
      '/__errcat/',
      '/__errcat/../package.json',
      '/index.html%00',
    ]) {
      const answer = await get(serving.url, path)
      assert.equal(answer.status, 404, path)
      assert.equal(answer.body.toString('utf8'), 'Not found\n', path)
    }
  })

  it('answers conditional and HEAD requests, and only GET and HEAD', async () => {
    const page = await get(serving.url, '/')
    const again = await get(serving.url, '/', { 'if-none-match': String(page.headers.etag) })
    assert.equal(again.status, 304)
    assert.equal(again.body.length, 0)
    const head = await get(serving.url, '/assets/docs.js', {}, 'HEAD')
    assert.equal(head.status, 200)
    assert.equal(head.body.length, 0)
    assert.equal(Number(head.headers['content-length']), built.get('assets/docs.js')!.length)
    const post = await get(serving.url, '/', {}, 'POST')
    assert.equal(post.status, 405)
    assert.equal(post.headers.allow, 'GET, HEAD')
  })

  it('lets other origins call the mock, preflight included, and only the mock', async () => {
    const origin = { origin: 'http://localhost:5173' }
    const preflight = await get(
      serving.url,
      '/mock/1000',
      {
        ...origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-request-id, accept-language',
      },
      'OPTIONS',
    )
    assert.equal(preflight.status, 204)
    assert.equal(preflight.headers['access-control-allow-origin'], '*')
    assert.equal(preflight.headers['access-control-allow-headers'], 'x-request-id, accept-language')
    const error = await get(serving.url, '/mock/1000', { ...origin, 'x-request-id': 'r1' })
    assert.equal(error.headers['access-control-allow-origin'], '*')
    assert.match(String(error.headers['access-control-expose-headers']), /\bx-request-id\b/)
    const sameOrigin = await get(serving.url, '/mock/1000')
    assert.equal(sameOrigin.headers['access-control-allow-origin'], undefined)
    const docs = await get(serving.url, '/', origin)
    assert.equal(docs.headers['access-control-allow-origin'], undefined)
    const docsPreflight = await get(
      serving.url,
      '/',
      { ...origin, 'access-control-request-method': 'GET' },
      'OPTIONS',
    )
    assert.equal(docsPreflight.status, 405)
  })

  it('marks the mock’s own answers: an unknown id and the index', async () => {
    const unknown = await get(serving.url, '/mock/99999')
    assert.equal(unknown.status, 404)
    assert.equal(unknown.headers['x-errcat-mock'], 'unknown-error')
    assert.match(JSON.parse(unknown.body.toString('utf8')).message, /no error .* "99999"/)
    const index = await get(serving.url, '/mock/')
    assert.equal(index.headers['x-errcat-mock'], 'index')
    const { errors } = JSON.parse(index.body.toString('utf8')) as { errors: { url: string }[] }
    assert.equal(errors.length, Object.keys(gengo.allErrors).length)
    const listed = await get(serving.url, new URL(errors[0]!.url).pathname)
    assert.equal(listed.status, 200)
    assert.equal(listed.headers['x-errcat-mock'], undefined)
  })
})

const TIMED_OUT = Symbol('timed out')

/** `promise`'s value, or TIMED_OUT after `ms`; the timer never outlives the wait. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

// ── The command ─────────────────────────────────────────────────────────────

interface Child {
  process: ChildProcess
  stdout(): string
  stderr(): string
  /** Waits (bounded) until `pattern` shows up in the output. */
  waitFor(
    pattern: RegExp,
    stream?: 'stdout' | 'stderr',
    timeoutMs?: number,
  ): Promise<RegExpMatchArray>
  /** Waits (bounded) for the exit code. */
  exit(timeoutMs?: number): Promise<number | null>
}

function serveCli(args: string[], cwd: string): Child {
  const child = spawn(process.execPath, cliArgs(['serve', ...args]), {
    cwd,
    env: { ...process.env, ERRCAT_DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const out = { stdout: '', stderr: '' }
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out.stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out.stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    process: child,
    stdout: () => out.stdout,
    stderr: () => out.stderr,
    async waitFor(pattern, stream = 'stdout', timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const match = pattern.exec(out[stream])
        if (match) return match
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`no ${pattern} in ${stream}:\n${out.stdout}\n${out.stderr}`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    async exit(timeoutMs = 10_000) {
      const code = await within(exited, timeoutMs)
      if (code === TIMED_OUT) throw new Error(`still running after ${timeoutMs} ms`)
      return code
    },
  }
}

interface ServerEvent {
  event: string
  data: { build?: string; title?: string; findings?: string[] }
}

/** The pages' event stream, read as a page would; `next` waits (bounded) for an event. */
async function openEvents(url: string) {
  const response = await fetch(`${url}/__errcat/events`)
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const queue: ServerEvent[] = []
  let buffer = ''
  let ended = false
  const done = (async () => {
    try {
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        buffer += read.value
        for (let at = buffer.indexOf('\n\n'); at !== -1; at = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, at)
          buffer = buffer.slice(at + 2)
          const event = /^event: (.+)$/m.exec(block)?.[1]
          const data = /^data: (.+)$/m.exec(block)?.[1]
          if (event && data) queue.push({ event, data: JSON.parse(data) })
        }
      }
    } catch {
      // The server went away mid-read: the stream has ended all the same.
    }
    ended = true
  })()
  return {
    /**
     * The next event `wanted` accepts, skipping others (an editor's save may rebuild twice),
     * within a bounded wait.
     */
    async until(wanted: (event: ServerEvent) => boolean, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const event = await this.next(Math.max(1, deadline - Date.now()))
        if (wanted(event)) return event
      }
    },
    async next(timeoutMs = 10_000): Promise<ServerEvent> {
      const deadline = Date.now() + timeoutMs
      while (queue.length === 0 && !ended && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10))
      const event = queue.shift()
      if (!event) throw new Error(ended ? 'the event stream ended' : `no event in ${timeoutMs} ms`)
      return event
    },
    async ended(timeoutMs = 5000): Promise<boolean> {
      await within(done, timeoutMs)
      return ended
    },
    cancel: () => reader.cancel().catch(() => {}),
  }
}

const ORIGINAL = '    message: Authentication failed\n'
const EDITED = '    message: Authentication failed, edited while serving\n'
const BROKEN = '    message: "Authentication failed, with a quote that never closes\n'

/** An IPv4 address of this machine other than loopback, when it has one. */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address
}

// Starting the CLI takes a while: every child of this section
// starts at once, in the first `before`, and each test then reads its own.
describe('errcat serve, the command', () => {
  let dir: string
  let taken: Server
  let takenPort: number
  let original: string
  let serve: Child
  let busy: Child
  let broken: Child
  let open: Child
  let url: string
  let events: Awaited<ReturnType<typeof openEvents>>
  let firstBuild: string

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-serve-'))
    await cp(join(REPO, 'examples/gengo/errors.yaml'), join(dir, 'errors.yaml'))
    await cp(join(REPO, 'examples/gengo/locales'), join(dir, 'locales'), { recursive: true })
    await writeFile(join(dir, 'broken.yaml'), 'errors:\n  BAD: [unclosed\n')
    original = await readFile(join(dir, 'errors.yaml'), 'utf8')
    assert.ok(original.includes(ORIGINAL))
    taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    takenPort = (taken.address() as { port: number }).port
    serve = serveCli(['errors.yaml', '--port', '0'], dir)
    busy = serveCli([catalogOf('qrforge'), '--port', String(takenPort)], dir)
    broken = serveCli(['broken.yaml', '--port', '0'], dir)
    open = serveCli([catalogOf('qrforge'), '--port', '0', '--host', '0.0.0.0'], dir)
    url = (await serve.waitFor(/ {2}docs {2}(http:\/\/\S+)\//))[1]!
    events = await openEvents(url)
  })

  after(async () => {
    await events?.cancel()
    for (const child of [serve, busy, broken, open])
      if (child?.process.exitCode === null) child.process.kill()
    await new Promise((resolve) => taken?.close(resolve))
    await rm(dir, { recursive: true, force: true })
  })

  const edit = (text: string) => writeFile(join(dir, 'errors.yaml'), text)
  const message1000 = async (headers: Record<string, string> = {}) =>
    JSON.parse((await get(url, '/mock/1000', headers)).body.toString('utf8')).err.msg as string

  it('prints where the docs and the mock are, on 127.0.0.1 by default', async () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/)
    assert.match(serve.stdout(), /mock {2}http:\/\/127\.0\.0\.1:\d+\/mock\/\{code\|key\|symbol\}/)
    const outside = outsideAddress()
    // Reachable through loopback, refused on this machine's other addresses.
    if (outside)
      await assert.rejects(get(`http://${outside}:${new URL(url).port}`, '/'), /ECONNREFUSED/)
    assert.equal((await get(url, '/')).status, 200)
    const first = await events.next()
    assert.equal(first.event, 'build')
    firstBuild = first.data.build!
    assert.ok(firstBuild)
  })

  it('shows an edit of the catalog without a restart', async () => {
    const before = await get(url, '/')
    await edit(original.replace(ORIGINAL, EDITED))
    const reload = await events.until((e) => e.event !== 'reload' || e.data.build !== firstBuild)
    assert.equal(reload.event, 'reload')
    assert.equal(await message1000(), 'Authentication failed, edited while serving')
    const page = (await get(url, '/')).body.toString('utf8')
    assert.ok(page.includes('Authentication failed, edited while serving'))
    assert.notEqual(page, before.body.toString('utf8'))
    assert.ok(page.includes(`<meta name="errcat-build" content="${reload.data.build}">`))
  })

  it('keeps serving the last good build while the catalog is broken, and says where', async () => {
    const text = original.replace(ORIGINAL, BROKEN)
    const line = text.slice(0, text.indexOf(BROKEN)).split('\n').length
    await edit(text)
    const failed = await events.until((e) => e.event !== 'reload')
    assert.equal(failed.event, 'catalog-error')
    assert.match(failed.data.findings?.[0] ?? '', /^errors\.yaml:\d+:\d+: error \[load\//)
    const [, reported] = await serve.waitFor(
      /errors\.yaml:(\d+):\d+: error \[load\/\w+\]/,
      'stderr',
    )
    // The parser may point at the unclosed quote or further down, where it gives up.
    assert.ok(Number(reported) >= line, `line ${reported} is before the broken line ${line}`)
    assert.doesNotMatch(serve.stderr(), STACK_LINE)
    assert.equal(await message1000(), 'Authentication failed, edited while serving')
    const page = await get(url, '/')
    assert.equal(page.status, 200)
    assert.ok(page.body.toString('utf8').includes('Authentication failed, edited while serving'))
  })

  it('reloads once the catalog is fixed', async () => {
    await edit(original)
    const reload = await events.until((e) => e.event !== 'catalog-error')
    assert.equal(reload.event, 'reload')
    assert.equal(reload.data.build, firstBuild, 'the same catalog gives the same build')
    assert.equal(await message1000(), 'Authentication failed')
  })

  it('watches the locale files too', async () => {
    const ja = join(dir, 'locales/ja.yaml')
    const text = await readFile(ja, 'utf8')
    await writeFile(ja, text.replace("'認証に失敗しました'", "'認証に失敗しました（編集）'"))
    const reload = await events.until((e) => e.event !== 'reload' || e.data.build !== firstBuild)
    assert.equal(reload.event, 'reload')
    assert.equal(await message1000({ 'accept-language': 'ja' }), '認証に失敗しました（編集）')
    const page = (await get(url, '/ja/')).body.toString('utf8')
    assert.ok(page.includes('認証に失敗しました（編集）'))
  })

  it('stops cleanly on SIGTERM, ending the event streams', async () => {
    serve.process.kill('SIGTERM')
    assert.equal(await events.ended(), true)
    assert.equal(await serve.exit(), 0)
    assert.doesNotMatch(serve.stderr(), /internal error/)
  })

  it('exits 2 with a clear message when the port is taken', async () => {
    assert.equal(await busy.exit(30_000), 2)
    assert.match(
      busy.stderr(),
      new RegExp(`cannot listen on 127\\.0\\.0\\.1:${takenPort}: the port is already in use`),
    )
    assert.match(busy.stderr(), /--port 0/)
    assert.doesNotMatch(busy.stderr(), STACK_LINE)
  })

  it('exits 2 with positioned findings when the catalog cannot be loaded at start', async () => {
    assert.equal(await broken.exit(30_000), 2)
    assert.match(broken.stderr(), /broken\.yaml:\d+:\d+: error \[load\/syntax\]/)
    assert.doesNotMatch(broken.stderr(), STACK_LINE)
    assert.equal(broken.stdout(), '')
  })

  it('warns when it listens beyond loopback', async () => {
    await open.waitFor(/warning: listening on 0\.0\.0\.0, not loopback/, 'stderr')
    const [, openUrl] = await open.waitFor(/ {2}docs {2}(http:\/\/\S+)\//)
    const outside = outsideAddress()
    const reachable = outside ? `http://${outside}:${new URL(openUrl!).port}` : openUrl!
    assert.equal((await get(reachable, '/')).status, 200)
    open.process.kill('SIGTERM')
    assert.equal(await open.exit(), 0)
  })
})
