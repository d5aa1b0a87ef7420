// Bundle sizes of errcat/client, measured as a browser app ships them: each
// entry bundled by esbuild (minified, tree-shaken, ESM), then gzip level 9.
// Beside them, ky, ofetch and openapi-fetch measured the same way. The app
// case is an app that parses errors of a 10,000-error catalog and names three
// of them: the client module of that catalog is generated here, and the app
// passes only those three to the parser.
// Results go in BENCHMARKS.md ("Client bundle size").
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { generateClientModule } from '../src/emit/client.ts'
import { loadCatalog } from '../src/load/load.ts'

const REPO = fileURLToPath(new URL('..', import.meta.url))
const CATALOG_SIZE = 10_000

/** Targets from the issue, bytes min+gzip. */
export const TARGETS = { core: 3 * 1024, app: 10 * 1024 }

export interface Size {
  minified: number
  gzip: number
}
export type ClientSizeResult = Record<string, Size>

const ENTRIES: Record<string, string> = {
  'parser core (createErrorParser, ApiError)':
    "export { createErrorParser, ApiError } from '@errcat/runtime/client'",
  'envelope reader (defineEnvelopeReader)':
    "export { defineEnvelopeReader } from '@errcat/runtime/client'",
  'parser + reader (no catalog data)':
    "export { createErrorParser, defineEnvelopeReader } from '@errcat/runtime/client'",
  'retrying fetch (createRetryingFetch)':
    "export { createRetryingFetch } from '@errcat/runtime/client'",
  'localizer (createLocalizer)': "export { createLocalizer } from '@errcat/runtime/client'",
  'errcat/client/ky (ky external)': "export { errcatKy } from '@errcat/runtime/client/ky'",
  'errcat/client/ofetch': "export { errcatOfetch } from '@errcat/runtime/client/ofetch'",
  'errcat/client/openapi-fetch':
    "export { errcatMiddleware } from '@errcat/runtime/client/openapi-fetch'",
  ky: "export { default } from 'ky'",
  ofetch: "export { ofetch } from 'ofetch'",
  'openapi-fetch': "export { default } from 'openapi-fetch'",
}

export const APP = `import { createErrorParser } from '@errcat/runtime/client'
import { E_1, E_5000, E_9999, envelopeReader } from './errors.client.generated.ts'
export const parser = createErrorParser({ reader: envelopeReader, errors: { E_1, E_5000, E_9999 } })
export async function describe(response) {
  const err = await parser.parse(response)
  if (err?.is('E_5000')) return err.params.value
  return err?.message
}`

const APP_WITH_RETRIES = `${APP}
import { createRetryingFetch } from '@errcat/runtime/client'
export const fetchWithRetries = createRetryingFetch({ parser })`

export async function bundleSize(entry: string, dir = REPO): Promise<Size> {
  const code = await bundle(entry, dir)
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength }
}

/** `entry` bundled for the browser, minified. */
export async function bundle(entry: string, dir = REPO): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents: entry, resolveDir: dir, loader: 'ts' },
    absWorkingDir: dir,
    nodePaths: [join(REPO, 'node_modules')],
    bundle: true,
    treeShaking: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['errcat-source'],
    // The integrations are measured without the library they plug into.
    external: entry.includes('client/ky') ? ['ky'] : [],
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.contents
}

/** A catalog of `count` errors with a param each, in the default envelope (RFC 9457). */
export function bigCatalog(count: number): string {
  const lines = ['api:\n  name: Big API\n  docs: https://docs.big.example/errors', 'errors:']
  for (let i = 1; i <= count; i++)
    lines.push(
      `  E_${i}:`,
      `    code: ${100_000 + i}`,
      `    status: ${i % 10 === 0 ? 500 : 400}`,
      `    title: Unique title ${i}`,
      `    message: 'Unique message {value} of error ${i}'`,
      '    params:',
      '      value:',
      '        type: string',
    )
  return `${lines.join('\n')}\n`
}

/** Writes the client module of a 10,000-error catalog into `dir`. */
export async function writeBigClientModule(dir: string): Promise<void> {
  const file = join(dir, 'errors.yaml')
  await writeFile(file, bigCatalog(CATALOG_SIZE))
  const { catalog } = await loadCatalog(file)
  if (!catalog) throw new Error('the generated catalog does not load')
  await writeFile(
    join(dir, 'errors.client.generated.ts'),
    generateClientModule(catalog, { catalogPath: 'errors.yaml', version: 'bench' }),
  )
}

export async function run(): Promise<ClientSizeResult> {
  const result: ClientSizeResult = {}
  for (const [name, entry] of Object.entries(ENTRIES)) result[name] = await bundleSize(entry)
  const dir = await mkdtemp(join(tmpdir(), 'errcat-client-size-'))
  try {
    await writeBigClientModule(dir)
    result[`app: ${CATALOG_SIZE.toLocaleString('en')}-error catalog, 3 errors named`] =
      await bundleSize(APP, dir)
    result['the same app with the retrying fetch'] = await bundleSize(APP_WITH_RETRIES, dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return result
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`

export function formatResult(result: ClientSizeResult): string {
  const lines = ['client-size: esbuild --minify, then gzip -9']
  for (const [name, size] of Object.entries(result))
    lines.push(
      `  ${name.padEnd(58)} ${kB(size.minified).padStart(9)}  ${kB(size.gzip).padStart(8)}`,
    )
  return lines.join('\n')
}
