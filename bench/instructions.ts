// CPU instructions per request, counted by valgrind's callgrind instead of
// timed, for the variants the timed HTTP benchmarks compare: a Fastify route
// throwing Seven Bridges' 7002 (fastify-route), and its 429 answered from a
// Fastify hook (fastify-hook) or a Hono middleware (hono-route).
//
// Why: on a shared host, CPU time per request scatters by 10 to 20 % between
// runs of the same code (the catch floor of fastify-route measured 0.78 to 0.99
// of its ceiling on one afternoon), more than the gaps those targets are about.
// An instruction count does not depend on what else the machine runs: two runs
// of one variant give the same count. It is a proxy: it weighs a cache miss like
// any instruction, so it complements the timed benchmarks and does not replace them.
//
// Method: each variant's server (plain JavaScript, instructions-server.mjs,
// with the module `errcat build --target js` writes) runs under
// `valgrind --tool=callgrind`, with V8 single-threaded, without its timer-driven
// memory reducer and with a young generation of fixed size, so that the same
// requests run the same instructions (two runs gave the same count to the unit).
// The counts are repeatable, not robust: the same variants in a server process
// that loaded its modules in another order, or built its constants another way,
// moved by up to 15 % (BENCHMARKS.md). Compare variants of one run only. It answers
// LOW requests and exits, then HIGH requests in another run; the difference over
// HIGH − LOW is the count per request, start-up and warm-up cancelled out.
// Needs valgrind (Debian: apt-get install -y valgrind); about half an hour on 2 cores.
import { spawn, spawnSync } from 'node:child_process'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureBuilt } from '../scripts/ensure-built.mjs'
import { BODY_7002, ERRCAT_HEADERS_7002 } from './fastify-route.ts'
import { assertSame429, BODY, HEADERS } from './sevenbridges-429.ts'

const REPO = fileURLToPath(new URL('..', import.meta.url))
const SERVER = fileURLToPath(new URL('instructions-server.mjs', import.meta.url))
// Inside the repository, so that the module resolves fastify and @errcat/runtime.
const WORK = join(REPO, 'node_modules/.cache/errcat-bench-instructions')
const VARIANTS = [
  'route: ceiling',
  'route: throw floor',
  "route: throw floor, errcat's headers",
  'route: errcat',
  'route: @fastify/error',
  'hook: ceiling',
  'hook: ceiling + error',
  'hook: errcat sendError',
  'hook: errcat sendError(factory)',
  'hono: ceiling',
  'hono: errcat respond',
  'hono: errcat respond(factory)',
] as const
type Variant = (typeof VARIANTS)[number]

/** The ratios the targets of issue 10 are about: numerator's count over the denominator's. */
const RATIOS: [Variant, Variant][] = [
  ['route: errcat', 'route: throw floor'],
  ['route: errcat', "route: throw floor, errcat's headers"],
  ['route: @fastify/error', 'route: errcat'],
  ['route: @fastify/error', 'route: throw floor'],
  ['hook: ceiling', 'hook: ceiling + error'],
  ['hook: ceiling', 'hook: errcat sendError'],
  ['hook: ceiling', 'hook: errcat sendError(factory)'],
  ['hono: ceiling', 'hono: errcat respond'],
  ['hono: ceiling', 'hono: errcat respond(factory)'],
]

export interface InstructionsResult {
  name: 'instructions'
  low: number
  high: number
  /** Instructions per answered request, by variant. */
  perRequest: Record<Variant, number>
  /** `a ÷ b` for each pair of RATIOS, of their counts per request. */
  ratios: Record<string, number>
}

// What the ceilings and floors send, as the timed benchmarks define it.
const ANSWERS = JSON.stringify({
  body429: BODY,
  headers429: HEADERS,
  body7002: BODY_7002,
  headers7002: ERRCAT_HEADERS_7002,
})

type Autocannon = (options: { url: string; connections: number; amount: number }) => Promise<{
  errors: number
  non2xx: number
}>

/** Starts a server (under valgrind when `outFile` is given); resolves with its port and exit. */
function startServer(variant: Variant, requests: number, module: string, outFile?: string) {
  const node = [
    '--single-threaded',
    '--no-memory-reducer',
    // A young generation of fixed size: V8 resizes it from what survives, so that otherwise
    // the scavenges per request, and their instructions, would depend on the heap's history
    // (what else the server process loaded), not only on the variant's work.
    '--min-semi-space-size=16',
    '--max-semi-space-size=16',
    SERVER,
    variant,
    String(requests),
    module,
  ]
  const [command, args] = outFile
    ? [
        'valgrind',
        ['--tool=callgrind', `--callgrind-out-file=${outFile}`, process.execPath, ...node],
      ]
    : [process.execPath, node]
  const child = spawn(command, args as string[], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ERRCAT_BENCH_ANSWERS: ANSWERS },
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk
  })
  const exited = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${variant}: exit ${code}\n${stderr.slice(-2000)}`)),
    )
  })
  const port = new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk
      const ready = /ready (\d+)/.exec(out)
      if (ready) resolve(Number(ready[1]))
    })
    exited.catch(reject)
  })
  return { port, exited }
}

/** The instructions a server of `variant` runs to start, answer `requests` requests and exit. */
async function count(variant: Variant, requests: number, module: string): Promise<number> {
  const outFile = join(WORK, `${variant.replace(/\W+/g, '-')}.${requests}.out`)
  const server = startServer(variant, requests, module, outFile)
  const port = await server.port
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/v2/tasks/00000000-0000-4000-8000-000000000000`,
    connections: 10,
    amount: requests,
  })
  if (result.errors > 0) throw new Error(`${variant}: ${result.errors} errors`)
  await server.exited
  const totals = /^(?:summary|totals): (\d+)/m.exec(await readFile(outFile, 'utf8'))
  if (!totals) throw new Error(`${variant}: no total in ${outFile}`)
  return Number(totals[1])
}

/** Each variant answers what its timed benchmark checks, once, without valgrind. */
async function check(module: string): Promise<void> {
  for (const variant of VARIANTS) {
    const server = startServer(variant, 1, module)
    const response = await fetch(`http://127.0.0.1:${await server.port}/v2/tasks/x`)
    const body = await response.text()
    if (!variant.startsWith('route:')) assertSame429(response, body)
    else if (response.status !== 404 || !body.includes('7002'))
      throw new Error(`${variant} answered ${response.status} ${body}`)
    await server.exited
  }
}

export async function run(
  options: { low?: number; high?: number } = {},
): Promise<InstructionsResult> {
  const { low = 5000, high = 15000 } = options
  if (spawnSync('valgrind', ['--version']).status !== 0)
    throw new Error('bench/instructions.ts needs valgrind: apt-get install -y valgrind')
  ensureBuilt()
  await rm(WORK, { recursive: true, force: true })
  await mkdir(WORK, { recursive: true })
  const module = join(WORK, 'sevenbridges.js')
  const built = spawnSync(
    process.execPath,
    [
      'dist/cli/main.js',
      'build',
      'examples/sevenbridges/errors.yaml',
      '--target',
      'js',
      '-o',
      module,
    ],
    { cwd: REPO, encoding: 'utf8' },
  )
  if (built.status !== 0) throw new Error(built.stderr)
  await check(module)

  const perRequest = {} as Record<Variant, number>
  for (const variant of VARIANTS) {
    // Two servers at once, one per core: the counts do not depend on the timing.
    const [atLow, atHigh] = await Promise.all([
      count(variant, low, module),
      count(variant, high, module),
    ])
    perRequest[variant] = (atHigh - atLow) / (high - low)
  }
  const ratios = Object.fromEntries(
    RATIOS.map(([a, b]) => [`${a} ÷ ${b}`, perRequest[a] / perRequest[b]]),
  )
  return { name: 'instructions', low, high, perRequest, ratios }
}

export function formatResult(result: InstructionsResult): string {
  return [
    `instructions: callgrind, (count at ${result.high} requests − count at ${result.low}) ÷ ${result.high - result.low}`,
    ...VARIANTS.map(
      (v) =>
        `  ${v.padEnd(37)} ${Math.round(result.perRequest[v]).toLocaleString('en').padStart(8)} instructions/request`,
    ),
    ...Object.entries(result.ratios).map(([name, ratio]) => `  ${name}: ${ratio.toFixed(3)}`),
  ].join('\n')
}
