import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { Command } from 'commander'
import { type BuildTarget, findTarget, targets } from '../../emit/targets.ts'
import { version } from '../../version.ts'
import { CliError } from '../errors.ts'
import { DEFAULT_CATALOG, loadOrFail } from '../load-catalog.ts'

interface BuildOptions {
  target?: string[]
  out?: string
  check?: boolean
  runtime?: string
}

export function buildCommand(): Command {
  return new Command('build')
    .description(
      'Generate outputs from a catalog. Exit 0: done (or up to date with --check); 1: --check found a stale output; 2: bad usage or a catalog that cannot be loaded.',
    )
    .argument('[catalog]', 'catalog file (YAML or JSON)', DEFAULT_CATALOG)
    .option(
      '-t, --target <name>',
      `what to generate, repeatable or comma-separated (default: ts): ${targets.map((t) => `${t.name} (${t.description})`).join('; ')}`,
      // Not variadic: `--target ts api.yaml` must leave the catalog path alone.
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('-o, --out <file>', 'output file (one target only); default: beside the catalog')
    .option('--check', 'write nothing; exit 1 if an output is missing or differs from the catalog')
    .option(
      '--runtime <module>',
      'module the TypeScript output imports the runtime from',
      'errcat/runtime',
    )
    .action(async (path: string, options: BuildOptions) => {
      const selected = resolveTargets(options.target ?? ['ts'])
      if (options.out && selected.length > 1)
        throw new CliError(
          '--out names one file, but several targets were given',
          2,
          'Run one `errcat build` per target, or drop --out to use the default file names.',
        )
      const { catalog } = await loadOrFail(path)
      const stale: string[] = []
      for (const target of selected) {
        const output = resolve(options.out ?? target.defaultOutput(catalog.root))
        const text = target.generate(catalog, {
          catalogPath: portable(relative(dirname(output), catalog.root)),
          version,
          ...(options.runtime !== 'errcat/runtime' ? { runtimeImport: options.runtime } : {}),
        })
        const shown = display(output)
        if (options.check) {
          const current = await readFile(output, 'utf8').catch(() => undefined)
          if (current === text) process.stdout.write(`${shown} is up to date\n`)
          else {
            stale.push(target.name)
            process.stderr.write(
              `errcat: ${shown} is ${current === undefined ? 'missing' : `stale: it does not match ${display(catalog.root)}`}\n`,
            )
          }
          continue
        }
        await writeAtomically(output, text)
        process.stdout.write(`wrote ${shown} (${target.name}, ${catalog.errors.length} errors)\n`)
      }
      if (stale.length > 0) {
        const command = ['errcat build', path, '--target', stale.join(' ')]
        if (options.out) command.push('--out', options.out)
        if (options.runtime !== 'errcat/runtime') command.push('--runtime', options.runtime!)
        process.stderr.write(
          `hint: regenerate with \`${command.join(' ')}\` and commit the result.\n`,
        )
        process.exitCode = 1
      }
    })
}

function resolveTargets(names: string[]): BuildTarget[] {
  const selected: BuildTarget[] = []
  for (const name of names
    .flatMap((n) => n.split(','))
    .map((n) => n.trim())
    .filter(Boolean)) {
    const target = findTarget(name)
    if (!target)
      throw new CliError(
        `unknown target \`${name}\``,
        2,
        `Targets: ${targets.map((t) => t.name).join(', ')}.`,
      )
    if (!selected.includes(target)) selected.push(target)
  }
  return selected
}

/** Paths inside generated files use `/`, so the output is the same on every OS. */
function portable(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

function display(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

/** Write beside, then rename: a watcher or a concurrent build never reads half a file. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, text)
  await rename(temporary, path)
}
