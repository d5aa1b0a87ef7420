// The outputs of `errcat build`, by `--target` name. A target turns the
// loaded catalog into the text of one file, or into the files of a folder it
// owns (the docs site, per-locale bundles); the command handles paths,
// options from the catalog's `build:` section, writing and `--check`.
import { basename, dirname, join } from 'node:path'
import type { LoadedCatalog } from '../catalog/model.ts'

export interface TargetOptions {
  /** ts: the module generated code imports the runtime from. */
  runtime?: string
  /** docs: the page title. */
  title?: string
  /** docs: most errors on one page. */
  pageSize?: number
  /** markdown: one page, or one per group. */
  split?: 'single' | 'groups'
  /** openapi: absolute path of the document to merge into. */
  merge?: string
  /** openapi: which errors each operation returns, or the absolute path of a file that says it. */
  operations?: string | Record<string, string[]>
}

export interface TargetContext {
  /** The catalog path relative to the output file's folder (or the output folder), with `/` separators. */
  catalogPath: string
  version: string
  options: TargetOptions
  /** The absolute output path: a file, or the folder of a folder target. */
  output: string
}

/** One file of a folder target, its path relative to the folder with `/` separators. */
export interface OutputFile {
  path: string
  content: string | Uint8Array
}

interface TargetBase {
  name: string
  description: string
  /** Where the output goes when neither `--out` nor the catalog's `build:` says. */
  defaultOutput(catalogFile: string, options: TargetOptions): string
}

export interface FileTarget extends TargetBase {
  kind: 'file'
  generate(catalog: LoadedCatalog, context: TargetContext): string | Promise<string>
}

export interface FolderTarget extends TargetBase {
  kind: 'folder'
  /** The files, which may be produced one at a time (a large site is never all in memory). */
  generate(
    catalog: LoadedCatalog,
    context: TargetContext,
  ): Iterable<OutputFile> | Promise<Iterable<OutputFile>>
}

/** A few files side by side (a module and its declarations): the first is the output itself. */
export interface FilesTarget extends TargetBase {
  kind: 'files'
  /** Paths relative to the output's folder. */
  generate(catalog: LoadedCatalog, context: TargetContext): OutputFile[] | Promise<OutputFile[]>
}

export type BuildTarget = FileTarget | FilesTarget | FolderTarget

export const beside = (catalogFile: string, name: string) => join(dirname(catalogFile), name)

/** `errors.yaml` → `errors`: the stem generated files beside the catalog are named after. */
export const catalogStem = (catalogFile: string) =>
  basename(catalogFile).replace(/\.(ya?ml|json)$/i, '')

// Generators are imported when their target runs, so `errcat build --target ts`
// does not load the docs renderer or the OpenAPI writer.
export const targets: readonly BuildTarget[] = [
  {
    name: 'ts',
    kind: 'file',
    description: 'TypeScript module: typed factories, type guards, the runtime catalog',
    defaultOutput: (catalogFile) => beside(catalogFile, 'errors.generated.ts'),
    generate: async (catalog, context) =>
      (await import('./typescript.ts')).generateTypeScript(catalog, {
        catalogPath: context.catalogPath,
        version: context.version,
        ...(context.options.runtime ? { runtimeImport: context.options.runtime } : {}),
      }),
  },
  {
    name: 'js',
    kind: 'files',
    description: 'the same module as ESM JavaScript, with its .d.ts beside it',
    defaultOutput: (catalogFile) => beside(catalogFile, 'errors.generated.js'),
    generate: async (catalog, context) => {
      const { js, dts } = (await import('./typescript.ts')).generateJavaScript(catalog, {
        catalogPath: context.catalogPath,
        version: context.version,
        ...(context.options.runtime ? { runtimeImport: context.options.runtime } : {}),
      })
      const name = basename(context.output)
      return [
        { path: name, content: js },
        { path: declarationsOf(name), content: dts },
      ]
    },
  },
  {
    name: 'json',
    kind: 'file',
    description: 'the normalized catalog as JSON, for SDKs in other languages',
    defaultOutput: (catalogFile) =>
      beside(catalogFile, `${catalogStem(catalogFile)}.generated.json`),
    generate: async (catalog, context) =>
      (await import('./json.ts')).generateJson(catalog, context),
  },
  {
    name: 'docs',
    kind: 'folder',
    description: 'static HTML reference site, with search (a folder)',
    defaultOutput: (catalogFile) => beside(catalogFile, 'errors-docs'),
    generate: async (catalog, context) =>
      (await import('./docs/site.ts')).docsSiteFiles(catalog, context),
  },
  {
    name: 'openapi',
    kind: 'file',
    description:
      'OpenAPI 3.1 error components (YAML, or JSON by extension); with --merge, written into your document',
    // Merged, the document itself is the output (written in place).
    defaultOutput: (catalogFile, options) =>
      options.merge ?? beside(catalogFile, 'openapi.errors.yaml'),
    generate: async (catalog, context) =>
      (await import('./openapi/index.ts')).generateOpenApi(catalog, context),
  },
  {
    name: 'json-schema',
    kind: 'file',
    description: 'JSON Schema (2020-12) of the error body',
    defaultOutput: (catalogFile) =>
      beside(catalogFile, `${catalogStem(catalogFile)}.error.schema.json`),
    generate: async (catalog, context) =>
      (await import('./json-schema.ts')).generateJsonSchema(catalog, context),
  },
  {
    name: 'markdown',
    kind: 'folder',
    description:
      'the reference as Markdown for docs repositories (a folder: README.md, with split: groups a page per group)',
    defaultOutput: (catalogFile) => beside(catalogFile, 'errors-markdown'),
    generate: async (catalog, context) =>
      (await import('./markdown/pages.ts')).generateMarkdown(catalog, {
        catalogPath: context.catalogPath,
        version: context.version,
        ...(context.options.split ? { split: context.options.split } : {}),
      }),
  },
  {
    name: 'locales',
    kind: 'folder',
    description: 'one JSON message bundle per locale, plus index.json (a folder)',
    defaultOutput: (catalogFile) => beside(catalogFile, 'errors-locales'),
    generate: async (catalog, context) =>
      (await import('./locales.ts')).generateLocaleBundles(catalog, context),
  },
  {
    name: 'client',
    kind: 'file',
    description:
      'TypeScript client module: error data, types and the envelope reader, no server code',
    defaultOutput: (catalogFile) => beside(catalogFile, 'errors.client.generated.ts'),
    generate: async (catalog, context) =>
      (await import('./client.ts')).generateClientModule(catalog, {
        catalogPath: context.catalogPath,
        version: context.version,
      }),
  },
  {
    name: 'client-js',
    kind: 'files',
    description: 'the client module as ESM JavaScript, with its .d.ts beside it',
    defaultOutput: (catalogFile) => beside(catalogFile, 'errors.client.generated.js'),
    generate: async (catalog, context) => {
      const { generateClientModule } = await import('./client.ts')
      const options = { catalogPath: context.catalogPath, version: context.version }
      const name = basename(context.output)
      return [
        { path: name, content: generateClientModule(catalog, options, 'js') },
        { path: declarationsOf(name), content: generateClientModule(catalog, options, 'd.ts') },
      ]
    },
  },
]

/** `errors.generated.js` → `errors.generated.d.ts` (`.mjs` → `.d.mts`). */
export function declarationsOf(file: string): string {
  return /\.mjs$/.test(file)
    ? file.replace(/\.mjs$/, '.d.mts')
    : `${file.replace(/\.js$/, '')}.d.ts`
}

export function findTarget(name: string): BuildTarget | undefined {
  return targets.find((t) => t.name === name)
}
