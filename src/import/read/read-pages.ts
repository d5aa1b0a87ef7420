// Files and folders → parsed pages, each with its detected format. Named files
// must be readable and recognised; inside a folder, files that are not error
// pages are passed over (and listed), so `errcat import docs/` just works.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { PageSource } from '../draft/build-draft.ts'
import type { PageImport } from '../find/page.ts'
import { formatNames, importerFor, scoreFormats } from './detect.ts'
import { PageLimitError } from './limits.ts'
import { SHAPES } from './shapes.ts'

export interface ReadProblem {
  message: string
  hint?: string
}

/** How a file was read: for the summary and `--explain-detection`. */
export interface PageDetail {
  file: string
  format: string
  /** Set when `--from` chose the format. */
  forced: boolean
  /** Every importer's score, highest first (empty when forced). */
  candidates: { format: string; score: number }[]
}

export interface ReadPagesResult {
  pages: PageSource[]
  /** One per file read (pages, then files whose reading stopped), in order. */
  details: PageDetail[]
  /** Files in folders that were not read, with why. */
  passedOver: { file: string; reason: string }[]
  problem?: ReadProblem
}

const MAX_FILES = 10_000

async function listFolder(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true })
  entries.sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    if (out.length >= MAX_FILES) return
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) await listFolder(path, out)
    else if (entry.isFile()) out.push(path)
  }
}

export async function readPages(paths: readonly string[], from?: string): Promise<ReadPagesResult> {
  const forced = from === undefined ? undefined : importerFor(from)
  if (from !== undefined && !forced) {
    return {
      pages: [],
      details: [],
      passedOver: [],
      problem: {
        message: `unknown input format "${from}"`,
        hint: `Formats: ${formatNames().join(', ')}.`,
      },
    }
  }
  const pages: PageSource[] = []
  const details: PageDetail[] = []
  const passedOver: ReadPagesResult['passedOver'] = []
  for (const path of paths) {
    let isFolder = false
    try {
      isFolder = (await stat(path)).isDirectory()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return {
        pages,
        details,
        passedOver,
        problem: {
          message: `${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code})`}`,
        },
      }
    }
    const files: string[] = []
    if (isFolder) await listFolder(path, files)
    else files.push(path)
    for (const file of files) {
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (error) {
        return {
          pages,
          details,
          passedOver,
          problem: {
            message: `${file}: cannot read it (${(error as NodeJS.ErrnoException).code})`,
          },
        }
      }
      const candidates = forced ? [] : scoreFormats(text)
      const best = candidates[0] && candidates[0].score > 0 ? candidates[0].format : undefined
      const importer = forced ?? (best === undefined ? undefined : importerFor(best))
      if (!importer) {
        if (isFolder) {
          passedOver.push({ file, reason: 'not an error-code page errcat can read' })
          continue
        }
        return {
          pages,
          details,
          passedOver,
          problem: {
            message: `cannot tell what kind of page ${file} is`,
            hint: `errcat reads ${formatNames().join(', ')}, recognised by their content. If the file is one of them, pass --from <format>.`,
          },
        }
      }
      let page: PageImport
      try {
        page = importer.parse(text)
      } catch (error) {
        if (!(error instanceof PageLimitError)) throw error
        details.push({ file, format: error.format, forced: !!forced, candidates })
        return {
          pages,
          details,
          passedOver,
          problem: {
            message: `${file}:${error.line}: ${error.message} (read as ${error.format}); nothing imported`,
            hint: 'Split or flatten the page; errcat stops there rather than exhaust the stack or memory.',
          },
        }
      }
      details.push({ file, format: importer.format, forced: !!forced, candidates })
      if (page.rows.length === 0) {
        if (isFolder) {
          passedOver.push({ file, reason: `read as ${page.format}, but it lists no error codes` })
          continue
        }
        return {
          pages,
          details,
          passedOver,
          problem: {
            message: `found no error codes in ${file} (read as ${page.format})`,
            hint: nothingFoundHint(file, page, candidates),
          },
        }
      }
      pages.push({ file, page })
    }
  }
  if (pages.length === 0) {
    return {
      pages,
      details,
      passedOver,
      problem: {
        message: `no error-code page found in ${paths.join(', ')}`,
        hint: `errcat reads ${formatNames().join(', ')}, recognised by their content; files passed over are listed with why. Pass a page itself, with --from <format> if its kind is not recognised.`,
      },
    }
  }
  return { pages, details, passedOver }
}

/** Which shapes were tried, what the importer noted, and which other formats came close. */
function nothingFoundHint(
  file: string,
  page: PageImport,
  candidates: readonly { format: string; score: number }[],
): string {
  const lines = [`As ${page.format}, errcat looked for ${SHAPES[page.format] ?? 'error entries'}.`]
  for (const note of page.notes.slice(0, 5)) lines.push(`${file}:${note.line}: ${note.message}`)
  const others = candidates.filter((c) => c.format !== page.format && c.score > 0)
  if (others.length > 0) {
    lines.push(
      `Other formats that also matched: ${others.map((c) => `${c.format} (${c.score})`).join(', ')}; try --from <format>.`,
    )
  } else {
    lines.push('Pass --from <format> if the format was misread.')
  }
  return lines.join('\n')
}
