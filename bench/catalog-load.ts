// Load + check of a large catalog: 10,000 errors in 20 groups (one included
// service file per group, as Seven Bridges splits its services), typed params,
// Markdown descriptions and translations in two locale files. `errcat check`
// must stay well under 2 s on it (see BENCHMARKS.md).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { checkCatalog } from '../src/check/check.ts'
import { loadCatalog } from '../src/load/load.ts'
import { median } from './median.ts'

export type CatalogShape = 'typical' | 'rich'

export interface CatalogLoadResult {
  name: string
  shape: CatalogShape
  errors: number
  /** Size of the catalog and locale files. */
  bytes: number
  /** The first run in this process: what one `errcat check` pays (JIT still cold). */
  firstMs: number
  /** Median of the following runs, load + check, in milliseconds. */
  medianMs: number
  loadMedianMs: number
  checkMedianMs: number
  /** Median CPU time (user + system, GC threads included) of the same runs. */
  cpuMedianMs: number
  runs: number
  findings: number
}

const GROUPS = 20
const STATUSES = [400, 404, 409, 422, 403]

/**
 * Writes the catalog into `dir` and returns the root file. `typical` mixes
 * entries as real catalogs do: every error has a code, key, title and
 * message; half have params, a third a Markdown description, a fifth retry
 * advice and a `since`. `rich` gives every error two params and a
 * description. `salt` changes every message, so that no cache carries parses
 * from one run to the next.
 */
export async function writeLargeCatalog(
  dir: string,
  options: { errors?: number; shape?: CatalogShape; salt?: string } = {},
): Promise<{ root: string; bytes: number }> {
  const { errors: errorCount = 10_000, shape = 'typical', salt = '' } = options
  const rich = shape === 'rich'
  const perGroup = Math.ceil(errorCount / GROUPS)
  const fr: string[] = []
  const de: string[] = []
  const includes: string[] = []
  let bytes = 0
  const write = async (name: string, lines: string[]) => {
    const text = `${lines.join('\n')}\n`
    bytes += Buffer.byteLength(text)
    await writeFile(join(dir, name), text)
  }
  let written = 0
  for (let g = 0; g < GROUPS && written < errorCount; g++) {
    const first = (g + 1) * 10_000
    const lines = [
      'groups:',
      `  service${g}:`,
      `    title: Service ${g}`,
      `    range: [${first}, ${first + 9_999}]`,
      `    status: ${STATUSES[g % STATUSES.length]}`,
      `    owner: team-${g}`,
      'errors:',
    ]
    for (let i = 0; i < perGroup && written < errorCount; i++, written++) {
      const symbol = `SERVICE${g}_ERROR_${i}`
      const withParams = rich || i % 2 === 0
      const message = withParams
        ? `Item {item} failed check ${i}${salt} of service ${g} after {count, plural, one {# attempt} other {# attempts}}`
        : `The item failed check ${i}${salt} of service ${g}`
      lines.push(
        `  ${symbol}:`,
        `    code: ${first + i}`,
        `    key: service${g}_error_${i}`,
        `    title: Check ${i} of service ${g} failed`,
        `    message: ${message}`,
      )
      if (withParams) {
        lines.push(
          '    params:',
          '      item: { type: string, description: The item that failed. }',
          '      count: { type: integer, description: Attempts made. }',
        )
      }
      if (rich || i % 3 === 0) {
        lines.push(
          `    description: The **service ${g}** rejected the item during check ${i}. See [the guide](https://example.com/guide).`,
        )
      }
      if (i % 5 === 0) lines.push('    retry: safe', `    since: "1.${i % 10}"`)
      // Translation tools write plain strings; some record the source they translated.
      const translated = withParams
        ? `L'élément {item} a échoué au contrôle ${i}${salt} du service ${g} après {count, plural, one {# essai} other {# essais}}`
        : `L'élément a échoué au contrôle ${i}${salt} du service ${g}`
      fr.push(
        i % 10 === 0
          ? `${symbol}: { message: "${translated}", source: "${message}" }`
          : `${symbol}: "${translated}"`,
      )
      // German lags behind: one error in ten is not translated yet (1,000 notes).
      if (i % 10 !== 9) {
        const german = withParams
          ? `Element {item} hat Prüfung ${i}${salt} von Dienst ${g} nicht bestanden ({count})`
          : `Prüfung ${i}${salt} von Dienst ${g} nicht bestanden`
        de.push(`${symbol}: "${german}"`)
      }
    }
    includes.push(`service-${g}.yaml`)
    await write(`service-${g}.yaml`, lines)
  }
  fr.push('INTERNAL: Erreur interne', 'VALIDATION_FAILED: La requête est invalide')
  de.push('INTERNAL: Interner Fehler', 'VALIDATION_FAILED: Die Anfrage ist ungültig')
  await write('fr.yaml', fr)
  await write('de.yaml', de)
  await write('errors.yaml', [
    'errcat: 1',
    'api: { name: Bench API, docs: "https://example.com/errors" }',
    'locales:',
    '  default: en',
    '  files: { fr: fr.yaml, de: de.yaml }',
    `include: [${includes.join(', ')}]`,
    'groups:',
    '  platform: { title: Platform, range: [1, 999] }',
    'errors:',
    '  INTERNAL: { code: 1, status: 500, title: Internal error, internal: true }',
    '  VALIDATION_FAILED: { code: 2, status: 400, title: Validation failed, validation: true }',
  ])
  return { root: join(dir, 'errors.yaml'), bytes }
}

export async function run(
  options: { errors?: number; runs?: number; shape?: CatalogShape } = {},
): Promise<CatalogLoadResult> {
  const { errors = 10_000, runs = 5, shape = 'typical' } = options
  const dir = await mkdtemp(join(tmpdir(), 'errcat-bench-'))
  try {
    const totals: number[] = []
    const loads: number[] = []
    const checks: number[] = []
    const cpus: number[] = []
    let findings = 0
    let bytes = 0
    for (let i = 0; i <= runs; i++) {
      const written = await writeLargeCatalog(dir, { errors, shape, salt: i ? ` r${i}` : '' })
      bytes = written.bytes
      const cpu = process.cpuUsage()
      const start = performance.now()
      const loaded = await loadCatalog(written.root, { cwd: dir })
      const loadedAt = performance.now()
      if (!loaded.catalog || loaded.findings.some((f) => f.rule.startsWith('load/'))) {
        throw new Error(`the bench catalog does not load: ${loaded.findings[0]?.message}`)
      }
      const found = checkCatalog(loaded.catalog)
      const end = performance.now()
      const used = process.cpuUsage(cpu)
      findings = loaded.findings.length + found.length
      totals.push(end - start)
      loads.push(loadedAt - start)
      checks.push(end - loadedAt)
      cpus.push((used.user + used.system) / 1000)
    }
    // The first run is reported on its own: it pays for JIT compilation.
    const firstMs = totals.shift()!
    for (const series of [loads, checks, cpus]) series.shift()
    return {
      name: 'catalog-load',
      shape,
      errors,
      bytes,
      firstMs,
      medianMs: median(totals),
      loadMedianMs: median(loads),
      checkMedianMs: median(checks),
      cpuMedianMs: median(cpus),
      runs,
      findings,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export function formatResult(result: CatalogLoadResult): string {
  const ms = (n: number) => `${n.toFixed(0)} ms`
  return `catalog-load (${result.shape}): ${result.errors} errors, ${(result.bytes / 1e6).toFixed(1)} MB; first run ${ms(result.firstMs)}, then median of ${result.runs}: ${ms(result.medianMs)} (load ${ms(result.loadMedianMs)} + check ${ms(result.checkMedianMs)}; CPU ${ms(result.cpuMedianMs)}); ${result.findings} findings`
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `-- rich` for the variant where every error has params and a description.
  const shape = process.argv[2] === 'rich' ? 'rich' : 'typical'
  console.log(formatResult(await run({ shape })))
}
