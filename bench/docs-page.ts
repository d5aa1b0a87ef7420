// The docs site of a generated 10,000-error catalog in Chromium, against its
// peer: the page teams publish by hand today, one HTML table of every error
// (code, status, message) with a filter box that hides the rows that do not
// match. Both are served by one static server, each measured in a fresh page:
//
// - first contentful paint and DOMContentLoaded (when the page's script runs);
// - the bytes a first visit loads (HTML, CSS, scripts; errcat's search index
//   is loaded when the browser is idle, and counted separately);
// - search latency per keystroke: from the input event to the next frame
//   after the results are in the DOM, typing a query one character at a time.
//
// Results go in BENCHMARKS.md ("Docs page"). Needs Chromium (CHROMIUM_PATH).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import type { LoadedCatalog } from '../src/catalog/model.ts'
import { escapeHtml } from '../src/emit/docs/html.ts'
import { generateDocsSite } from '../src/emit/docs/site.ts'
import { loadCatalog } from '../src/load/load.ts'
import { launchChromium } from '../test/docs/chromium.ts'
import { serveFolder } from '../test/docs/static-server.ts'
import { writeLargeCatalog } from './catalog-load.ts'
import { median } from './median.ts'

const QUERY = 'service 7 check 12'

export interface PageFigures {
  page: string
  firstContentfulPaintMs: number
  domContentLoadedMs: number
  /** Bytes of the first visit, without errcat's search index. */
  firstVisitBytes: number
  /** errcat's search index, loaded when idle. */
  indexBytes: number
  /** Per keystroke of QUERY: median and worst of the medians over the runs. */
  keystrokeMedianMs: number
  keystrokeWorstMs: number
}

export interface DocsPageResult {
  name: string
  errors: number
  runs: number
  pages: PageFigures[]
}

/** The hand-written peer: one table of every error and a script that hides rows. */
function handWrittenPage(catalog: LoadedCatalog): string {
  const rows = catalog.errors
    .map(
      (e) =>
        `<tr id="${escapeHtml(e.anchor)}"><td>${e.code ?? ''}</td><td>${e.status}</td><td>${escapeHtml(e.symbol)}</td><td>${escapeHtml(e.message)}</td></tr>`,
    )
    .join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Errors</title></head><body>
<h1>Errors</h1><input id="q" type="search" aria-label="Filter">
<table><thead><tr><th>Code</th><th>Status</th><th>Name</th><th>Message</th></tr></thead><tbody>
${rows}
</tbody></table>
<script>
const rows = [...document.querySelectorAll('tbody tr')]
document.getElementById('q').addEventListener('input', (e) => {
  const q = e.target.value.toLowerCase()
  for (const row of rows) row.hidden = !row.textContent.toLowerCase().includes(q)
})
</script></body></html>`
}

async function measure(
  browser: Browser,
  url: string,
  isErrcat: boolean,
): Promise<Omit<PageFigures, 'page'>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  let firstVisitBytes = 0
  let indexBytes = 0
  page.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0))
    if (response.url().endsWith('search-index.js')) indexBytes += body.length
    else firstVisitBytes += body.length
  })
  await page.goto(url, { waitUntil: 'load' })
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .domContentLoadedEventEnd,
  }))
  // errcat's index arrives when the browser is idle; the reader types after that.
  if (isErrcat) await page.waitForSelector('body[data-search-ready]', { timeout: 60_000 })
  const keystrokes: number[] = []
  for (let i = 1; i <= QUERY.length; i++) {
    const ms = await page.evaluate(
      async (value) => {
        const input = document.getElementById('q') as HTMLInputElement
        const started = performance.now()
        input.value = value
        input.dispatchEvent(new Event('input', { bubbles: true }))
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)))
        return performance.now() - started
      },
      QUERY.slice(0, i),
    )
    keystrokes.push(ms)
  }
  await context.close()
  return {
    firstContentfulPaintMs: timing.fcp,
    domContentLoadedMs: timing.dcl,
    firstVisitBytes,
    indexBytes,
    keystrokeMedianMs: median(keystrokes),
    keystrokeWorstMs: Math.max(...keystrokes),
  }
}

export async function run(
  options: { errors?: number; runs?: number } = {},
): Promise<DocsPageResult> {
  const { errors = 10_000, runs = 5 } = options
  const dir = await mkdtemp(join(tmpdir(), 'errcat-bench-docs-'))
  const browser = await launchChromium()
  try {
    const { root } = await writeLargeCatalog(dir, { errors })
    const { catalog } = await loadCatalog(root)
    if (!catalog) throw new Error('the bench catalog does not load')
    const site = join(dir, 'site')
    for (const file of generateDocsSite(catalog, {
      catalogPath: 'errors.yaml',
      version: 'bench',
      options: {},
      output: site,
    })) {
      const path = join(site, file.path)
      await mkdir(join(path, '..'), { recursive: true })
      await writeFile(path, file.content)
    }
    await writeFile(join(site, 'hand-written.html'), handWrittenPage(catalog))
    const server = await serveFolder(site)
    const firstGroup = catalog.groups.find((g) => g.id !== 'platform')!.id
    const candidates = [
      { page: 'errcat index.html (overview + search)', path: 'index.html', errcat: true },
      {
        page: `errcat groups/${firstGroup}.html (500 errors)`,
        path: `groups/${firstGroup}.html`,
        errcat: true,
      },
      { page: 'hand-written table of every error', path: 'hand-written.html', errcat: false },
    ]
    const pages: PageFigures[] = []
    for (const candidate of candidates) {
      const samples: Omit<PageFigures, 'page'>[] = []
      for (let i = 0; i < runs; i++)
        samples.push(await measure(browser, `${server.url}/${candidate.path}`, candidate.errcat))
      const pick = (key: keyof Omit<PageFigures, 'page'>) => median(samples.map((s) => s[key]))
      pages.push({
        page: candidate.page,
        firstContentfulPaintMs: pick('firstContentfulPaintMs'),
        domContentLoadedMs: pick('domContentLoadedMs'),
        firstVisitBytes: pick('firstVisitBytes'),
        indexBytes: pick('indexBytes'),
        keystrokeMedianMs: pick('keystrokeMedianMs'),
        keystrokeWorstMs: pick('keystrokeWorstMs'),
      })
    }
    await server.close()
    return { name: 'docs-page', errors, runs, pages }
  } finally {
    await browser.close()
    await rm(dir, { recursive: true, force: true })
  }
}

export function formatResult(result: DocsPageResult): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
  const ms = (n: number) => `${n.toFixed(0)} ms`
  return [
    `docs-page: ${result.errors} errors, median of ${result.runs} runs`,
    ...result.pages.map(
      (p) =>
        `  ${p.page}: FCP ${ms(p.firstContentfulPaintMs)}, DOMContentLoaded ${ms(p.domContentLoadedMs)}, first visit ${kb(p.firstVisitBytes)}${p.indexBytes ? ` + index ${kb(p.indexBytes)}` : ''}, keystroke median ${ms(p.keystrokeMedianMs)} (worst ${ms(p.keystrokeWorstMs)})`,
    ),
  ].join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatResult(await run()))
}
