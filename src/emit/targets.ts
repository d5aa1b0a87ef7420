// The outputs of `errcat build`, by `--target` name. A target turns the
// loaded catalog into the text of one file; the command handles paths,
// writing and `--check`. New outputs (docs, markdown, openapi, locales…)
// are one more entry here.
import { basename, dirname, join } from 'node:path'
import type { LoadedCatalog } from '../catalog/model.ts'
import { generateJson } from './json.ts'
import { generateTypeScript } from './typescript.ts'

export interface TargetContext {
  /** The catalog path relative to the output file's folder, with `/` separators. */
  catalogPath: string
  version: string
  /** `--runtime`: the module generated code imports the runtime from. */
  runtimeImport?: string
}

export interface BuildTarget {
  name: string
  description: string
  /** Where the output goes when `--out` is not given. */
  defaultOutput(catalogFile: string): string
  generate(catalog: LoadedCatalog, context: TargetContext): string
}

const beside = (catalogFile: string, name: string) => join(dirname(catalogFile), name)

export const targets: readonly BuildTarget[] = [
  {
    name: 'ts',
    description: 'TypeScript module: typed factories, type guards, the runtime catalog',
    defaultOutput: (catalogFile) => beside(catalogFile, 'errors.generated.ts'),
    generate: (catalog, context) =>
      generateTypeScript(catalog, {
        catalogPath: context.catalogPath,
        version: context.version,
        ...(context.runtimeImport ? { runtimeImport: context.runtimeImport } : {}),
      }),
  },
  {
    name: 'json',
    description: 'the normalized catalog as JSON, for SDKs in other languages',
    defaultOutput: (catalogFile) =>
      beside(
        catalogFile,
        `${basename(catalogFile).replace(/\.(ya?ml|json)$/i, '')}.generated.json`,
      ),
    generate: (catalog, context) => generateJson(catalog, context),
  },
]

export function findTarget(name: string): BuildTarget | undefined {
  return targets.find((t) => t.name === name)
}
