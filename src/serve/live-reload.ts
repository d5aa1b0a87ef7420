// Live reload, the server side: open pages listen on an event stream
// (Server-Sent Events, which the pages' `connect-src 'self'` allows) and hear
// which build is served and whether the catalog failed to load. The page side
// is assets/live-reload.js.
import { readFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { LIVE_RELOAD_SCRIPT } from './site.ts'

export const EVENTS_PATH = '/__errcat/events'
export const STYLESHEET_PATH = '/__errcat/live-reload.css'

/** What the pages show while the catalog cannot be loaded. */
export interface LoadProblem {
  title: string
  /** `file:line:column: severity [rule] message`, the first few. */
  findings: string[]
  /** How many more findings the terminal shows. */
  more: number
}

export interface LiveReload {
  /** Answers a request for the event stream and keeps it open until `close`. */
  connect(response: ServerResponse): void
  /** A build is served (the first one, or a rebuild). */
  built(build: string): void
  /** The catalog could not be loaded; the last good build stays. */
  failed(problem: LoadProblem): void
  /** Ends every stream. */
  close(): void
}

export interface LiveReloadOptions {
  /** Milliseconds between keep-alive comments. Default: 25 s. */
  heartbeatMs?: number
}

/** Milliseconds a page waits before reconnecting to a server that went away. */
const RETRY_MS = 1000

export function createLiveReload(build: string, options: LiveReloadOptions = {}): LiveReload {
  const streams = new Set<ServerResponse>()
  let current = build
  let problem: LoadProblem | undefined
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n')
  }, options.heartbeatMs ?? 25_000)
  // The server keeps the process alive, not the heartbeat.
  heartbeat.unref()

  const broadcast = (event: string, data: unknown) => {
    for (const stream of streams) send(stream, event, data)
  }

  return {
    connect(response) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      })
      response.write(`retry: ${RETRY_MS}\n\n`)
      streams.add(response)
      response.on('close', () => streams.delete(response))
      send(response, 'build', { build: current })
      if (problem) send(response, 'catalog-error', problem)
    },
    built(id) {
      current = id
      problem = undefined
      broadcast('reload', { build: id })
    },
    failed(next) {
      problem = next
      broadcast('catalog-error', next)
    },
    close() {
      clearInterval(heartbeat)
      for (const stream of streams) stream.end()
      streams.clear()
    },
  }
}

function send(stream: ServerResponse, event: string, data: unknown): void {
  // JSON has no raw line breaks, so the data is one `data:` line.
  stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
}

export interface ClientAsset {
  body: Buffer
  contentType: string
}

/** The page side of live reload, by URL path. */
export const CLIENT_ASSETS: ReadonlyMap<string, ClientAsset> = new Map([
  [LIVE_RELOAD_SCRIPT, asset('live-reload.js', 'text/javascript; charset=utf-8')],
  [STYLESHEET_PATH, asset('live-reload.css', 'text/css; charset=utf-8')],
])

function asset(name: string, contentType: string): ClientAsset {
  return { body: readFileSync(new URL(`./assets/${name}`, import.meta.url)), contentType }
}
