// Load and soak: each adapter (Fastify, Express, Hono, fetch on
// @hono/node-server) serves the contract suite's app (test/http/apps.ts) in a
// child process, and autocannon loads it from this one with a mix of answers:
// catalog errors with and without params, validation failures, unexpected
// thrown values (an Error with a secret, a string, a circular object) and
// successes. Bounded: SOAK_SECONDS per adapter (default 30, at most 60), cut
// in three equal parts; after each part the child collects its garbage and
// reports its heap in use and resident memory.
//
// Checked on every response: its status is the one its route should give,
// and it carries a request id. Reported per third: requests/s, p99 latency,
// heap and resident memory. Target: the heap after a full collection grows by
// at most 10 % from the first third to the last. Results go in BENCHMARKS.md ("Soak").
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'

const ADAPTER_NAMES = ['fastify', 'express', 'hono', 'fetch'] as const
type AdapterName = (typeof ADAPTER_NAMES)[number]
const SECRET = 'postgres://admin:hunter2@db.internal:5432/prod'
const MAX_GROWTH = 1.1

interface Route {
  method: 'GET' | 'POST'
  path: string
  body?: string
  status: number
}

/**
 * The mix, sent round-robin. No malformed JSON: Fastify answers it with `connection: close`,
 * after which autocannon pairs the next responses with the wrong requests.
 */
const ROUTES: Route[] = [
  { method: 'GET', path: '/errors/NOT_FOUND', status: 404 },
  { method: 'GET', path: '/errors/BAD_TOKEN?hint=ab12', status: 401 },
  { method: 'GET', path: '/errors/RATE_LIMITED', status: 429 },
  { method: 'GET', path: '/no/such/route', status: 404 },
  { method: 'POST', path: '/validate/zod', body: '{"token":1}', status: 400 },
  { method: 'POST', path: '/validate/ajv', body: '{}', status: 400 },
  { method: 'GET', path: '/throw/0', status: 500 },
  { method: 'GET', path: '/throw/1', status: 500 },
  { method: 'GET', path: '/throw/2', status: 500 },
  { method: 'GET', path: '/ok', status: 200 },
]

export interface ThirdFigures {
  requestsPerSecond: number
  p99Ms: number
  /** Resident memory and JavaScript heap in use, after a full garbage collection. */
  rssMiB: number
  heapMiB: number
}

export interface AdapterSoak {
  adapter: AdapterName
  seconds: number
  requests: number
  /** Responses whose status was not the route's, or without a request id, or with the secret. */
  wrong: number
  /** What the wrong ones were, and how many of each. */
  wrongAnswers: Record<string, number>
  thirds: ThirdFigures[]
  /** The heap in use after the last third over the heap after the first (after a full GC). */
  growth: number
  targetMet: boolean
}

export interface SoakResult {
  name: 'soak'
  adapters: AdapterSoak[]
}

// ── Child: one adapter's app, plus a port that answers its resident memory ──

async function serve(adapter: AdapterName): Promise<void> {
  const { ADAPTERS } = await import('../test/http/apps.ts')
  const circular: Record<string, unknown> = { name: 'loop' }
  circular.self = circular
  const found = ADAPTERS.find((a) => a.name === adapter)!
  const app = await found.start({
    values: [new Error(`connect failed: ${SECRET}`), SECRET, circular],
    options: { telemetry: false },
  })
  // The suite's app records every onError call for its assertions: emptied here, so that what
  // is measured is what the adapter keeps.
  setInterval(() => {
    app.calls.length = 0
    app.sent.length = 0
  }, 50).unref()
  // Memory after a full collection (the child runs with --expose-gc): what is retained, not
  // what the collector has not come back for yet.
  const stats = createServer((_request, response) => {
    ;(globalThis as { gc?: () => void }).gc?.()
    const { rss, heapUsed } = process.memoryUsage()
    response.end(JSON.stringify({ rss, heapUsed }))
  })
  await new Promise<void>((resolve) => stats.listen(0, '127.0.0.1', resolve))
  process.stdout.write(
    `${JSON.stringify({ url: app.url, stats: (stats.address() as AddressInfo).port })}\n`,
  )
}

// ── Parent ───────────────────────────────────────────────────────────────────

type Autocannon = (options: Record<string, unknown>) => Promise<{
  requests: { average: number; total: number }
  latency: { p99: number }
}>

function start(adapter: AdapterName): Promise<{ child: ChildProcess; url: string; stats: number }> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--conditions=errcat-source',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--serve',
      adapter,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return new Promise((resolve, reject) => {
    let buffer = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk
      const line = buffer.split('\n')[0]
      if (buffer.includes('\n') && line) resolve({ child, ...JSON.parse(line) })
    })
    child.on('exit', (code) => reject(new Error(`${adapter} server exited with ${code}`)))
  })
}

async function memory(port: number): Promise<{ rss: number; heapUsed: number }> {
  return JSON.parse(await (await fetch(`http://127.0.0.1:${port}/`)).text())
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10

async function soak(adapter: AdapterName, seconds: number): Promise<AdapterSoak> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon
  const server = await start(adapter)
  let wrong = 0
  const wrongAnswers: Record<string, number> = {}
  let requests = 0
  const thirds: ThirdFigures[] = []
  try {
    const requestList = ROUTES.map((route) => ({
      method: route.method,
      path: route.path,
      ...(route.body ? { body: route.body, headers: { 'content-type': 'application/json' } } : {}),
      onResponse: (
        status: number,
        body: string,
        _context: unknown,
        headers: Record<string, unknown> = {},
      ) => {
        const hasId = Object.keys(headers).some((name) => name.toLowerCase() === 'x-request-id')
        if (status !== route.status || (status >= 400 && !hasId) || body.includes('hunter2')) {
          wrong++
          const what = `${route.method} ${route.path} → ${status}${hasId ? '' : ' without id'}`
          wrongAnswers[what] = (wrongAnswers[what] ?? 0) + 1
        }
      },
    }))
    for (let third = 0; third < 3; third++) {
      const result = await autocannon({
        url: server.url,
        connections: 20,
        duration: seconds / 3,
        requests: requestList,
      })
      requests += result.requests.total
      thirds.push({
        requestsPerSecond: Math.round(result.requests.average),
        p99Ms: result.latency.p99,
        ...(await memory(server.stats).then((m) => ({
          rssMiB: mib(m.rss),
          heapMiB: mib(m.heapUsed),
        }))),
      })
    }
  } finally {
    server.child.removeAllListeners('exit')
    server.child.kill()
  }
  // The heap after a full collection is what the process keeps; RSS also holds what V8 has
  // not returned to the system yet.
  const growth = thirds[2]!.heapMiB / thirds[0]!.heapMiB
  return {
    adapter,
    seconds,
    requests,
    wrong,
    wrongAnswers,
    thirds,
    growth,
    targetMet: growth <= MAX_GROWTH && wrong === 0,
  }
}

export async function run(): Promise<SoakResult> {
  const seconds = Math.min(60, Math.max(3, Number(process.env.SOAK_SECONDS ?? 30)))
  const adapters: AdapterSoak[] = []
  for (const adapter of ADAPTER_NAMES) adapters.push(await soak(adapter, seconds))
  return { name: 'soak', adapters }
}

export function formatResult(result: SoakResult): string {
  const lines = ['soak: a mix of errors and successes, three equal parts per adapter']
  for (const a of result.adapters) {
    const parts = a.thirds
      .map(
        (t) =>
          `${t.requestsPerSecond} req/s, p99 ${t.p99Ms} ms, heap ${t.heapMiB} MiB, RSS ${t.rssMiB} MiB`,
      )
      .join(' → ')
    lines.push(
      `  ${a.adapter.padEnd(8)} ${a.seconds} s, ${a.requests} requests, ${a.wrong} wrong; ${parts}; memory ×${a.growth.toFixed(3)} (target ≤ ${MAX_GROWTH}: ${a.targetMet ? 'met' : 'MISSED'})`,
    )
    for (const [what, count] of Object.entries(a.wrongAnswers))
      lines.push(`           wrong: ${what} (${count})`)
  }
  return lines.join('\n')
}

if (process.argv.includes('--serve') && process.argv[1] === fileURLToPath(import.meta.url)) {
  const adapter = process.argv[process.argv.indexOf('--serve') + 1] as AdapterName
  await serve(adapter)
}
