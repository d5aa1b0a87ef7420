import { isAbsolute, relative } from 'node:path'
import { Command } from 'commander'
import { DEFAULT_HOST, DEFAULT_PORT, isLoopback } from '../../serve/address.ts'
import type { Serving } from '../../serve/index.ts'
import { CliError } from '../errors.ts'
import { DEFAULT_CATALOG, loadOrFail } from '../load-catalog.ts'

interface ServeCommandOptions {
  port: string
  host: string
}

export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'Serve the docs site of a catalog and a mock API that answers each of its errors as a server built from it would (GET /mock/{code|key|symbol}); rebuilds and reloads open pages when the catalog changes. Exit 2: bad usage, a catalog that cannot be loaded at start, or an address that cannot be bound.',
    )
    .argument('[catalog]', 'catalog file (YAML or JSON)', DEFAULT_CATALOG)
    .option('-p, --port <number>', 'port to listen on; 0 picks a free one', String(DEFAULT_PORT))
    .option(
      '--host <address>',
      'address to listen on; anything but loopback lets other machines read the docs and call the mock',
      DEFAULT_HOST,
    )
    .action(async (path: string, options: ServeCommandOptions) => {
      const port = parsePort(options.port)
      const { catalog } = await loadOrFail(path)
      if (!isLoopback(options.host))
        process.stderr.write(
          `errcat: warning: listening on ${options.host}, not loopback: other machines can read the docs and call the mock.\n`,
        )
      let serving: Serving
      try {
        const { startServe } = await import('../../serve/index.ts')
        serving = await startServe({ catalog: path, loaded: catalog, port, host: options.host })
      } catch (error) {
        throw listenError(error, options.host, port)
      }
      const watched = catalog.files.length + catalog.localeFiles.length
      process.stdout.write(
        [
          `errcat serve: ${catalog.api.name}, ${catalog.errors.length} errors, from ${shown(catalog.root)}`,
          `  docs  ${serving.url}/`,
          `  mock  ${serving.mockUrl}/{code|key|symbol}   (every error: ${serving.mockUrl}/)`,
          `Watching ${watched} file${watched === 1 ? '' : 's'}: open pages reload when you save. Ctrl-C to stop.`,
          '',
        ].join('\n'),
      )
      const signal = await nextSignal()
      process.stdout.write(`\n${signal}: stopping…\n`)
      await serving.close()
    })
}

function parsePort(raw: string): number {
  const port = Number(raw)
  if (!/^\d+$/.test(raw) || port > 65535)
    throw new CliError(`--port must be a whole number from 0 to 65535, not "${raw}"`, 2)
  return port
}

/** A failure to bind, said plainly: the port is taken, privileged, or the address is not ours. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: unknown })?.code
  const where = `${host}:${port}`
  switch (code) {
    case 'EADDRINUSE':
      return new CliError(
        `cannot listen on ${where}: the port is already in use`,
        2,
        'Stop the program that uses it, pass another --port, or --port 0 to let the system pick a free one.',
      )
    case 'EACCES':
      return new CliError(
        `cannot listen on ${where}: permission denied`,
        2,
        'Ports below 1024 need privileges: pass a --port of 1024 or more.',
      )
    case 'EADDRNOTAVAIL':
      return new CliError(
        `cannot listen on ${where}: ${host} is not an address of this machine`,
        2,
        `Leave --host out to listen on ${DEFAULT_HOST}, or pass an address of one of this machine's interfaces.`,
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new CliError(`cannot listen on ${where}: the host name ${host} does not resolve`, 2)
    default:
      return error
  }
}

/** Resolves on Ctrl-C or SIGTERM; a second one then ends the process the default way. */
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on)
      process.off('SIGTERM', on)
      resolve(signal)
    }
    process.on('SIGINT', on)
    process.on('SIGTERM', on)
  })
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel
}
