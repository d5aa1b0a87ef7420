// Where the generated module of a catalog is: the `ts` and `js` outputs of
// its `build:` section, else the default paths beside the catalog. Sources
// import it by a relative path (with or without extension) or by an alias
// ending in its base name.
import { basename, dirname, resolve } from 'node:path'
import type { LoadedCatalog } from '../../catalog/model.ts'

const DEFAULTS = { ts: 'errors.generated.ts', js: 'errors.generated.js' } as const

export function generatedModules(catalog: LoadedCatalog): string[] {
  const base = dirname(catalog.root)
  return (['ts', 'js'] as const).map((target) => {
    const entry = catalog.build?.[target]
    const out =
      typeof entry === 'string' ? entry : typeof entry === 'object' ? entry.out : undefined
    return resolve(base, out ?? DEFAULTS[target])
  })
}

/** A module path without its extension: `./errors.generated.js` and `.ts` name the same module. */
export function stem(path: string): string {
  return path.replace(/\.(d\.)?[cm]?[jt]sx?$/, '')
}

/** Whether `specifier`, imported from `fromFile`, is one of the generated modules. */
export function importsGenerated(
  specifier: string,
  fromFile: string,
  modules: readonly string[],
): boolean {
  const stems = modules.map(stem)
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    return stems.includes(stem(resolve(dirname(fromFile), specifier)))
  }
  // A path alias (`@/errors.generated`, `#errors`): matched by the module's own name.
  const names = stems.map((s) => basename(s))
  return names.includes(basename(stem(specifier)))
}
