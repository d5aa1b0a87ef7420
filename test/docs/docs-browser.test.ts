// The built docs site in real Chromium: anchors, search, filters, the locale
// switch, copy buttons, hostile catalog text, accessibility (axe-core), and
// no console errors, on the Seven Bridges and Gengo examples and on a
// generated 10,000-error catalog. One Chromium serves every test of the file.
import assert from 'node:assert/strict'
import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { pathToFileURL } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { writeLargeCatalog } from '../../bench/catalog-load.ts'
import type { LoadedCatalog } from '../../src/catalog/model.ts'
import { loadCatalog } from '../../src/load/load.ts'
import { createProject, type Project, REPO, runCli } from '../build/project.ts'
import { describeClientInBrowser } from '../client/browser.ts'
import { launchChromium, skipWithoutChromium } from './chromium.ts'
import { type StaticServer, serveFolder } from './static-server.ts'

const skip = skipWithoutChromium()
const AXE_SOURCE = await readFile(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)
const SCREENSHOTS = join(REPO, 'test-results', 'screenshots')

interface BuiltSite {
  catalog: LoadedCatalog
  dir: string
  server: StaticServer
}

async function buildSite(project: Project, catalogFile: string, name: string): Promise<BuiltSite> {
  const dir = project.path(name)
  const result = runCli(['build', catalogFile, '--target', 'docs', '--out', dir])
  assert.equal(result.status, 0, result.stderr)
  const { catalog } = await loadCatalog(catalogFile)
  return { catalog: catalog!, dir, server: await serveFolder(dir) }
}

/** A page that records console errors, uncaught exceptions and dialogs, which must stay empty. */
async function openPage(context: BrowserContext, problems: string[]): Promise<Page> {
  const page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  return page
}

/** Whether the element's top is inside the viewport. */
function inViewport(page: Page, id: string): Promise<boolean> {
  return page.evaluate((id) => {
    const el = document.getElementById(id)
    if (!el) return false
    const box = el.getBoundingClientRect()
    return box.top >= -1 && box.top < window.innerHeight
  }, id)
}

/** axe-core's serious and critical violations; `rules` limits the run (e.g. to colour contrast). */
async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  await page.evaluate(AXE_SOURCE)
  const result = await page.evaluate(async (rules) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global.
    const axe = (window as any).axe
    const { violations } = await axe.run(document, {
      resultTypes: ['violations'],
      ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}),
    })
    return violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }))
  }, rules)
  return result
    .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v: { id: string; impact: string; targets: string[] }) =>
        `${v.impact} ${v.id}: ${v.targets.join(', ')}`,
    )
}

const visibleResults = (page: Page) =>
  page.$$eval('#results > ol > li', (items) => items.map((li) => li.textContent ?? ''))

describe('docs site in Chromium', { skip, timeout: 300_000 }, () => {
  let browser: Browser
  let context: BrowserContext
  let project: Project
  let sevenBridges: BuiltSite
  let gengo: BuiltSite
  const problems: string[] = []

  before(async () => {
    project = await createProject()
    ;[browser, sevenBridges, gengo] = await Promise.all([
      launchChromium(),
      buildSite(project, join(REPO, 'examples/sevenbridges/errors.yaml'), 'sevenbridges-docs'),
      buildSite(project, join(REPO, 'examples/gengo/errors.yaml'), 'gengo-docs'),
    ])
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  })

  after(async () => {
    await browser?.close()
    await Promise.all([sevenBridges?.server.close(), gengo?.server.close()])
    await project?.remove()
  })

  it('gives every Seven Bridges error its URL; opening one scrolls to the error', async () => {
    const { catalog, server } = sevenBridges
    const page = await openPage(context, problems)
    // Opening each URL afresh: the first, a middle one and the last error, and #9002 as the page links it.
    const anchors = ['0', '9002', catalog.errors[65]!.anchor, catalog.errors.at(-1)!.anchor]
    for (const anchor of anchors) {
      await page.goto(`${server.url}/index.html#${anchor}`)
      await page.waitForFunction((id) => document.getElementById(id) !== null, anchor)
      assert.ok(await inViewport(page, anchor), `#${anchor} is not scrolled into view`)
      assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), anchor)
    }
    // Every other error through the same link a reader follows (hash navigation).
    for (const error of catalog.errors) {
      await page.evaluate((id) => {
        location.hash = id
      }, error.anchor)
      assert.ok(await inViewport(page, error.anchor), `#${error.anchor} is not scrolled into view`)
    }
    // Each docs URL of the catalog ends in an anchor of the page.
    const ids = new Set(await page.$$eval('article.error', (all) => all.map((a) => a.id)))
    for (const error of catalog.errors) {
      assert.ok(error.docsUrl?.endsWith(`#${error.anchor}`))
      assert.ok(ids.has(error.anchor), `no element for ${error.docsUrl}`)
    }
    await page.close()
  })

  it('narrows the list while typing a code or a word, and keeps the search in the URL', async () => {
    const { catalog, server } = sevenBridges
    const page = await openPage(context, problems)
    await page.goto(`${server.url}/index.html`)
    await page.locator('#q').pressSequentially('9002')
    await page.waitForFunction(() => !document.getElementById('results')!.hidden)
    const byCode = await visibleResults(page)
    assert.equal(byCode.length, 1)
    assert.match(byCode[0]!, /9002/)
    assert.equal(await page.isHidden('#all'), true)
    assert.match(page.url(), /\?q=9002$/)

    await page.fill('#q', 'volume')
    await page.waitForFunction(() =>
      /match/.test(document.getElementById('result-count')!.textContent!),
    )
    const byWord = await visibleResults(page)
    const expected = catalog.errors.filter((e) =>
      `${e.code} ${e.symbol} ${e.symbol.replace(/_/g, ' ')} ${e.title} ${e.message}`
        .toLowerCase()
        .includes('volume'),
    )
    assert.equal(byWord.length, expected.length)
    assert.ok(byWord.length > 1 && byWord.length < catalog.errors.length)
    for (const text of byWord) assert.match(text.toLowerCase(), /volume/)

    // A shared link restores the search; the status filter narrows it further.
    await page.goto(`${server.url}/index.html?q=volume&status=404`)
    await page.waitForFunction(() =>
      /match/.test(document.getElementById('result-count')!.textContent!),
    )
    assert.equal(await page.inputValue('#q'), 'volume')
    const notFound = await visibleResults(page)
    assert.equal(notFound.length, expected.filter((e) => e.status === 404).length)
    for (const text of notFound) assert.match(text, /404 Not Found/)

    // Clearing the search shows the whole list again.
    await page.fill('#q', '')
    await page.selectOption('#f-status', '')
    await page.waitForFunction(() => !document.getElementById('all')!.hidden)
    assert.equal(await page.isHidden('#results'), true)
    await page.close()
  })

  it('filters by group and by lifecycle', async () => {
    const { catalog, server } = sevenBridges
    const page = await openPage(context, problems)
    await page.goto(`${server.url}/index.html`)
    await page.selectOption('#f-group', 'tasks')
    await page.waitForFunction(() =>
      /match/.test(document.getElementById('result-count')!.textContent!),
    )
    assert.equal(
      (await visibleResults(page)).length,
      catalog.errors.filter((e) => e.group === 'tasks').length,
    )
    await page.close()
  })

  it('copies the example response of an error with its button', async () => {
    const { server } = sevenBridges
    const page = await openPage(context, problems)
    await page.goto(`${server.url}/index.html#9002`)
    await page.click('article#\\39 002 button.copy')
    await page.waitForFunction(
      () => document.querySelector('article[id="9002"] button.copy')?.textContent === 'Copied',
    )
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    assert.match(copied, /^HTTP\/1\.1 403 Forbidden\n/)
    assert.match(copied, /"code": 9002/)
    await page.close()
  })

  it('switches the messages to Japanese and back (Gengo), keeping the anchor', async () => {
    const { catalog, server } = gengo
    const page = await openPage(context, problems)
    const error = catalog.errors.find((e) => e.translations.ja)!
    await page.goto(`${server.url}/index.html#${error.anchor}`)
    const message = (id: string) =>
      page.$eval(`[id="${id}"] .message`, (el) => ({
        text: el.textContent,
        lang: el.getAttribute('lang'),
      }))
    assert.deepEqual(await message(error.anchor), { text: error.message, lang: 'en' })
    await page.click('nav.locales a[hreflang="ja"]')
    await page.waitForURL(/\/ja\/index\.html#/)
    assert.deepEqual(await message(error.anchor), {
      text: error.translations.ja!.message,
      lang: 'ja',
    })
    assert.ok(await inViewport(page, error.anchor))
    // The example response is what the server sends for Accept-Language: ja.
    const example = await page.$eval(`[id="${error.anchor}"] pre`, (el) => el.textContent ?? '')
    assert.match(example, /content-language: ja/)
    await page.click('nav.locales a[hreflang="en"]')
    await page.waitForURL(/\/index\.html#/)
    assert.deepEqual(await message(error.anchor), { text: error.message, lang: 'en' })
    await page.close()
  })

  it('runs nothing from a catalog full of script, event handlers and javascript: links', async () => {
    const hostile = await buildSite(
      project,
      join(REPO, 'test/docs/fixtures/hostile.yaml'),
      'hostile-docs',
    )
    try {
      const page = await openPage(context, problems)
      await page.goto(`${hostile.server.url}/index.html`)
      // Hover and click everything a reader could: links, titles, the deprecation note.
      for (const link of await page.$$('main a')) await link.hover()
      await page.click('main h1')
      await page.fill('#q', 'value')
      await page.waitForFunction(() =>
        /match/.test(document.getElementById('result-count')!.textContent!),
      )
      for (const item of await page.$$('#results li')) await item.hover()
      assert.equal(
        await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
        undefined,
      )
      const scripts = await page.$$eval('script', (all) => all.map((s) => s.getAttribute('src')))
      assert.deepEqual(scripts.sort(), ['assets/docs.js', 'assets/theme.js', 'search-index.js'])
      const dangerous = await page.evaluate(() =>
        [...document.querySelectorAll('*')].flatMap((el) => [
          ...[...el.attributes]
            // The page's own empty favicon (`data:,`) is the one data: URL it may have.
            .filter((a) => /^on/i.test(a.name) || /^\s*(javascript|data):/i.test(a.value))
            .filter((a) => !(el.matches('link[rel="icon"]') && a.value === 'data:,'))
            .map((a) => `${el.tagName} ${a.name}=${a.value}`),
          ...(['IFRAME', 'SVG', 'FORM', 'STYLE', 'IMG'].includes(el.tagName.toUpperCase()) &&
          !el.matches('form.search')
            ? [el.tagName]
            : []),
        ]),
      )
      assert.deepEqual(dangerous, [])
      // The text is all there, as text.
      const text = await page.textContent('main')
      assert.match(text!, /<\/span><\/h3><script>window\.__pwned = 'title'<\/script>/)
      assert.match(text!, /<img src=x onerror="window\.__pwned = 'message'">/)
      assert.equal(await page.$$eval('#all a[href="https://example.com/safe"]', (a) => a.length), 1)
      await page.close()
    } finally {
      await hostile.server.close()
    }
  })

  it('has no serious or critical accessibility violation (axe-core), in both themes', async () => {
    for (const [site, path] of [
      [sevenBridges, 'index.html'],
      [gengo, 'ja/index.html'],
    ] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const themed = await browser.newContext({ colorScheme, bypassCSP: true })
        const page = await openPage(themed, problems)
        await page.goto(`${site.server.url}/${path}`)
        // Every rule in the light theme; the dark theme changes colours only.
        const rules = colorScheme === 'dark' ? ['color-contrast', 'link-in-text-block'] : undefined
        assert.deepEqual(await axeViolations(page, rules), [], `${path} (${colorScheme})`)
        // The results view too.
        await page.fill('#q', 'a')
        await page.waitForFunction(() => !document.getElementById('results')!.hidden)
        assert.deepEqual(await axeViolations(page, rules), [], `${path} results (${colorScheme})`)
        await themed.close()
      }
    }
  })

  it('works from file:// with no server: anchors, search and the index script', async () => {
    const page = await openPage(context, problems)
    const url = pathToFileURL(join(sevenBridges.dir, 'index.html')).href
    await page.goto(`${url}#9002`)
    assert.ok(await inViewport(page, '9002'))
    await page.fill('#q', 'volume')
    await page.waitForFunction(() =>
      /match/.test(document.getElementById('result-count')!.textContent!),
    )
    assert.ok((await visibleResults(page)).length > 0)
    await page.close()
  })

  it('saves screenshots of the Seven Bridges docs: desktop and phone, light and dark', async () => {
    await mkdir(SCREENSHOTS, { recursive: true })
    for (const [device, viewport] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const shot = await browser.newContext({
          viewport,
          colorScheme,
          isMobile: device === 'phone',
        })
        const page = await openPage(shot, problems)
        await page.goto(`${sevenBridges.server.url}/index.html#9002`)
        // Readable on a phone: nothing wider than the screen.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        )
        assert.ok(
          overflow <= 0,
          `${device} ${colorScheme}: page is ${overflow}px wider than the screen`,
        )
        await page.screenshot({
          path: join(SCREENSHOTS, `sevenbridges-${device}-${colorScheme}.png`),
        })
        await shot.close()
      }
    }
  })

  describe('a generated 10,000-error catalog', () => {
    let big: BuiltSite

    before(async () => {
      const dir = project.path('big')
      await mkdir(dir)
      const { root } = await writeLargeCatalog(dir, { errors: 10_000 })
      big = await buildSite(project, root, 'big-docs')
    })
    after(() => big?.server.close())

    it('forwards each error URL from the index to the page that holds it', async () => {
      const { catalog, server } = big
      const page = await openPage(context, problems)
      const step = Math.floor(catalog.errors.length / 6)
      for (let i = 0; i < catalog.errors.length; i += step) {
        const anchor = catalog.errors[i]!.anchor
        await page.goto(`${server.url}/index.html#${anchor}`)
        await page.waitForURL(/\/groups\/[^/]+\.html#/)
        await page.waitForFunction((id) => document.getElementById(id) !== null, anchor)
        assert.ok(await inViewport(page, anchor), `#${anchor}`)
      }
      await page.close()
    })

    it('holds every error on exactly one page, under its anchor', async () => {
      const { catalog, dir } = big
      const manifest = JSON.parse(await readFile(join(dir, '.errcat-manifest.json'), 'utf8'))
      const pages = (manifest.files as string[]).filter((f) => /^(index|groups\/.*)\.html$/.test(f))
      const seen = new Map<string, string>()
      for (const file of pages) {
        const html = await readFile(join(dir, file), 'utf8')
        for (const [, id] of html.matchAll(/<article class="error" id="([^"]+)"/g)) {
          assert.ok(!seen.has(id!), `${id} is on ${seen.get(id!)} and ${file}`)
          seen.set(id!, file)
        }
      }
      assert.equal(seen.size, catalog.errors.length)
    })

    it('searches all 10,000 errors from the index page, by code and by word', async () => {
      const { catalog, server } = big
      const page = await openPage(context, problems)
      await page.goto(`${server.url}/index.html`)
      const target = catalog.errors[7777]!
      await page.fill('#q', String(target.code))
      await page.waitForFunction(() =>
        /match/.test(document.getElementById('result-count')!.textContent!),
      )
      const first = await page.$eval('#results li a', (a) => ({
        text: a.textContent,
        href: a.getAttribute('href'),
      }))
      assert.match(first.text!, new RegExp(String(target.code)))
      await page.click('#results li a')
      await page.waitForURL(new RegExp(`#${target.anchor}$`))
      assert.ok(await inViewport(page, target.anchor))

      await page.goto(`${server.url}/index.html?q=service 3`)
      await page.waitForFunction(() =>
        /match/.test(document.getElementById('result-count')!.textContent!),
      )
      const count = await page.textContent('#result-count')
      const n = Number(count!.match(/(\d+) error/)![1])
      assert.ok(n > 0 && n < catalog.errors.length, count!)
      await page.close()
    })

    it('has no serious or critical accessibility violation on the index and a group page', async () => {
      const checked = await browser.newContext({ bypassCSP: true })
      for (const path of ['index.html', 'groups/service0.html']) {
        const page = await openPage(checked, problems)
        await page.goto(`${big.server.url}/${path}`)
        assert.deepEqual(await axeViolations(page), [], path)
      }
      await checked.close()
    })
  })

  // The client's browser tests, here to share this file's Chromium (its own context and pages).
  describeClientInBrowser(() => browser)

  it('logged no console error, uncaught exception or dialog on any page', () => {
    assert.deepEqual(problems, [])
  })
})
