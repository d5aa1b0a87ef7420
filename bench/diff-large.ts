// `errcat diff` of two 10,000-error catalogs (bench/catalog-load.ts's shape:
// 20 included service files, params, descriptions, two locale files). Two
// scenarios: the same catalog twice (nothing to report), and every message
// reworded (10,000 changes to classify and sort). Load of both sides and
// the diff are timed apart; the diff alone must stay a small part of the load.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { diffCatalogs } from '../src/diff/compare.ts'
import { loadSide } from '../src/diff/source.ts'
import { writeLargeCatalog } from './catalog-load.ts'
import { median } from './median.ts'

export interface DiffBenchResult {
  scenario: string
  errors: number
  changes: number
  loadMedianMs: number
  /** CPU time of loading both catalogs. */
  loadCpuMedianMs: number
  diffMedianMs: number
  /** CPU time of the diff (user + system): wall time moves with the machine's load. */
  diffCpuMedianMs: number
  runs: number
}

async function scenario(
  name: string,
  errors: number,
  salt: string,
  runs: number,
): Promise<DiffBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'errcat-bench-diff-'))
  try {
    await Promise.all(['old', 'new'].map((d) => mkdir(join(dir, d))))
    const old = await writeLargeCatalog(join(dir, 'old'), { errors })
    const neu = await writeLargeCatalog(join(dir, 'new'), { errors, salt })
    const loads: number[] = []
    const diffs: number[] = []
    const cpu: number[] = []
    const loadCpu: number[] = []
    let changes = 0
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now()
      const l0 = process.cpuUsage()
      const [a, b] = await Promise.all([loadSide(old.root, dir), loadSide(neu.root, dir)])
      const l1 = process.cpuUsage(l0)
      loadCpu.push((l1.user + l1.system) / 1000)
      if (!a.ok || !b.ok) throw new Error('the generated catalogs must load')
      const t1 = performance.now()
      const c0 = process.cpuUsage()
      const result = diffCatalogs(a.side, b.side)
      const c1 = process.cpuUsage(c0)
      const t2 = performance.now()
      cpu.push((c1.user + c1.system) / 1000)
      changes = result.breaking.length + result.compatible.length
      loads.push(t1 - t0)
      diffs.push(t2 - t1)
    }
    return {
      scenario: name,
      errors,
      changes,
      loadMedianMs: median(loads),
      loadCpuMedianMs: median(loadCpu),
      diffMedianMs: median(diffs),
      diffCpuMedianMs: median(cpu),
      runs,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export async function run(errors = 10_000, runs = 3): Promise<DiffBenchResult[]> {
  return [
    await scenario('identical', errors, '', runs),
    await scenario('every message reworded', errors, ' (v2)', runs),
  ]
}

export function formatResult(results: DiffBenchResult[]): string {
  return results
    .map(
      (r) =>
        `diff ${r.errors} errors, ${r.scenario}: ${r.changes} changes; load both ${Math.round(r.loadMedianMs)} ms (CPU ${Math.round(r.loadCpuMedianMs)} ms), diff ${Math.round(r.diffMedianMs)} ms (CPU ${Math.round(r.diffCpuMedianMs)} ms) (median of ${r.runs})`,
    )
    .join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatResult(await run(Number(process.argv[2] ?? 10_000))))
}
