import { Command, Option } from 'commander'
import { CliError } from '../errors.ts'
import { createStyle } from '../report/style.ts'

type Format = 'text' | 'json' | 'markdown' | 'github' | 'sarif'

export function diffCommand(): Command {
  return new Command('diff')
    .description(
      'Classify every change between two catalogs as breaking or compatible and suggest a semver bump. OLD and NEW are catalog files or git revisions (`main:errors.yaml`). Exit 0: nothing breaking (or all accepted); 1: breaking changes; 2: a catalog cannot be loaded.',
    )
    .argument('<old>', 'the old catalog: a file, or REV:PATH read through git')
    .argument('<new>', 'the new catalog: a file, or REV:PATH')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json', 'markdown', 'github', 'sarif'])
        .default('text'),
    )
    .option('--allow-breaking', 'exit 0 even when there are breaking changes')
    .action(
      async (
        oldArg: string,
        newArg: string,
        options: { format: Format; allowBreaking?: boolean },
      ) => {
        // The diff and the loader load here, not when the command line is read.
        const { loadSide } = await import('../../diff/source.ts')
        const { diffCatalogs } = await import('../../diff/compare.ts')
        const { unaccepted } = await import('../../diff/change.ts')
        const cwd = process.cwd()
        const [before, after] = await Promise.all([loadSide(oldArg, cwd), loadSide(newArg, cwd)])
        for (const side of [before, after]) {
          if (side.ok) continue
          if (side.findings.length > 0) {
            const { formatText } = await import('../report/text.ts')
            process.stderr.write(
              formatText(side.findings.filter((f) => f.rule.startsWith('load/'))),
            )
          }
          throw new CliError(side.message, 2, side.hint)
        }
        if (!before.ok || !after.ok) return
        const result = diffCatalogs(before.side, after.side)
        process.stdout.write(await render(result, options))
        process.exitCode = unaccepted(result).length > 0 && !options.allowBreaking ? 1 : 0
      },
    )
}

async function render(
  result: import('../../diff/change.ts').DiffResult,
  options: { format: Format; allowBreaking?: boolean },
): Promise<string> {
  switch (options.format) {
    case 'json':
      return (await import('../../diff/formats/json.ts')).formatJson(result)
    case 'markdown':
      return (await import('../../diff/formats/markdown.ts')).formatMarkdown(result)
    case 'github':
      return (await import('../../diff/formats/github.ts')).formatGithub(result)
    case 'sarif':
      return (await import('../../diff/formats/sarif.ts')).formatSarif(result)
    default:
      return (await import('../../diff/formats/text.ts')).formatText(
        result,
        createStyle(),
        options.allowBreaking,
      )
  }
}
