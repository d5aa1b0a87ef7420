// Live reload: the event stream's protocol over real HTTP, and the page side
// in real Chromium (its CSP allows only same-origin scripts, styles and
// connections, so any inline script or style would show as a console error).
import assert from 'node:assert/strict'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, skipWithoutChromium } from '../../test/docs/chromium.ts'
import { createLiveReload, EVENTS_PATH, type LiveReload } from './live-reload.ts'
import { type Serving, startServe } from './server.ts'

interface ServerEvent {
  event: string
  data: unknown
}

/** Reads an event stream; `next` waits (bounded) for the next event. */
async function openStream(url: string) {
  const controller = new AbortController()
  const response = await fetch(url, { signal: controller.signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const queue: ServerEvent[] = []
  let buffer = ''
  let ended = false
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        for (let at = buffer.indexOf('\n\n'); at !== -1; at = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, at)
          buffer = buffer.slice(at + 2)
          const event = /^event: (.+)$/m.exec(block)?.[1]
          const data = /^data: (.+)$/m.exec(block)?.[1]
          if (event && data) queue.push({ event, data: JSON.parse(data) })
        }
      }
    } catch {
      // Aborted by the test.
    }
    ended = true
  })()
  return {
    response,
    async next(timeoutMs = 3000): Promise<ServerEvent> {
      const deadline = Date.now() + timeoutMs
      while (queue.length === 0 && !ended && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 5))
      const event = queue.shift()
      if (!event) throw new Error(ended ? 'the stream ended' : `no event within ${timeoutMs} ms`)
      return event
    },
    async ended(timeoutMs = 3000): Promise<boolean> {
      let timer: NodeJS.Timeout | undefined
      await Promise.race([pump, new Promise((r) => (timer = setTimeout(r, timeoutMs)))])
      clearTimeout(timer)
      return ended
    },
    close: () => controller.abort(),
  }
}

describe('the live-reload event stream', () => {
  let server: Server
  let live: LiveReload
  let url: string

  before(async () => {
    live = createLiveReload('build-1', { heartbeatMs: 50 })
    server = createServer((request, response) => {
      if (request.url === EVENTS_PATH) live.connect(response)
      else response.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${EVENTS_PATH}`
  })

  after(async () => {
    live.close()
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  })

  it('says which build is served when a page connects, and each rebuild after', async () => {
    const stream = await openStream(url)
    assert.equal(stream.response.headers.get('content-type'), 'text/event-stream; charset=utf-8')
    assert.equal(stream.response.headers.get('cache-control'), 'no-cache')
    assert.deepEqual(await stream.next(), { event: 'build', data: { build: 'build-1' } })
    live.built('build-2')
    assert.deepEqual(await stream.next(), { event: 'reload', data: { build: 'build-2' } })
    stream.close()
  })

  it('tells connected and later pages that the catalog cannot be loaded, until a good build', async () => {
    const early = await openStream(url)
    await early.next()
    const problem = {
      title: 'errors.yaml cannot be loaded',
      findings: ['errors.yaml:3:1: …'],
      more: 0,
    }
    live.failed(problem)
    assert.deepEqual(await early.next(), { event: 'catalog-error', data: problem })
    const late = await openStream(url)
    assert.deepEqual(await late.next(), { event: 'build', data: { build: 'build-2' } })
    assert.deepEqual(await late.next(), { event: 'catalog-error', data: problem })
    live.built('build-3')
    assert.deepEqual(await early.next(), { event: 'reload', data: { build: 'build-3' } })
    assert.deepEqual(await late.next(), { event: 'reload', data: { build: 'build-3' } })
    const fresh = await openStream(url)
    assert.deepEqual(await fresh.next(), { event: 'build', data: { build: 'build-3' } })
    await assert.rejects(fresh.next(200), /no event/, 'the problem is gone')
    for (const s of [early, late, fresh]) s.close()
  })

  it('ends every stream on close', async () => {
    const stream = await openStream(url)
    await stream.next()
    live.close()
    assert.equal(await stream.ended(), true)
  })
})

const skip = skipWithoutChromium()
const QRFORGE = fileURLToPath(new URL('../../examples/qrforge/errors.yaml', import.meta.url))
const MESSAGE = 'message: Invalid or missing API key.'
const HOSTILE_KEY = '<img src=x onerror=alert(1)>'

describe('the live-reload script in a browser', { skip }, () => {
  let dir: string
  let catalog: string
  let serving: Serving
  let browser: Browser
  let page: Page
  const problems: string[] = []
  const errors: string[] = []

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-live-'))
    catalog = join(dir, 'errors.yaml')
    await cp(QRFORGE, catalog)
    serving = await startServe({
      catalog,
      port: 0,
      debounceMs: 30,
      log: { info: () => {}, error: (text) => errors.push(text) },
    })
    browser = await launchChromium()
    page = await browser.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`)
      void d.dismiss()
    })
    await page.goto(`${serving.url}/`)
  })

  after(async () => {
    await browser?.close()
    await serving?.close()
    await rm(dir, { recursive: true, force: true })
  })

  const buildOfPage = () =>
    page.evaluate(() =>
      document.querySelector('meta[name="errcat-build"]')?.getAttribute('content'),
    )

  it('shows a catalog that cannot be loaded as a text-only banner', async () => {
    const good = await readFile(catalog, 'utf8')
    await writeFile(catalog, good.replace('errors:\n', `'${HOSTILE_KEY}': 1\nerrors:\n`))
    const banner = await page.waitForSelector('#errcat-live-error', { timeout: 5000 })
    const text = await banner.textContent()
    assert.match(text ?? '', /errors\.yaml:\d+:\d+: error \[load\/schema\]/)
    assert.ok(text?.includes(HOSTILE_KEY), 'the key is shown as text')
    const tags = await banner.evaluate((el) => [...el.querySelectorAll('*')].map((e) => e.tagName))
    assert.ok(
      tags.every((t) => ['P', 'UL', 'LI'].includes(t)),
      `only the banner's own elements: ${tags}`,
    )
    assert.match(errors.join(''), /errors\.yaml:\d+:\d+: error \[load\/schema\]/)
  })

  it('reloads the page with the next good build, without the banner', async () => {
    const before = await buildOfPage()
    const reloaded = page.waitForEvent('load', { timeout: 5000 })
    const good = await readFile(QRFORGE, 'utf8')
    await writeFile(catalog, good.replace(MESSAGE, 'message: Edited while the page was open.'))
    await reloaded
    assert.notEqual(await buildOfPage(), before)
    assert.ok((await page.textContent('body'))?.includes('Edited while the page was open.'))
    assert.equal(await page.$('#errcat-live-error'), null)
    assert.deepEqual(problems, [])
  })
})
