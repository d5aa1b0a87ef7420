// `startServe`: the docs site of a catalog and its mock API on one node:http
// server, rebuilt when the catalog changes. Used by `errcat serve` and by
// `npm start` (examples/start.ts).
import { createServer, type Server } from 'node:http'
import { type AddressInfo, isIP } from 'node:net'
import type { Finding } from '../catalog/diagnostic.ts'
import type { LoadedCatalog } from '../catalog/model.ts'
import { DEFAULT_HOST, DEFAULT_PORT } from './address.ts'
import { type Build, buildOf, loadBuild } from './build.ts'
import { createLiveReload, type LiveReload } from './live-reload.ts'
import { MOCK_PATH } from './mock.ts'
import { type ServeLog, watchAndRebuild } from './rebuild.ts'
import { createRouter } from './routes.ts'

export type { ServeLog }

export interface ServeOptions {
  /** The catalog file (YAML or JSON). */
  catalog: string
  /** The catalog, already loaded from that file (the CLI loads it first to report problems). */
  loaded?: LoadedCatalog
  /** Default: 4000; 0 lets the system pick a free port. */
  port?: number
  /** Default: 127.0.0.1, this machine only. */
  host?: string
  /** Rebuild when the catalog's files change, and reload open pages. Default: true. */
  watch?: boolean
  /** Milliseconds of quiet after a change before rebuilding. Default: 100. */
  debounceMs?: number
  /** Where rebuilds and load problems are reported. Default: stdout and stderr. */
  log?: ServeLog
}

export interface Serving {
  /** `http://127.0.0.1:4000`: the docs at `/`, the mock under `/mock/`. */
  url: string
  /** `http://127.0.0.1:4000/mock`: `/{code|key|symbol}` answers an error, `/` lists them. */
  mockUrl: string
  /** The address and port the server is bound to. */
  address: { host: string; port: number }
  /** The catalog served now. */
  catalog(): LoadedCatalog
  /** Stops watching, ends the pages' event streams and closes the server. */
  close(): Promise<void>
}

/** The catalog cannot be loaded at start; `findings` say where and why. */
export class CatalogLoadError extends Error {
  constructor(
    readonly path: string,
    readonly findings: readonly Finding[],
  ) {
    super(`cannot load ${path}`)
  }
}

const STANDARD_LOG: ServeLog = {
  info: (line) => process.stdout.write(`${line}\n`),
  error: (text) => process.stderr.write(text),
}

export async function startServe(options: ServeOptions): Promise<Serving> {
  const watching = options.watch ?? true
  const log = options.log ?? STANDARD_LOG
  const host = options.host ?? DEFAULT_HOST
  let build = await firstBuild(options, watching)
  const live = watching ? createLiveReload(build.site.id) : undefined
  let baseUrl = ''
  const server = createServer(
    createRouter({
      build: () => build,
      live,
      baseUrl: () => baseUrl,
      onBug: (error) =>
        log.error(
          `errcat serve: internal error: ${error instanceof Error ? error.message : error}\n`,
        ),
    }),
  )
  try {
    await listen(server, options.port ?? DEFAULT_PORT, host)
  } catch (error) {
    live?.close()
    throw error
  }
  server.on('error', (error) => log.error(`errcat serve: ${error.message}\n`))
  const { address, port } = server.address() as AddressInfo
  baseUrl = `http://${urlHost(host)}:${port}`
  const rebuilder =
    live &&
    watchAndRebuild({
      path: options.catalog,
      first: build,
      serve: (next) => {
        build = next
      },
      live,
      log,
      debounceMs: options.debounceMs,
    })
  return {
    url: baseUrl,
    mockUrl: `${baseUrl}${MOCK_PATH}`,
    address: { host: address, port },
    catalog: () => build.catalog,
    close: () => closeAll(server, live, rebuilder),
  }
}

async function firstBuild(options: ServeOptions, liveReload: boolean): Promise<Build> {
  if (options.loaded) return buildOf(options.loaded, { liveReload })
  const outcome = await loadBuild(options.catalog, { liveReload })
  if (!outcome.ok) throw new CatalogLoadError(options.catalog, outcome.findings)
  return outcome.build
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

function closeAll(
  server: Server,
  live: LiveReload | undefined,
  rebuilder: { close(): void } | undefined,
): Promise<void> {
  rebuilder?.close()
  // The event streams never end by themselves: end them, or close would wait for the pages.
  live?.close()
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/** How a URL names the host: a wildcard address is reached through loopback, IPv6 in brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return isIP(host) === 6 ? `[${host}]` : host
}
