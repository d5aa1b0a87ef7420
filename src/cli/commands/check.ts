import { Command, Option } from 'commander'
import type { CheckResult } from '../../check/check.ts'
import type { RuleInfo } from '../../check/rule.ts'
import { CliError } from '../errors.ts'
import { DEFAULT_CATALOG } from '../load-catalog.ts'
import { createStyle, type Style } from '../report/style.ts'

type Format = 'text' | 'json' | 'sarif'

const NOTES_PER_RULE = 10

async function listRules(style: Style): Promise<string> {
  const { loaderRules, loadRules, rules } = await import('../../check/rules/index.ts')
  const { sourceRules } = await import('../../check/source/rules.ts')
  const colour = { error: style.red, warning: style.yellow, info: style.cyan }
  const entry = (r: RuleInfo) =>
    `${style.bold(r.id)} (${colour[r.severity](r.severity)})\n  ${r.description}\n  ${style.dim('fix:')} ${r.hint}\n`
  return [
    `${style.bold('Lint rules')} (configure under \`rules:\` as error, warning, info or off)\n\n`,
    ...[...rules, ...loaderRules, ...sourceRules].map(entry),
    `\n${style.bold('Load errors')} (the catalog cannot be checked; always errors, exit code 2)\n\n`,
    ...loadRules.map(entry),
  ].join('')
}

/** Scans the sources (the parser loads only here) and merges what it finds into the result. */
async function addSourceFindings(result: CheckResult, dir: string): Promise<void> {
  const { stat } = await import('node:fs/promises')
  const folder = await stat(dir).catch(() => undefined)
  if (!folder?.isDirectory()) {
    throw new CliError(
      `--source ${dir}: ${folder ? 'is not a folder' : 'no such folder'}`,
      2,
      'Pass the folder that holds your TypeScript or JavaScript sources, e.g. `--source src`.',
    )
  }
  const { checkSources } = await import('../../check/source/scan.ts')
  const { applyConfiguredSeverity } = await import('../../check/check.ts')
  const { compareFindings } = await import('../../catalog/diagnostic.ts')
  const scan = await checkSources(result.catalog!, dir)
  result.findings = [
    ...result.findings,
    ...applyConfiguredSeverity(result.catalog, scan.findings),
  ].sort(compareFindings)
  if (result.findings.some((f) => f.severity === 'error')) result.exitCode = 1
}

export function checkCommand(): Command {
  return new Command('check')
    .description(
      'Lint a catalog. Exit 0: no errors; 1: findings of severity error; 2: the catalog cannot be loaded.',
    )
    .argument('[catalog]', 'catalog file (YAML or JSON)', DEFAULT_CATALOG)
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json', 'sarif'])
        .default('text'),
    )
    .option(
      '--source <dir>',
      'also scan the TypeScript and JavaScript files under DIR for errors never used and references to errors that do not exist',
    )
    .option(
      '--rules',
      'list the lint rules with their ids, default severities and hints, then exit',
    )
    .action(async (path: string, options: { format: Format; rules?: boolean; source?: string }) => {
      const style = createStyle()
      if (options.rules) {
        process.stdout.write(await listRules(style))
        return
      }
      // The linter loads here, not when the command line is read: other commands start faster.
      const { checkFile } = await import('../../check/check.ts')
      const { formatText, summary } = await import('../report/text.ts')
      const result = await checkFile(path)
      if (options.source !== undefined && result.catalog)
        await addSourceFindings(result, options.source)
      const { findings } = result
      if (options.format === 'json')
        process.stdout.write((await import('../report/json.ts')).formatJson(findings))
      else if (options.format === 'sarif') {
        const { formatSarif } = await import('../report/sarif.ts')
        const { allRules } = await import('../../check/rules/index.ts')
        process.stdout.write(formatSarif(findings, allRules()))
      } else {
        process.stdout.write(formatText(findings, { style, notesPerRule: NOTES_PER_RULE }))
        const what = result.catalog
          ? `${path}: ${result.catalog.errors.length} errors checked`
          : `${path} cannot be loaded`
        process.stdout.write(`${what}; ${summary(findings, style)}\n`)
      }
      process.exitCode = result.exitCode
    })
}
