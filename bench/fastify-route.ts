// Requests per second of a Fastify route that fails with Seven Bridges' 7002
// ("Requested task does not exist.", HTTP 404), six ways:
//   - ceiling:        the route replies a hand-built JSON object itself;
//   - errcat:         the route (async) throws the catalog error, the errcat plugin answers;
//   - errcat, sync:   the same with a route that is a plain function;
//   - @fastify/error: the route throws a @fastify/error, Fastify's own handler answers;
//   - throw floor:    the route throws, and an error handler replies a prebuilt
//                     body: what Fastify's error path costs before any handler works;
//   - catch floor:    the route throws, and a wrapper catches the rejection and sends a
//                     prebuilt body without Fastify's error path: the least any error
//                     handler could cost for an async route that throws.
// The servers run in a child process and autocannon in this one, so that on a
// two-core machine each side has a core. Rounds alternate the variants'
// order; the median of the rounds is reported. Besides requests per second,
// the server's CPU time per request is measured (process.cpuUsage in the
// child), which a busy shared machine disturbs less than throughput.

import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { median } from './median.ts'

const VARIANTS = [
  'ceiling',
  'errcat',
  'errcat, sync',
  '@fastify/error',
  'throw floor',
  'catch floor',
] as const
type Variant = (typeof VARIANTS)[number]
const PATH = '/v2/tasks/00000000-0000-4000-8000-000000000000'

interface AutocannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
  timeouts: number
  statusCodeStats: Record<string, { count: number }>
}
type Autocannon = (options: {
  url: string
  connections: number
  duration: number
  pipelining?: number
}) => Promise<AutocannonResult>

export interface FastifyRouteResult {
  name: 'fastify-route'
  durationSeconds: number
  rounds: number
  connections: number
  /** Requests per second, by variant, one figure per round. */
  samples: Record<Variant, number[]>
  medianRps: Record<Variant, number>
  medianLatencyP50Ms: Record<Variant, number>
  /** Server CPU time per answered request, in microseconds (median of the rounds). */
  medianCpuUsPerRequest: Record<Variant, number>
  /** errcat's median over the ceiling's, over @fastify/error's, and over the throw floor's. */
  ratioToCeiling: number
  ratioToFastifyError: number
  ratioToThrowFloor: number
  /** The same for the sync route, and the catch floor's: the best any handler of an async throw could reach. */
  syncRatioToCeiling: number
  catchFloorRatioToCeiling: number
  targetMet: boolean
}

/** The target: the plugin route keeps at least this share of the ceiling. */
export const TARGET = 0.9

// ── The servers (child process) ─────────────────────────────────────────────

async function serve(): Promise<void> {
  const [{ default: Fastify }, { default: createFastifyError }, { default: errcat }, errors] =
    await Promise.all([
      import('fastify'),
      import('@fastify/error'),
      import('@errcat/runtime/fastify'),
      import('../examples/sevenbridges/errors.generated.ts'),
    ])
  const ports: Record<string, number> = {}

  const ceiling = Fastify()
  const body = {
    status: 404,
    code: 7002,
    message: 'Requested task does not exist.',
    more_info: 'https://docs.sevenbridges.com/docs/api-status-codes#7002',
  }
  ceiling.get('/v2/tasks/:id', async (_request, reply) => reply.code(404).send(body))

  const withErrcat = Fastify()
  await withErrcat.register(errcat, { catalog: errors.catalog })
  withErrcat.get('/v2/tasks/:id', async () => {
    throw errors.TASK_NOT_FOUND()
  })

  const TaskNotFound = createFastifyError('SBG_7002', 'Requested task does not exist.', 404)
  const native = Fastify()
  native.get('/v2/tasks/:id', async () => {
    throw new TaskNotFound()
  })

  const withErrcatSync = Fastify()
  await withErrcatSync.register(errcat, { catalog: errors.catalog })
  withErrcatSync.get('/v2/tasks/:id', () => {
    throw errors.TASK_NOT_FOUND()
  })

  const prebuilt = Buffer.from(JSON.stringify(body))
  const floor = Fastify()
  // Returns nothing: a returned reply is a thenable that Fastify would wait on.
  floor.setErrorHandler((_error, _request, reply) => {
    reply.code(404).header('content-type', 'application/json').send(prebuilt)
  })
  floor.get('/v2/tasks/:id', async () => {
    throw errors.TASK_NOT_FOUND()
  })

  const throwing = async () => {
    throw errors.TASK_NOT_FOUND()
  }
  const catchFloor = Fastify()
  catchFloor.get('/v2/tasks/:id', (_request, reply) => {
    throwing().catch(() => {
      reply.code(404).header('content-type', 'application/json').send(prebuilt)
    })
  })

  for (const [name, app] of [
    ['ceiling', ceiling],
    ['errcat', withErrcat],
    ['errcat, sync', withErrcatSync],
    ['@fastify/error', native],
    ['throw floor', floor],
    ['catch floor', catchFloor],
  ] as const) {
    await app.listen({ port: 0, host: '127.0.0.1' })
    ports[name] = (app.server.address() as AddressInfo).port
  }
  // The CPU time this process has used so far, for the load side to take differences.
  const admin = createServer((_request, response) => {
    const { user, system } = process.cpuUsage()
    response.end(String(user + system))
  })
  await new Promise<void>((resolve) => admin.listen(0, '127.0.0.1', resolve))
  ports.admin = (admin.address() as AddressInfo).port
  process.stdout.write(`${JSON.stringify(ports)}\n`)
}

function startServers(): Promise<{
  child: ChildProcess
  ports: Record<Variant | 'admin', number>
}> {
  const child = spawn(
    process.execPath,
    ['--conditions=errcat-source', '--import', 'tsx', fileURLToPath(import.meta.url), '--serve'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk
      const line = out.split('\n')[0]
      if (out.includes('\n')) resolve({ child, ports: JSON.parse(line!) })
    })
    child.once('exit', (code) => reject(new Error(`the bench servers exited (${code})`)))
    child.once('error', reject)
  })
}

// ── The load (this process) ─────────────────────────────────────────────────

export async function run(
  options: { duration?: number; rounds?: number; connections?: number } = {},
): Promise<FastifyRouteResult> {
  const { duration = 4, rounds = 5, connections = 50 } = options
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon
  const { child, ports } = await startServers()
  try {
    const url = (variant: Variant) => `http://127.0.0.1:${ports[variant]}${PATH}`
    // Each variant must fail the same way before it is measured.
    for (const variant of VARIANTS) {
      const response = await fetch(url(variant))
      const text = await response.text()
      if (response.status !== 404 || (!text.includes('7002') && variant !== '@fastify/error'))
        throw new Error(`${variant} answered ${response.status} ${text}`)
    }
    const serverCpu = async () =>
      Number(await (await fetch(`http://127.0.0.1:${ports.admin}/`)).text())
    // Warm-up: JIT and connection pools.
    for (const variant of VARIANTS)
      await autocannon({ url: url(variant), connections, duration: 1 })

    const perVariant = () =>
      Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]])) as Record<Variant, number[]>
    const samples = perVariant()
    const latency = perVariant()
    const cpu = perVariant()
    for (let round = 0; round < rounds; round++) {
      const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]!)
      for (const variant of order) {
        const before = await serverCpu()
        const result = await autocannon({ url: url(variant), connections, duration })
        const used = (await serverCpu()) - before
        if (result.errors > 0 || result.timeouts > 0)
          throw new Error(`${variant}: ${result.errors} errors, ${result.timeouts} timeouts`)
        samples[variant].push(result.requests.average)
        latency[variant].push(result.latency.p50)
        cpu[variant].push(used / result.requests.total)
      }
    }
    const medians = (series: Record<Variant, number[]>) =>
      Object.fromEntries(VARIANTS.map((v) => [v, median(series[v])])) as Record<Variant, number>
    const medianRps = medians(samples)
    const ratioToCeiling = medianRps.errcat / medianRps.ceiling
    return {
      name: 'fastify-route',
      durationSeconds: duration,
      rounds,
      connections,
      samples,
      medianRps,
      medianLatencyP50Ms: medians(latency),
      medianCpuUsPerRequest: medians(cpu),
      ratioToCeiling,
      ratioToFastifyError: medianRps.errcat / medianRps['@fastify/error'],
      ratioToThrowFloor: medianRps.errcat / medianRps['throw floor'],
      syncRatioToCeiling: medianRps['errcat, sync'] / medianRps.ceiling,
      catchFloorRatioToCeiling: medianRps['catch floor'] / medianRps.ceiling,
      targetMet: ratioToCeiling >= TARGET,
    }
  } finally {
    child.kill()
  }
}

export function formatResult(result: FastifyRouteResult): string {
  const lines = [
    `fastify-route: ${result.rounds} rounds × ${result.durationSeconds} s per variant, ${result.connections} connections; median requests/s`,
  ]
  for (const variant of VARIANTS)
    lines.push(
      `  ${variant.padEnd(15)} ${result.medianRps[variant].toFixed(0).padStart(7)} req/s  ${result.medianCpuUsPerRequest[variant].toFixed(1).padStart(5)} µs CPU/req  (rounds: ${result.samples[variant].map((n) => n.toFixed(0)).join(', ')}; p50 ${result.medianLatencyP50Ms[variant]} ms)`,
    )
  lines.push(
    `  errcat / ceiling: ${result.ratioToCeiling.toFixed(3)} (target ≥ ${TARGET}: ${result.targetMet ? 'met' : 'MISSED'}); errcat / @fastify/error: ${result.ratioToFastifyError.toFixed(3)}; errcat / throw floor: ${result.ratioToThrowFloor.toFixed(3)}`,
    `  errcat, sync / ceiling: ${result.syncRatioToCeiling.toFixed(3)}; catch floor / ceiling: ${result.catchFloorRatioToCeiling.toFixed(3)}`,
  )
  return lines.join('\n')
}

if (process.argv.includes('--serve') && process.argv[1] === fileURLToPath(import.meta.url)) {
  await serve()
}
