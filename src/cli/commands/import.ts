// `errcat import FILE...`: error-code reference pages → a catalog draft. The
// draft goes to stdout (or -o FILE, never overwriting without --force); the
// report of what was skipped or guessed goes to stderr, each item with the
// page's file:line, so the two can be redirected apart.
import { extname } from 'node:path'
import { Command, Option } from 'commander'
import type { Draft } from '../../import/draft/build-draft.ts'
import { FORMAT_NAMES } from '../../import/read/format-names.ts'
import type { DraftFormat } from '../../import/write/write-draft.ts'
import { CliError } from '../errors.ts'
import { isInputOfRun, writeUserFile } from '../outputs.ts'

interface ImportOptions {
  output?: string
  format?: DraftFormat
  force?: boolean
  from?: string
  explainDetection?: boolean
}

type Details = import('../../import/read/read-pages.ts').PageDetail[]

const score = (n: number) => n.toFixed(2)

/** One line per page: which importer read it and why, what it found, what it skipped and where. */
function pageLines(draft: Draft, details: Details): string[] {
  return draft.inputs.map((input) => {
    const detail = details.find((d) => d.file === input.file)
    let how = `read as ${input.format}`
    if (detail?.forced) how += ' (--from)'
    else if (detail) {
      const [chosen, next] = detail.candidates
      how += ` (detected, score ${score(chosen?.score ?? 0)}${next && next.score > 0 ? `; next ${next.format} ${score(next.score)}` : ''})`
    }
    if (detail?.importedBy) how += `, a snippet imported by ${detail.importedBy}`
    const skipped = draft.report.filter((r) => r.file === input.file && r.kind === 'skipped')
    const where = skipped
      .slice(0, 10)
      .map((r) => `${r.file}:${r.line}`)
      .join(', ')
    const more = skipped.length > 10 ? `, … ${skipped.length - 10} more` : ''
    return `${input.file}: ${how}, ${input.errors} errors, ${skipped.length} skipped${skipped.length ? ` (${where}${more})` : ''}`
  })
}

/** Every candidate's score, for `--explain-detection`. */
function detectionLines(details: Details): string[] {
  return details.map((d) => {
    if (d.forced) return `${d.file}: detection: not run, --from ${d.format}`
    const scores = d.candidates
      .filter((c) => c.score > 0)
      .map((c) => `${c.format} ${score(c.score)}${c.format === d.format ? ' (chosen)' : ''}`)
      .join(', ')
    const zero = d.candidates.filter((c) => c.score === 0).map((c) => c.format)
    const rest = zero.length ? `; 0 for ${zero.join(', ')}` : ''
    return `${d.file}: detection: ${scores || 'no format recognised it'}${rest}`
  })
}

function summary(draft: Draft, output: string | undefined): string {
  const errors = Object.keys(draft.catalog.errors ?? {}).length
  const groups = Object.keys(draft.catalog.groups ?? {}).length
  const skipped = draft.report.filter((r) => r.kind === 'skipped').length
  const guessed = draft.guessedStatus.size
  const from = draft.inputs.map((i) => `${i.file} (${i.format}, ${i.errors} errors)`).join(', ')
  const next = output ? `errcat check ${output}` : 'errcat check <the draft>'
  return [
    `imported ${errors} errors in ${groups} groups from ${from}`,
    `${skipped} skipped, ${guessed} statuses guessed: review the draft, then run \`${next}\``,
  ].join('\n')
}

export function importCommand(): Command {
  return new Command('import')
    .description(
      'Turn error-code reference pages into a catalog draft. Reads HTML, Markdown/MDX, readme.io exports, plain text, CSV, JSON, PostgreSQL errcodes.txt, MySQL messages, man pages, Protocol Buffers, reStructuredText, YAML/TOML definitions and OpenAPI/JSON Schema, recognised by content. The draft goes to stdout (or -o); what was skipped or guessed goes to stderr with file:line.',
    )
    .argument('<files...>', 'pages to import: files, or folders to search')
    .option('-o, --output <file>', 'write the draft to this file instead of stdout')
    .addOption(
      new Option(
        '--format <format>',
        'draft format (default: from the -o extension, else yaml)',
      ).choices(['yaml', 'json']),
    )
    .option('--force', 'overwrite the output file if it exists')
    .addOption(
      new Option(
        '--from <format>',
        'read every input as this format instead of detecting it',
      ).choices(FORMAT_NAMES),
    )
    .option(
      '--explain-detection',
      "print every format's score for each page (stderr), to see why a format was chosen",
    )
    .action(async (files: string[], options: ImportOptions) => {
      const format: DraftFormat =
        options.format ?? (options.output && extname(options.output) === '.json' ? 'json' : 'yaml')
      // The parsers load here, not when the command line is read: other commands start faster.
      const { readPages } = await import('../../import/read/read-pages.ts')
      const { buildDraft } = await import('../../import/draft/build-draft.ts')
      const { writeDraft } = await import('../../import/write/write-draft.ts')
      const read = await readPages(files, options.from)
      if (options.explainDetection) {
        for (const line of detectionLines(read.details)) process.stderr.write(`${line}\n`)
      }
      for (const p of read.passedOver) process.stderr.write(`${p.file}: passed over: ${p.reason}\n`)
      if (read.problem) throw new CliError(read.problem.message, 2, read.problem.hint)

      const draft = buildDraft(read.pages)
      const text = writeDraft(draft, format)
      if (options.output) {
        if (await isInputOfRun(options.output, files))
          throw new CliError(
            `${options.output} is one of the pages being imported; nothing was written`,
            2,
            'Choose another file with -o.',
          )
        try {
          await writeUserFile(options.output, text, options.force ?? false)
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code
          if (code === 'EEXIST') {
            throw new CliError(
              `${options.output} already exists; nothing was written`,
              2,
              'Pass --force to overwrite it, or choose another file with -o.',
            )
          }
          throw new CliError(
            code === 'ENOENT'
              ? `cannot write ${options.output}: its folder does not exist; nothing was written`
              : `cannot write ${options.output} (${code}); nothing was written`,
            2,
            code === 'ENOENT'
              ? 'Create the folder first, or choose another file with -o.'
              : 'Check that the folder is writable, or choose another file with -o.',
          )
        }
      } else {
        process.stdout.write(text)
      }
      for (const r of draft.report)
        process.stderr.write(`${r.file}:${r.line}: ${r.kind}: ${r.message}\n`)
      for (const line of pageLines(draft, read.details)) process.stderr.write(`${line}\n`)
      process.stderr.write(`${summary(draft, options.output)}\n`)
    })
}
