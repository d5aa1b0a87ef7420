// Rebuilding on change: when a file the catalog was read from changes, load
// it again and, when it loads, serve the new build and tell the pages; when it
// does not, keep the last good build, print the findings and show them on the
// pages. The files to watch are taken again from each load, since includes
// and locale files can change with the catalog.
import { resolve } from 'node:path'
import { type Finding, formatPosition } from '../catalog/diagnostic.ts'
import { formatText } from '../cli/report/text.ts'
import { type Build, loadBuild, sourceFiles } from './build.ts'
import type { LiveReload, LoadProblem } from './live-reload.ts'
import { createWatcher } from './watch.ts'

export interface ServeLog {
  /** One line of progress (a rebuild). */
  info(line: string): void
  /** Problems, possibly several lines (the findings of a catalog that cannot be loaded). */
  error(text: string): void
}

export interface RebuildOptions {
  /** The catalog path, as given. */
  path: string
  /** Called with each good build, which is then served. */
  serve(build: Build): void
  /** The build served at start, whose files are watched first. */
  first: Build
  live: LiveReload
  log: ServeLog
  debounceMs?: number
}

/** How many findings the pages list; the terminal has all of them. */
const FINDINGS_ON_PAGE = 5

export function watchAndRebuild(options: RebuildOptions): { close(): void } {
  const { path, live, log } = options
  const root = resolve(path)
  let watched = sourceFiles(options.first.catalog)
  let builtAt = clock()
  let running = false
  let again = false
  let closed = false
  const watcher = createWatcher(() => void rebuild(), { debounceMs: options.debounceMs })
  watcher.set(watched)

  async function rebuild(): Promise<void> {
    // One load at a time; changes during a load cause one more load after it.
    if (running) {
      again = true
      return
    }
    running = true
    try {
      do {
        again = false
        await rebuildOnce()
      } while (again && !closed)
    } finally {
      running = false
    }
  }

  async function rebuildOnce(): Promise<void> {
    let outcome: Awaited<ReturnType<typeof loadBuild>>
    try {
      outcome = await loadBuild(path, { liveReload: true })
    } catch (error) {
      // A bug of ours, not of the catalog: say so, and keep serving.
      const message = `errcat serve: could not rebuild: ${error instanceof Error ? error.message : String(error)}`
      log.error(`${message}\n`)
      live.failed({ title: message, findings: [], more: 0 })
      return
    }
    if (closed) return
    if (outcome.ok) {
      options.serve(outcome.build)
      watched = sourceFiles(outcome.build.catalog)
      watcher.set(watched)
      builtAt = clock()
      live.built(outcome.build.site.id)
      log.info(`[${builtAt}] rebuilt ${path}: ${outcome.build.catalog.errors.length} errors`)
      return
    }
    // Keep watching what the last good build read, and what this load got to read.
    watcher.set([...new Set([root, ...watched, ...outcome.files])])
    live.failed(problemOf(path, outcome.findings, builtAt))
    log.error(
      `${formatText(outcome.findings)}errcat serve: ${path} cannot be loaded; still serving the build of ${builtAt}.\n`,
    )
  }

  return {
    close() {
      closed = true
      watcher.close()
    },
  }
}

function problemOf(path: string, findings: readonly Finding[], builtAt: string): LoadProblem {
  const lines = findings
    .slice(0, FINDINGS_ON_PAGE)
    .map((f) => `${formatPosition(f)}: ${f.severity} [${f.rule}] ${f.message}`)
  return {
    title: `${path} cannot be loaded: this page shows the build of ${builtAt}.`,
    findings: lines,
    more: Math.max(0, findings.length - FINDINGS_ON_PAGE),
  }
}

/** The local time of day, `14:03:27`: enough to tell rebuilds apart in a terminal. */
function clock(): string {
  return new Date().toTimeString().slice(0, 8)
}
