// One build of `errcat serve`: the catalog, loaded; its docs site, generated
// as `errcat build --target docs` would write it; and its mock API.
import { dirname, relative, resolve, sep } from 'node:path'
import type { Finding } from '../catalog/diagnostic.ts'
import type { LoadedCatalog } from '../catalog/model.ts'
import { generateDocsSite } from '../emit/docs/site.ts'
import { runtimeOf } from '../emit/runtime-catalog.ts'
import { findTarget, type TargetContext, type TargetOptions } from '../emit/targets.ts'
import { loadCatalog } from '../load/load.ts'
import { version } from '../version.ts'
import { createMock, type Mock } from './mock.ts'
import { createSite, type Site } from './site.ts'

export interface Build {
  catalog: LoadedCatalog
  site: Site
  mock: Mock
}

export type LoadOutcome =
  | { ok: true; build: Build }
  | {
      ok: false
      /** The findings that stop the load (what `errcat build` would print). */
      findings: Finding[]
      /** The files it got to read, to watch for the fix. */
      files: string[]
    }

export interface BuildOptions {
  /** Whether pages load the live-reload script. */
  liveReload: boolean
}

export async function loadBuild(path: string, options: BuildOptions): Promise<LoadOutcome> {
  const { catalog, findings } = await loadCatalog(path)
  // The same rule as the CLI's loadOrFail: a load/ finding, or no catalog at all, stops it.
  const fatal = findings.filter((f) => f.rule.startsWith('load/') || !catalog)
  if (!catalog || fatal.length > 0)
    return { ok: false, findings: fatal, files: catalog ? sourceFiles(catalog) : [] }
  return { ok: true, build: buildOf(catalog, options) }
}

export function buildOf(catalog: LoadedCatalog, options: BuildOptions): Build {
  const runtime = runtimeOf(catalog)
  return {
    catalog,
    site: createSite(generateDocsSite(catalog, docsContext(catalog)), options),
    mock: createMock(catalog, runtime),
  }
}

/** Every file the catalog was read from: its catalog files (root first) and locale files. */
export function sourceFiles(catalog: LoadedCatalog): string[] {
  return [...catalog.files, ...catalog.localeFiles]
}

/**
 * The context `errcat build --target docs` gives the generator: the options
 * of the catalog's `build.docs` entry and the folder it would write, so the
 * pages served are the pages built (their footer names the catalog relative
 * to that folder).
 */
export function docsContext(catalog: LoadedCatalog): TargetContext {
  const entry = catalog.build?.docs
  const { out, ...options }: { out?: string } & TargetOptions =
    typeof entry === 'object' ? entry : {}
  const configured = typeof entry === 'string' ? entry : out
  const output =
    configured !== undefined
      ? resolve(dirname(catalog.root), configured)
      : findTarget('docs')!.defaultOutput(catalog.root, options)
  const catalogPath = relative(output, catalog.root)
  return {
    catalogPath: sep === '/' ? catalogPath : catalogPath.split(sep).join('/'),
    version,
    options,
    output,
  }
}
