import { readFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'
import { Command } from 'commander'
import type { LoadedCatalog } from '../../catalog/model.ts'
import { targets } from '../../emit/targets.ts'
import { version } from '../../version.ts'
import { type BuildJob, planBuild } from '../build-plan.ts'
import { DEFAULT_CATALOG, loadOrFail } from '../load-catalog.ts'
import {
  assertReplaceable,
  checkFolder,
  type ReplaceRules,
  writeAtomically,
  writeFolder,
} from '../outputs.ts'
import { asWriteError } from '../write-error.ts'

interface BuildOptions {
  target?: string[]
  out?: string
  check?: boolean
  runtime?: string
  merge?: string
  operations?: string
  force?: boolean
}

/** How many stale files of one folder `--check` names before summing up the rest. */
const NAMED_STALE_FILES = 10

export function buildCommand(): Command {
  return new Command('build')
    .description(
      'Generate outputs from a catalog: the targets of its `build:` section, or --target. Exit 0: done (or up to date with --check); 1: --check found a stale output; 2: bad usage or a catalog that cannot be loaded.',
    )
    .argument('[catalog]', 'catalog file (YAML or JSON)', DEFAULT_CATALOG)
    .option(
      '-t, --target <name>',
      `what to generate, repeatable or comma-separated (default: the catalog's build: section, else ts): ${targets.map((t) => `${t.name} (${t.description})`).join('; ')}`,
      // Not variadic: `--target ts api.yaml` must leave the catalog path alone.
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '-o, --out <path>',
      'output file or folder (one target only); default: beside the catalog',
    )
    .option('--check', 'write nothing; exit 1 if an output is missing or differs from the catalog')
    .option('--runtime <module>', 'ts: the module the generated code imports the runtime from')
    .option(
      '--merge <openapi>',
      'openapi: add the error components to this OpenAPI document (written in place unless --out)',
    )
    .option(
      '--operations <file>',
      'openapi: YAML or JSON map of operation (operationId or "GET /path") to the symbols of the errors it returns',
    )
    .option(
      '--force',
      'replace an output file errcat did not write (or a symlink), or write into a folder that holds such files',
    )
    .action(async (path: string, options: BuildOptions) => {
      const { catalog } = await loadOrFail(path)
      const jobs = planBuild(catalog, options)
      const stale: BuildJob[] = []
      for (const job of jobs) {
        if (!options.check) await writeJob(catalog, job, options.force ?? false)
        else if (!(await checkJob(catalog, job))) stale.push(job)
      }
      if (stale.length > 0) {
        process.stderr.write(
          `hint: regenerate with \`${rebuildCommand(path, options, stale)}\` and commit the result.\n`,
        )
        process.exitCode = 1
      }
    })
}

async function generate(catalog: LoadedCatalog, job: BuildJob) {
  const from = job.target.kind === 'folder' ? job.output : dirname(job.output)
  const context = {
    catalogPath: portable(relative(from, catalog.root)),
    version,
    options: job.options,
    output: job.output,
  }
  switch (job.target.kind) {
    case 'file':
      return { kind: 'file' as const, text: await job.target.generate(catalog, context) }
    case 'files':
      return { kind: 'files' as const, files: await job.target.generate(catalog, context) }
    case 'folder':
      return {
        kind: 'folder' as const,
        files: await job.target.generate(catalog, context),
        context,
      }
  }
}

async function writeJob(catalog: LoadedCatalog, job: BuildJob, force: boolean): Promise<void> {
  const generated = await generate(catalog, job)
  await writeGenerated(catalog, job, generated, force).catch((error: unknown) => {
    throw asWriteError(error, display(job.output))
  })
}

async function writeGenerated(
  catalog: LoadedCatalog,
  job: BuildJob,
  generated: Awaited<ReturnType<typeof generate>>,
  force: boolean,
): Promise<void> {
  const shown = display(job.output)
  const count = plural(catalog.errors.length, 'error')
  const rules: ReplaceRules = {
    inputs: [...catalog.files, ...catalog.localeFiles],
    force,
    ownedByUser: job.options.merge !== undefined && job.options.merge === job.output,
  }
  if (generated.kind === 'file') {
    await assertReplaceable(job.output, shown, rules)
    await writeAtomically(job.output, generated.text)
    process.stdout.write(`wrote ${shown} (${job.target.name}, ${count})\n`)
    return
  }
  if (generated.kind === 'files') {
    for (const file of generated.files) {
      const path = besideOutput(job, file.path)
      await assertReplaceable(path, display(path), rules)
    }
    for (const file of generated.files)
      await writeAtomically(besideOutput(job, file.path), file.content)
    const names = generated.files.map((f) => display(besideOutput(job, f.path))).join(' and ')
    process.stdout.write(`wrote ${names} (${job.target.name}, ${count})\n`)
    return
  }
  const header = `Generated by errcat ${version} from ${generated.context.catalogPath}`
  const { written, removed, total } = await writeFolder(
    job.output,
    generated.files,
    header,
    force,
    shown,
  )
  const changes = [`${written} of ${plural(total, 'file')} written`]
  if (removed > 0) changes.push(`${removed} removed`)
  process.stdout.write(`wrote ${shown}/ (${job.target.name}, ${count}; ${changes.join(', ')})\n`)
}

async function checkJob(catalog: LoadedCatalog, job: BuildJob): Promise<boolean> {
  const generated = await generate(catalog, job)
  const shown = display(job.output)
  if (generated.kind === 'files') {
    let fresh = true
    for (const file of generated.files) {
      const path = besideOutput(job, file.path)
      const current = await readFile(path, 'utf8').catch(() => undefined)
      if (current === file.content) process.stdout.write(`${display(path)} is up to date\n`)
      else {
        fresh = false
        process.stderr.write(
          `errcat: ${display(path)} is ${current === undefined ? 'missing' : `stale: it does not match ${display(catalog.root)}`}\n`,
        )
      }
    }
    return fresh
  }
  if (generated.kind === 'file') {
    const current = await readFile(job.output, 'utf8').catch(() => undefined)
    if (current === generated.text) {
      process.stdout.write(`${shown} is up to date\n`)
      return true
    }
    process.stderr.write(
      `errcat: ${shown} is ${current === undefined ? 'missing' : `stale: it does not match ${display(catalog.root)}`}\n`,
    )
    return false
  }
  const { stale, leftOver, total } = await checkFolder(job.output, generated.files)
  if (stale.length === 0 && leftOver.length === 0) {
    process.stdout.write(`${shown}/ is up to date (${plural(total, 'file')})\n`)
    return true
  }
  for (const file of stale.slice(0, NAMED_STALE_FILES))
    process.stderr.write(
      `errcat: ${shown}/${file} is missing or stale: it does not match ${display(catalog.root)}\n`,
    )
  if (stale.length > NAMED_STALE_FILES)
    process.stderr.write(
      `errcat: … and ${stale.length - NAMED_STALE_FILES} more stale files in ${shown}/\n`,
    )
  for (const file of leftOver)
    process.stderr.write(`errcat: ${shown}/${file} is left over from an earlier build\n`)
  return false
}

/** A file of a `files` target: beside the output, in its folder. */
function besideOutput(job: BuildJob, path: string): string {
  return join(dirname(job.output), path)
}

function rebuildCommand(path: string, options: BuildOptions, stale: BuildJob[]): string {
  const command = ['errcat build', path, '--target', stale.map((j) => j.target.name).join(',')]
  if (options.out) command.push('--out', options.out)
  if (options.runtime) command.push('--runtime', options.runtime)
  if (options.merge) command.push('--merge', options.merge)
  if (options.operations) command.push('--operations', options.operations)
  return command.join(' ')
}

/** Paths inside generated files use `/`, so the output is the same on every OS. */
function portable(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

function display(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
