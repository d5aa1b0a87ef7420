// `errcat import` on ~10 MB pages: a Markdown table, an HTML table, a JSON
// array of records and a CSV export, each with ~60,000 errors. Every run is
// the whole import but the file read: detection by content, parsing, the
// draft, and its YAML. Each page is also imported at a quarter of its size:
// a linear importer takes about 4x as long on the full page, a quadratic one
// 16x. Results go in BENCHMARKS.md ("Import").
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { buildDraft } from '../src/import/draft/build-draft.ts'
import { detectFormat } from '../src/import/read/detect.ts'
import { writeDraft } from '../src/import/write/write-draft.ts'
import { median } from './median.ts'

export interface ImportTiming {
  page: string
  format: string
  megabytes: number
  errors: number
  /** Milliseconds per run of the whole import, in run order. */
  samples: number[]
  medianMs: number
  /** Median milliseconds of each step. */
  steps: { detect: number; parse: number; draft: number; yaml: number }
  /** Median time on the full page divided by the median on a quarter of it (4 = linear). */
  growth: number
}

export interface ImportLargeResult {
  name: string
  runs: number
  pages: ImportTiming[]
}

const STATUSES = [400, 404, 409, 429, 500, 503]
const row = (i: number) => ({
  code: 100_000 + i,
  symbol: `ERROR_${i}`,
  status: STATUSES[i % STATUSES.length]!,
  message: `Request ${i} failed: the item is not valid`,
  description: `The service rejected item ${i}. Check the **input** and retry; see the guide, section ${i % 97}.`,
})

/** Page builders: `size` is the target length in characters. */
export const PAGES: Record<string, (size: number) => string> = {
  'markdown table': (size) => {
    const lines = [
      '# Error codes',
      '',
      '| Code | Symbol | HTTP Status | Message | Description |',
      '|------|--------|-------------|---------|-------------|',
    ]
    let length = 0
    for (let i = 0; length < size; i++) {
      const r = row(i)
      const line = `| ${r.code} | ${r.symbol} | ${r.status} | ${r.message} | ${r.description} |`
      lines.push(line)
      length += line.length + 1
    }
    return lines.join('\n')
  },
  'html table': (size) => {
    const lines = [
      '<html><body><h1>Error codes</h1><table>',
      '<tr><th>Code</th><th>Symbol</th><th>HTTP Status</th><th>Message</th><th>Description</th></tr>',
    ]
    let length = 0
    for (let i = 0; length < size; i++) {
      const r = row(i)
      const line = `<tr><td>${r.code}</td><td>${r.symbol}</td><td>${r.status}</td><td>${r.message}</td><td>${r.description.replace(/\*\*(.*?)\*\*/, '<b>$1</b>')}</td></tr>`
      lines.push(line)
      length += line.length + 1
    }
    lines.push('</table></body></html>')
    return lines.join('\n')
  },
  'json array': (size) => {
    const records: string[] = []
    let length = 0
    for (let i = 0; length < size; i++) {
      const record = JSON.stringify(row(i))
      records.push(record)
      length += record.length + 3
    }
    return `[\n ${records.join(',\n ')}\n]\n`
  },
  'csv export': (size) => {
    const lines = ['code,symbol,http status,message,description']
    let length = 0
    for (let i = 0; length < size; i++) {
      const r = row(i)
      const line = `${r.code},${r.symbol},${r.status},"${r.message}","${r.description}"`
      lines.push(line)
      length += line.length + 1
    }
    return lines.join('\n')
  },
  'tsv export': (size) =>
    fill(size, ['code\tsymbol\thttp status\tmessage\tdescription'], (r) => [
      `${r.code}\t${r.symbol}\t${r.status}\t${r.message}\t${r.description}`,
    ]),
  'man page errors': (size) =>
    fill(
      size,
      ['.Dd May 1, 2020', '.Dt ERRORS 2', '.Os', '.Sh ERRORS', '.Bl -tag -width Er'],
      (r) => [`.It Er ${r.code} ${r.symbol} Em "${r.message}" .`, r.description],
      ['.El'],
    ),
  'proto enum': (size) =>
    fill(
      size,
      ['syntax = "proto3";', '', 'message ErrorEnum {', '  enum Error {'],
      (r) => [
        '',
        `    // ${r.message}.`,
        `    // ${r.description}`,
        `    ${r.symbol} = ${r.code};`,
      ],
      ['  }', '}'],
    ),
  'rst grid table': (size) => {
    const border = `+--------+--------------+-----+${'-'.repeat(50)}+${'-'.repeat(110)}+`
    const cell = (t: string | number, w: number) => ` ${String(t).padEnd(w - 1)}`
    return fill(
      size,
      [
        'Error codes',
        '===========',
        '',
        '.. _errors:',
        '',
        border,
        `|${cell('Code', 8)}|${cell('Symbol', 14)}|${cell('HTTP', 5)}|${cell('Message', 50)}|${cell('Description', 110)}|`,
        border.replace(/-/g, '='),
      ],
      (r) => [
        `|${cell(r.code, 8)}|${cell(r.symbol, 14)}|${cell(r.status, 5)}|${cell(r.message, 50)}|${cell(r.description, 110)}|`,
        border,
      ],
    )
  },
  'yaml definitions': (size) =>
    fill(size, ['# Error definitions', 'errors:'], (r) => [
      `  # ${r.description}`,
      `  ${r.symbol.toLowerCase()}:`,
      `    code: ${r.code}`,
      `    status: ${r.status}`,
      `    message: "${r.message}"`,
    ]),
  'toml definitions': (size) =>
    fill(size, ['# Error definitions', ''], (r) => [
      `["App:${r.symbol}"]`,
      `error = '''`,
      r.message,
      `'''`,
      `description = "${r.description}"`,
      '',
    ]),
  'openapi enum': (size) =>
    `${fill(size, ["openapi: '3.0.3'", 'info:', '  title: Big', "  version: '1'", 'paths: {}', 'components:', '  schemas:', '    Error:', '      properties:', '        code:', '          type: string', '          enum:'], (r) => [`            - ${r.symbol}`])}\n          x-enum-descriptions:\n${fill(size / 4, [], (r) => [`            - "${r.message}"`])}\n`,
}

/** Lines: a head, then each row's lines until the page reaches `size`, then a tail. */
function fill(
  size: number,
  head: string[],
  lines: (r: ReturnType<typeof row>) => string[],
  tail: string[] = [],
): string {
  const out = [...head]
  let length = 0
  for (let i = 0; length < size; i++) {
    for (const line of lines(row(i))) {
      out.push(line)
      length += line.length + 1
    }
  }
  out.push(...tail)
  return out.join('\n')
}

interface Measured {
  total: number
  steps: ImportTiming['steps']
  format: string
  errors: number
}

function importOnce(text: string): Measured {
  const t0 = performance.now()
  const detected = detectFormat(text)
  if (!detected) throw new Error('the benchmark page was not recognised')
  const t1 = performance.now()
  const page = detected.importer.parse(text)
  const t2 = performance.now()
  const draft = buildDraft([{ file: 'page', page }])
  const t3 = performance.now()
  const yaml = writeDraft(draft)
  const t4 = performance.now()
  if (yaml.length === 0) throw new Error('empty draft')
  return {
    total: t4 - t0,
    steps: { detect: t1 - t0, parse: t2 - t1, draft: t3 - t2, yaml: t4 - t3 },
    format: detected.importer.format,
    errors: Object.keys(draft.catalog.errors ?? {}).length,
  }
}

export async function run(
  options: { megabytes?: number; runs?: number; pages?: string[] } = {},
): Promise<ImportLargeResult> {
  const size = Math.round((options.megabytes ?? 10) * 1_000_000)
  const runs = options.runs ?? 3
  const pages: ImportTiming[] = []
  for (const [name, build] of Object.entries(PAGES)) {
    if (options.pages && !options.pages.includes(name)) continue
    // The quarter-size page doubles as the warm-up (module compilation, JIT).
    const quarter = build(size / 4)
    importOnce(quarter)
    const quarterTimes = Array.from({ length: runs }, () => importOnce(quarter).total)
    const text = build(size)
    const measured = Array.from({ length: runs }, () => importOnce(text))
    const samples = measured.map((m) => m.total)
    const step = (k: keyof Measured['steps']) => median(measured.map((m) => m.steps[k]))
    pages.push({
      page: name,
      format: measured[0]!.format,
      megabytes: text.length / 1_000_000,
      errors: measured[0]!.errors,
      samples,
      medianMs: median(samples),
      steps: {
        detect: step('detect'),
        parse: step('parse'),
        draft: step('draft'),
        yaml: step('yaml'),
      },
      growth: median(samples) / median(quarterTimes),
    })
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { name: 'import-large', runs, pages }
}

export function formatResult(result: ImportLargeResult): string {
  const lines = [`import-large: median of ${result.runs} runs per page`]
  for (const p of result.pages) {
    const s = p.steps
    lines.push(
      `  ${p.page} (${p.format}, ${p.megabytes.toFixed(1)} MB, ${p.errors} errors): ${(p.medianMs / 1000).toFixed(2)} s` +
        ` (detect ${s.detect.toFixed(0)} ms, parse ${s.parse.toFixed(0)} ms, draft ${s.draft.toFixed(0)} ms, yaml ${s.yaml.toFixed(0)} ms);` +
        ` ${p.growth.toFixed(1)}x the quarter-size page`,
    )
  }
  return lines.join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `-- 2` for 2 MB pages, `-- 10 json` for one page kind.
  const [megabytes, ...kinds] = process.argv.slice(2)
  const pages = kinds.length
    ? Object.keys(PAGES).filter((p) => kinds.some((k) => p.includes(k)))
    : undefined
  const result = await run({
    ...(megabytes ? { megabytes: Number(megabytes) } : {}),
    ...(pages ? { pages } : {}),
  })
  console.log(formatResult(result))
}
