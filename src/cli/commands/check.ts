import { Command, Option } from 'commander'
import { compareFindings, type Finding } from '../../catalog/diagnostic.ts'
import { applyConfiguredSeverity, checkCatalog } from '../../check/check.ts'
import { rules } from '../../check/rules/index.ts'
import { loadCatalog } from '../../load/load.ts'
import { DEFAULT_CATALOG } from '../load-catalog.ts'
import { formatJson } from '../report/json.ts'
import { formatSarif } from '../report/sarif.ts'
import { formatText, summary } from '../report/text.ts'

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
      '--rules',
      'list the lint rules with their ids, default severities and hints, then exit',
    )
    .action(
      async (path: string, options: { format: 'text' | 'json' | 'sarif'; rules?: boolean }) => {
        if (options.rules) {
          for (const r of rules)
            process.stdout.write(`${r.id} (${r.severity})\n  ${r.description}\n  fix: ${r.hint}\n`)
          return
        }
        const loaded = await loadCatalog(path)
        const loadFailed =
          !loaded.catalog || loaded.findings.some((f) => f.rule.startsWith('load/'))
        const findings: Finding[] = loadFailed
          ? loaded.findings
          : [
              ...applyConfiguredSeverity(loaded.catalog, loaded.findings),
              ...checkCatalog(loaded.catalog!),
            ].sort(compareFindings)

        if (options.format === 'json') process.stdout.write(formatJson(findings))
        else if (options.format === 'sarif') process.stdout.write(formatSarif(findings, rules))
        else {
          process.stdout.write(formatText(findings))
          const what = loadFailed
            ? `${path} cannot be loaded`
            : `${path}: ${loaded.catalog!.errors.length} errors checked`
          process.stdout.write(`${what}; ${summary(findings)}\n`)
        }
        process.exitCode = loadFailed ? 2 : findings.some((f) => f.severity === 'error') ? 1 : 0
      },
    )
}
