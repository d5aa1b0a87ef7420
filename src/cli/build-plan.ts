// Which targets `errcat build` generates, where, and with which options: the
// `--target` flags when given, else the catalog's `build:` section, else the
// TypeScript module. Paths in the catalog are relative to it; paths on the
// command line are relative to the current folder.
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import type { LoadedCatalog } from '../catalog/model.ts'
import type { BuildConfig } from '../catalog/schema.ts'
import { type BuildTarget, findTarget, type TargetOptions, targets } from '../emit/targets.ts'
import { CliError } from './errors.ts'

export interface BuildJob {
  target: BuildTarget
  /** Absolute output path: the file, or the folder of a folder target. */
  output: string
  options: TargetOptions
}

export interface CommandLineTargets {
  target?: string[]
  out?: string
  runtime?: string
  merge?: string
  operations?: string
}

type ConfigEntry = NonNullable<BuildConfig[keyof BuildConfig]>

export function planBuild(catalog: LoadedCatalog, cli: CommandLineTargets): BuildJob[] {
  const config = catalog.build ?? {}
  const names = cli.target
    ? parseTargetNames(cli.target)
    : Object.keys(config).length > 0
      ? Object.entries(config)
          .filter(([, entry]) => entry !== false)
          .map(([name]) => name)
      : ['ts']
  if (cli.out && names.length > 1)
    throw new CliError(
      '--out names one output, but several targets were given',
      2,
      'Run one `errcat build` per target, or drop --out and list the outputs under `build:` in the catalog.',
    )
  const base = dirname(catalog.root)
  return names.map((name) => {
    const target = findTarget(name)!
    const entry = (config as Record<string, ConfigEntry | undefined>)[name]
    const options = optionsOf(entry, base)
    if (cli.runtime !== undefined) options.runtime = cli.runtime
    if (cli.merge !== undefined) options.merge = resolve(cli.merge)
    if (cli.operations !== undefined) options.operations = resolve(cli.operations)
    const configured =
      typeof entry === 'string' ? entry : typeof entry === 'object' ? entry.out : undefined
    const output = cli.out
      ? resolve(cli.out)
      : configured !== undefined
        ? insideCatalogFolder(base, configured, `build.${name}`)
        : target.defaultOutput(catalog.root, options)
    return { target, output, options }
  })
}

function optionsOf(entry: ConfigEntry | undefined, base: string): TargetOptions {
  if (typeof entry !== 'object') return {}
  const { out: _out, ...rest } = entry as Record<string, unknown>
  const options = rest as TargetOptions
  if (typeof options.merge === 'string') options.merge = resolve(base, options.merge)
  if (typeof options.operations === 'string') options.operations = resolve(base, options.operations)
  return options
}

function parseTargetNames(values: string[]): string[] {
  const names: string[] = []
  for (const name of values
    .flatMap((n) => n.split(','))
    .map((n) => n.trim())
    .filter(Boolean)) {
    if (!findTarget(name))
      throw new CliError(
        `unknown target \`${name}\``,
        2,
        `Targets: ${targets.map((t) => t.name).join(', ')}.`,
      )
    if (!names.includes(name)) names.push(name)
  }
  // `--target ''` (an unset variable in a script) would otherwise build nothing and succeed.
  if (names.length === 0)
    throw new CliError(
      '--target names no target',
      2,
      `Targets: ${targets.map((t) => t.name).join(', ')}.`,
    )
  return names
}

/**
 * A path the catalog configures, which must stay inside the catalog's folder: a catalog from a
 * branch you do not trust must not make `errcat build` write elsewhere. `--out` on the command
 * line, and `--allow-outside`, lift it.
 */
function insideCatalogFolder(base: string, configured: string, where: string): string {
  const output = resolve(base, configured)
  const rel = relative(base, output)
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
  if (!inside && process.env.ERRCAT_ALLOW_OUTSIDE !== '1')
    throw new CliError(
      `${where} writes outside the catalog's folder: ${JSON.stringify(configured)}`,
      2,
      'Give a path inside the folder of the catalog, pass --out, or run with --allow-outside if you trust this catalog.',
    )
  return output
}
