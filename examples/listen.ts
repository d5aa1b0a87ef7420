// How the demo servers listen, whatever their framework: on loopback and a
// port the OS picks unless told otherwise, so that tests can run them side by
// side, and with a close that does not wait for idle keep-alive connections.
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { serve } from '@hono/node-server'

export interface ListenOptions {
  /** Default: 0, a port the OS picks. */
  port?: number
  /** Default: 127.0.0.1. */
  host?: string
}

export interface Running {
  url: string
  close(): Promise<void>
}

/** `options` with the defaults filled in. */
export function listenAddress(options: ListenOptions): { port: number; host: string } {
  return { port: options.port ?? 0, host: options.host ?? '127.0.0.1' }
}

/** The URL of a listening server, by the host it was asked for rather than the one it bound. */
export function urlOf(server: Pick<Server, 'address'>, host: string): string {
  return `http://${host}:${(server.address() as AddressInfo).port}`
}

type ServeServer = ReturnType<typeof serve>

function closeServer(server: ServeServer): Promise<void> {
  return new Promise<void>((done) => {
    server.close(() => done())
    // HTTP/2 servers have no closeAllConnections; @hono/node-server may hand one back.
    if ('closeAllConnections' in server) server.closeAllConnections()
  })
}

/** Serves a fetch-style handler (Hono's `app.fetch`, errcat's fetch adapter) with @hono/node-server. */
export function serveFetch(
  fetch: (request: Request) => Response | Promise<Response>,
  options: ListenOptions = {},
): Promise<Running> {
  const { port, host } = listenAddress(options)
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, () =>
      resolve({ url: urlOf(server, host), close: () => closeServer(server) }),
    )
    server.once('error', reject)
  })
}

/** Listens with a node:http server that is not listening yet (Express's app, a bare handler). */
export function listenNodeServer(server: Server, options: ListenOptions = {}): Promise<Running> {
  const { port, host } = listenAddress(options)
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () =>
      resolve({ url: urlOf(server, host), close: () => closeServer(server) }),
    )
  })
}

/**
 * Starts the demo on `PORT` (or `defaultPort`) and says where, when `moduleUrl`
 * is the script node was asked to run rather than a module imported by tests.
 */
export async function runIfMain<R extends Running>(
  moduleUrl: string,
  start: (options: { port: number }) => Promise<R>,
  defaultPort: number,
  describe: (running: R) => string,
): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return
  const running = await start({ port: Number(process.env.PORT ?? defaultPort) })
  console.log(describe(running))
}
