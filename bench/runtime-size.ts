// What a server bundle carries: esbuild (bundle, minify, ESM for Node, the
// framework external) of a module that registers the Fastify adapter with a
// generated catalog and uses three of its errors, imported by name; then
// gzip (node:zlib, default level). Two catalogs: Seven Bridges (131 errors)
// and a generated 10,000-error catalog (bench/catalog-load.ts, then
// `errcat build --target ts`). Target: at most 8 kB min+gzip for each; the
// largest inputs are listed, to tell what to trim when it is over.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { writeLargeCatalog } from './catalog-load.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** The target, in bytes of the gzipped bundle. */
export const TARGET_BYTES = 8 * 1024

export interface BundleSize {
  label: string
  errors: readonly string[]
  minified: number
  gzipped: number
  /** The inputs with the most bytes in the minified output, largest first. */
  top: { input: string; bytes: number }[]
  targetMet: boolean
}

export interface RuntimeSizeResult {
  name: 'runtime-size'
  bundles: BundleSize[]
  targetMet: boolean
}

/** The size of a bundle of the Fastify adapter, `catalog` and `errors` of `module`. */
export async function bundleSize(
  label: string,
  module: string,
  errors: readonly string[],
): Promise<BundleSize> {
  const entry = [
    "import errcat from '@errcat/runtime/fastify'",
    `import { catalog, ${errors.join(', ')} } from ${JSON.stringify(module)}`,
    // Used as a server would: the plugin registered with the catalog, the errors thrown or sent.
    'export const plugin = [errcat, { catalog }]',
    `export const errors = [${errors.join(', ')}]`,
  ].join('\n')
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: 'server.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The runtime as this repository has it (src/), resolved from anywhere (the large catalog
    // is generated in a temporary folder).
    conditions: ['errcat-source'],
    nodePaths: [join(ROOT, 'node_modules')],
    external: ['fastify'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const output = result.outputFiles[0]!.contents
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs
  const top = Object.entries(inputs)
    .map(([input, { bytesInOutput }]) => ({ input: shorten(input), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 12)
  const gzipped = gzipSync(output).length
  return {
    label,
    errors,
    minified: output.length,
    gzipped,
    top,
    targetMet: gzipped <= TARGET_BYTES,
  }
}

function shorten(input: string): string {
  const at = input.indexOf('packages/runtime/')
  if (at !== -1) return input.slice(at)
  return input.includes('errors.generated') ? `(generated) ${input.split('/').at(-1)}` : input
}

export async function run(): Promise<RuntimeSizeResult> {
  const bundles = [
    await bundleSize('Seven Bridges (131 errors)', './examples/sevenbridges/errors.generated.ts', [
      'RATE_LIMIT_EXCEEDED',
      'UNAUTHORIZED',
      'TASK_NOT_FOUND',
    ]),
  ]
  const dir = await mkdtemp(join(tmpdir(), 'errcat-size-'))
  try {
    const { root } = await writeLargeCatalog(dir)
    const module = join(dir, 'errors.generated.ts')
    await promisify(execFile)(
      process.execPath,
      [
        '--conditions=errcat-source',
        '--import',
        'tsx',
        join(ROOT, 'src/cli/main.ts'),
        'build',
        root,
        '--target',
        'ts',
        '--out',
        module,
      ],
      { cwd: ROOT },
    )
    bundles.push(
      await bundleSize('generated, 10,000 errors', module, [
        'SERVICE0_ERROR_0',
        'SERVICE7_ERROR_123',
        'SERVICE19_ERROR_498',
      ]),
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return { name: 'runtime-size', bundles, targetMet: bundles.every((b) => b.targetMet) }
}

export function formatResult(result: RuntimeSizeResult): string {
  const kB = (n: number) => `${(n / 1024).toFixed(2)} kB`
  const lines = ['runtime-size: Fastify adapter + catalog + 3 errors, esbuild --minify, gzip']
  for (const b of result.bundles) {
    lines.push(
      `  ${b.label}: ${kB(b.minified)} minified, ${kB(b.gzipped)} gzipped (target ≤ ${kB(TARGET_BYTES)}: ${b.targetMet ? 'met' : 'MISSED'})`,
      ...b.top.map((t) => `    ${String(t.bytes).padStart(6)} B  ${t.input}`),
    )
  }
  return lines.join('\n')
}
