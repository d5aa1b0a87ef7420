// The load harness of the HTTP benchmarks (fastify-route, fastify-hook,
// express-route, hono-route): each variant is a server in a child process,
// autocannon loads it from this process, so that on a two-core machine each
// side has a core. Rounds rotate the variants' order; each figure is the
// median of the rounds. Besides requests per second, the child's CPU time per
// answered request is measured (process.cpuUsage, every thread of the
// process): a busy shared machine disturbs it less than throughput.
// Not a benchmark itself: it exports no `run`.

import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { median } from './median.ts'

interface AutocannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  errors: number
  timeouts: number
}
type Autocannon = (options: {
  url: string
  connections: number
  duration: number
}) => Promise<AutocannonResult>

export interface LoadOptions {
  /** Seconds per variant and round. Default 4. */
  duration?: number
  /** Default 5. */
  rounds?: number
  /** Default 50. */
  connections?: number
}

export interface LoadResult<V extends string> {
  durationSeconds: number
  rounds: number
  connections: number
  /** Requests per second, by variant, one figure per round. */
  samples: Record<V, number[]>
  /** Server CPU time per answered request, in microseconds, one figure per round. */
  cpuSamples: Record<V, number[]>
  medianRps: Record<V, number>
  medianCpuUsPerRequest: Record<V, number>
  medianLatencyP50Ms: Record<V, number>
  /** The 1-minute load average of the machine before and after the run. */
  loadAverage: [number, number]
}

/**
 * Child side: starts every server (each returns its port), plus one that
 * answers the process's CPU time so far, and prints the ports as one JSON line.
 */
export async function serveVariants(servers: Record<string, () => Promise<number>>) {
  const ports: Record<string, number> = {}
  for (const [name, start] of Object.entries(servers)) ports[name] = await start()
  const admin = createServer((_request, response) => {
    const { user, system } = process.cpuUsage()
    response.end(String(user + system))
  })
  await new Promise<void>((resolve) => admin.listen(0, '127.0.0.1', resolve))
  ports.admin = (admin.address() as AddressInfo).port
  process.stdout.write(`${JSON.stringify(ports)}\n`)
}

/** Whether this module is the one started as a child with `--serve`. */
export function isServeProcess(moduleUrl: string): boolean {
  return process.argv.includes('--serve') && process.argv[1] === fileURLToPath(moduleUrl)
}

function startServers(moduleUrl: string): Promise<{
  child: ChildProcess
  ports: Record<string, number>
}> {
  const child = spawn(
    process.execPath,
    ['--conditions=errcat-source', '--import', 'tsx', fileURLToPath(moduleUrl), '--serve'],
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

/**
 * Parent side: starts the servers of `moduleUrl` (run with `--serve`), checks
 * each variant's answer to `path` with `check` (which throws when it is not the
 * expected one), warms each up for a second, then loads them in rotating rounds.
 */
export async function loadVariants<V extends string>(
  moduleUrl: string,
  variants: readonly V[],
  path: string,
  check: (variant: V, response: Response, body: string) => void,
  options: LoadOptions = {},
): Promise<LoadResult<V>> {
  const { duration = 4, rounds = 5, connections = 50 } = options
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon
  const loadBefore = loadavg()[0]!
  const { child, ports } = await startServers(moduleUrl)
  try {
    const url = (variant: V) => `http://127.0.0.1:${ports[variant]}${path}`
    for (const variant of variants) {
      const response = await fetch(url(variant))
      check(variant, response, await response.text())
    }
    const serverCpu = async () =>
      Number(await (await fetch(`http://127.0.0.1:${ports.admin}/`)).text())
    // Warm-up: JIT and connection pools.
    for (const variant of variants)
      await autocannon({ url: url(variant), connections, duration: 1 })

    const perVariant = () =>
      Object.fromEntries(variants.map((v) => [v, [] as number[]])) as Record<V, number[]>
    const samples = perVariant()
    const latency = perVariant()
    const cpu = perVariant()
    for (let round = 0; round < rounds; round++) {
      const order = variants.map((_, i) => variants[(i + round) % variants.length]!)
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
    const medians = (series: Record<V, number[]>) =>
      Object.fromEntries(variants.map((v) => [v, median(series[v])])) as Record<V, number>
    return {
      durationSeconds: duration,
      rounds,
      connections,
      samples,
      cpuSamples: cpu,
      medianRps: medians(samples),
      medianCpuUsPerRequest: medians(cpu),
      medianLatencyP50Ms: medians(latency),
      loadAverage: [loadBefore, loadavg()[0]!],
    }
  } finally {
    child.kill()
  }
}

/** One line per variant: requests/s, CPU per request, and the rounds. */
export function formatLoad<V extends string>(
  result: LoadResult<V>,
  variants: readonly V[],
): string[] {
  const width = Math.max(...variants.map((v) => v.length)) + 1
  return variants.map(
    (variant) =>
      `  ${variant.padEnd(width)} ${result.medianRps[variant].toFixed(0).padStart(7)} req/s  ${result.medianCpuUsPerRequest[variant].toFixed(1).padStart(5)} µs CPU/req  (rounds: ${result.samples[variant].map((n) => n.toFixed(0)).join(', ')}; CPU ${result.cpuSamples[variant].map((n) => n.toFixed(1)).join(', ')}; p50 ${result.medianLatencyP50Ms[variant]} ms)`,
  )
}

/** The port a listening server got. */
export function portOf(server: { address(): AddressInfo | string | null }): number {
  return (server.address() as AddressInfo).port
}
