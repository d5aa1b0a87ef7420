// `npm start`: every example on localhost. Each catalog gets `errcat serve`
// (its docs site and mock API, rebuilt when the catalog is edited), and each
// of the five seeds also its demo API, on another adapter each. Demo ports
// are PORT_BASE+1 … PORT_BASE+5 and docs ports PORT_BASE+11 … PORT_BASE+17
// (PORT_BASE defaults to 4100; 0 lets the OS pick them all); a port already
// taken falls back to one the OS picks. Ctrl-C stops them.
import { fileURLToPath } from 'node:url'
import { formatText } from '../src/cli/report/text.ts'
import { CatalogLoadError, type ServeLog, startServe } from '../src/serve/index.ts'
import { start as startGengo } from './gengo/server.ts'
import { start as startQencode } from './qencode/server.ts'
import { start as startQrForms } from './qr-forms/server.ts'
import { start as startQrForge } from './qrforge/server.ts'
import { DEMO_TASKS, start as startSevenBridges } from './sevenbridges/server.ts'

interface Running {
  url: string
  close(): Promise<void>
}

interface Demo {
  adapter: string
  start(options: { port: number; host: string }): Promise<Running>
  /** Something to try, with `{url}` for the server's URL. */
  tryIt: string
}

interface Example {
  name: string
  /** Its folder under examples/. */
  folder: string
  /** The seeds have a demo API; the imported database catalogs have docs only. */
  demo?: Demo
}

const EXAMPLES: Example[] = [
  {
    name: 'QRForge',
    folder: 'qrforge',
    demo: {
      adapter: 'Hono',
      start: startQrForge,
      tryIt: `curl -s -X POST {url}/v1/qr -H 'x-api-key: qrf_demo_key' -H 'content-type: application/json' -d '{"redirect_url": "ftp://nope"}'`,
    },
  },
  {
    name: 'Seven Bridges',
    folder: 'sevenbridges',
    demo: {
      adapter: 'Fastify',
      start: startSevenBridges,
      tryIt: `curl -s {url}/v2/tasks/${DEMO_TASKS.draft.replace(/^./, '0')} -H 'X-SBG-Auth-Token: sbg_demo_token'`,
    },
  },
  {
    name: 'Qencode',
    folder: 'qencode',
    demo: {
      adapter: 'Express',
      start: startQencode,
      tryIt: `curl -s {url}/v1/access_token -d api_key=not-a-key`,
    },
  },
  {
    name: 'Gengo',
    folder: 'gengo',
    demo: {
      adapter: 'fetch',
      start: startGengo,
      tryIt: `curl -s {url}/errors/2100 -H 'Accept-Language: ja'`,
    },
  },
  {
    name: 'QR forms (gateway)',
    folder: 'qr-forms',
    demo: {
      adapter: 'Hono + pass-through',
      start: startQrForms,
      tryIt: `curl -s {url}/v2/records/rec_9 -H 'x-api-key: qrf_rw_key'`,
    },
  },
  { name: 'PostgreSQL', folder: 'postgres' },
  { name: 'MySQL', folder: 'mysql' },
]

const HOST = '127.0.0.1'
/** Docs servers are numbered from PORT_BASE + DOCS_OFFSET + 1. */
const DOCS_OFFSET = 10
const HIGHEST_OFFSET = DOCS_OFFSET + EXAMPLES.length

function portBase(): number {
  const raw = process.env.PORT_BASE ?? '4100'
  const base = Number(raw)
  if (!Number.isInteger(base) || base < 0 || base + HIGHEST_OFFSET > 65535) {
    process.stderr.write(
      `errcat examples: PORT_BASE must be an integer from 0 to ${65535 - HIGHEST_OFFSET}, not "${raw}".\n`,
    )
    process.exit(2)
  }
  return base
}

/** Starts a server on `port`, or on a port the OS picks when that one is taken. */
async function startOn<R extends Running>(start: (port: number) => Promise<R>, port: number) {
  try {
    return { server: await start(port), note: '' }
  } catch (error) {
    const code = (error as { code?: string }).code
    if (port === 0 || (code !== 'EADDRINUSE' && code !== 'EACCES')) throw error
    return { server: await start(0), note: ` (port ${port} is taken)` }
  }
}

/** Rebuilds and load problems of one catalog, each line marked with its example. */
function logFor(folder: string): ServeLog {
  const mark = (text: string) => text.replace(/^(?=.)/gm, `[${folder}] `)
  return {
    info: (line) => process.stdout.write(`${mark(line)}\n`),
    error: (text) => process.stderr.write(mark(text)),
  }
}

interface Started {
  example: Example
  /** The docs URL, and why it is not the one asked for. */
  docs: string
  /** The demo API's URL. */
  api?: string
  /** What the table says about the demo API. */
  apiColumn: string
}

async function startExample(
  example: Example,
  index: number,
  base: number,
  running: Running[],
): Promise<Started> {
  const port = (offset: number) => (base === 0 ? 0 : base + offset + index + 1)
  const catalog = fileURLToPath(new URL(`./${example.folder}/errors.yaml`, import.meta.url))
  const docs = await startOn(
    (p) => startServe({ catalog, port: p, host: HOST, log: logFor(example.folder) }),
    port(DOCS_OFFSET),
  )
  running.push(docs.server)
  const started = { example, docs: `${docs.server.url}/${docs.note}` }
  if (!example.demo) return { ...started, apiColumn: '(catalog only)' }
  const { demo } = example
  const api = await startOn((p) => demo.start({ port: p, host: HOST }), port(0))
  running.push(api.server)
  return {
    ...started,
    api: api.server.url,
    apiColumn: `${api.server.url}  ${demo.adapter}${api.note}`,
  }
}

/** The table of URLs, then a request to try per demo. */
function describe(started: Started[]): string {
  const width = (values: string[]) => Math.max(...values.map((v) => v.length)) + 2
  const nameWidth = width(['Example', ...started.map((s) => s.example.name)])
  const docsWidth = width(['Docs and mock', ...started.map((s) => s.docs)])
  const row = (name: string, docs: string, demo: string) =>
    `  ${name.padEnd(nameWidth)}${docs.padEnd(docsWidth)}${demo}`.trimEnd()
  const tries = started.flatMap(({ example, api }) =>
    example.demo && api
      ? [`  ${example.name.padEnd(nameWidth)}${example.demo.tryIt.replaceAll('{url}', api)}`]
      : [],
  )
  return [
    'errcat examples: the docs and mock API of each catalog (errcat serve), beside its demo API',
    '',
    row('Example', 'Docs and mock', 'Demo API'),
    ...started.map((s) => row(s.example.name, s.docs, s.apiColumn)),
    '',
    'Try:',
    ...tries,
    '',
    'Each demo API answers GET /errors/{code|key|symbol} with that error of its catalog, in its',
    'own envelope (e.g. /errors/7002 on Seven Bridges). Each docs server answers GET',
    '/mock/{code|key|symbol} with the same bytes, and GET /mock/ lists every error. Edit an',
    'examples/*/errors.yaml and its docs and mock rebuild, and open pages reload (the demo APIs',
    'run the generated modules: rebuild those with `errcat build`).',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n')
}

async function main(): Promise<void> {
  const base = portBase()
  const running: Running[] = []
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    process.stdout.write(`\n${signal}: stopping the examples…\n`)
    await Promise.allSettled(running.map((server) => server.close()))
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))

  const started = await Promise.all(
    EXAMPLES.map((example, i) => startExample(example, i, base, running)),
  )
  process.stdout.write(describe(started))
}

main().catch((error: unknown) => {
  if (error instanceof CatalogLoadError) process.stderr.write(formatText(error.findings))
  process.stderr.write(`errcat examples: could not start: ${(error as Error)?.message ?? error}\n`)
  process.exit(1)
})
