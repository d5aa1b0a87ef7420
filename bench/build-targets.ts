// `errcat build` of every target on generated catalogs of 1,000, 10,000 and
// 100,000 errors (the catalog-load shape: 20 service files, params, Markdown
// descriptions, French and German translations). Two measurements:
//
// - the whole command as users run it (`node dist/cli/main.js build`), wall
//   time and peak memory, beside its peer on the same catalog: `errcat check`,
//   which loads and lints the catalog and is the floor of any command that
//   reads it;
// - each target's generator alone, in this process, after one load.
//
// Growth is time per error against the 1,000-error run: 1 is linear.
// Results go in BENCHMARKS.md ("Build"). `BENCH_SIZES=1000,10000` for fewer.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { appendFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { targets } from '../src/emit/targets.ts'
import { loadCatalog } from '../src/load/load.ts'
import { writeLargeCatalog } from './catalog-load.ts'
import { median } from './median.ts'

const REPO = fileURLToPath(new URL('..', import.meta.url))
const CLI = join(REPO, 'dist/cli/main.js')

// Prints the process's peak resident memory on exit, for the child runs.
const PEAK_MEMORY = `process.on('exit', () => process.stderr.write('\\nmaxRSS=' + process.resourceUsage().maxRSS + '\\n'))`

export interface CommandTiming {
  medianMs: number
  samplesMs: number[]
  peakMiB: number
}

export interface SizeResult {
  errors: number
  runs: number
  build: CommandTiming
  check: CommandTiming
  /** Median milliseconds of each target's generator, after one load in this process. */
  targets: Record<string, number>
  /** Megabytes each target writes. */
  sizes: Record<string, number>
}

export interface BuildTargetsResult {
  name: string
  sizes: SizeResult[]
}

function runCommand(args: string[], cwd: string): { ms: number; peakMiB: number } {
  const started = performance.now()
  const child = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(PEAK_MEMORY)}`, CLI, ...args],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  const ms = performance.now() - started
  if (child.status !== 0 && !(args[0] === 'check' && child.status === 1))
    throw new Error(
      `errcat ${args.join(' ')} failed (${child.status}): ${child.stderr.slice(-2000)}`,
    )
  const rss = Number(/maxRSS=(\d+)/.exec(child.stderr)?.[1] ?? 0)
  return { ms, peakMiB: rss / 1024 }
}

function timeCommand(args: string[], cwd: string, runs: number): CommandTiming {
  const samples: number[] = []
  let peak = 0
  for (let i = 0; i < runs; i++) {
    const { ms, peakMiB } = runCommand(args, cwd)
    samples.push(ms)
    peak = Math.max(peak, peakMiB)
  }
  return { medianMs: median(samples), samplesMs: samples, peakMiB: peak }
}

async function timeGenerators(root: string, runs: number) {
  const { catalog } = await loadCatalog(root)
  if (!catalog) throw new Error('the bench catalog does not load')
  const times: Record<string, number[]> = {}
  const sizes: Record<string, number> = {}
  for (let i = 0; i < runs; i++) {
    for (const target of targets) {
      const started = performance.now()
      const output = await target.generate(catalog, {
        catalogPath: 'errors.yaml',
        version: 'bench',
        options: {},
        output: join(tmpdir(), 'errcat-bench-output'),
      })
      let bytes = 0
      if (typeof output === 'string') bytes = Buffer.byteLength(output)
      else for (const file of output) bytes += Buffer.byteLength(file.content)
      const series = times[target.name] ?? []
      series.push(performance.now() - started)
      times[target.name] = series
      sizes[target.name] = bytes / 1e6
    }
  }
  return {
    targets: Object.fromEntries(Object.entries(times).map(([name, t]) => [name, median(t)])),
    sizes,
  }
}

const BUILD_SECTION = `
build:
  ts: out/errors.generated.ts
  json: out/errors.generated.json
  docs: out/docs
  markdown: out/markdown
  openapi: out/openapi.errors.yaml
  json-schema: out/error.schema.json
  locales: out/locales
`

export async function run(
  options: { sizes?: number[]; runs?: number } = {},
): Promise<BuildTargetsResult> {
  const sizes =
    options.sizes ?? (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)
  if (!existsSync(CLI)) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' })
    if (built.status !== 0) throw new Error('npm run build failed')
  }
  const results: SizeResult[] = []
  for (const errors of sizes) {
    // 100,000 errors take minutes per run: fewer runs there.
    const runs = options.runs ?? (errors >= 100_000 ? 1 : 3)
    const dir = await mkdtemp(join(tmpdir(), 'errcat-bench-build-'))
    try {
      const { root } = await writeLargeCatalog(dir, { errors })
      await appendFile(root, BUILD_SECTION)
      await mkdir(join(dir, 'out'))
      // Each build starts from an empty output: what CI's first build costs.
      const build: number[] = []
      let peak = 0
      for (let i = 0; i < runs; i++) {
        await rm(join(dir, 'out'), { recursive: true, force: true })
        const { ms, peakMiB } = runCommand(['build', root], dir)
        build.push(ms)
        peak = Math.max(peak, peakMiB)
      }
      const check = timeCommand(['check', root, '--format', 'json'], dir, runs)
      const generators = await timeGenerators(root, runs)
      results.push({
        errors,
        runs,
        build: { medianMs: median(build), samplesMs: build, peakMiB: peak },
        check,
        ...generators,
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
  return { name: 'build-targets', sizes: results }
}

export function formatResult(result: BuildTargetsResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  const base = result.sizes[0]!
  const lines = ['build-targets: errcat build of every target, and its generators one by one']
  for (const size of result.sizes) {
    const growth = size.build.medianMs / size.errors / (base.build.medianMs / base.errors)
    lines.push(
      `  ${size.errors} errors (${size.runs} runs): build ${s(size.build.medianMs)}, peak ${size.build.peakMiB.toFixed(0)} MiB; check ${s(size.check.medianMs)}, peak ${size.check.peakMiB.toFixed(0)} MiB; build ÷ check ${(size.build.medianMs / size.check.medianMs).toFixed(2)}; growth per error ${growth.toFixed(2)}`,
      `    ${Object.entries(size.targets)
        .map(([name, ms]) => `${name} ${s(ms)} (${size.sizes[name]!.toFixed(1)} MB)`)
        .join(', ')}`,
    )
  }
  return lines.join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatResult(await run()))
}
