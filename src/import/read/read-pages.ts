// Files and folders → parsed pages, each with its detected format. Named files
// must be readable and recognised; inside a folder, files that are not error
// pages are passed over (and listed), so `errcat import docs/` just works.
import { readdir, readFile, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { isInside, realPathOf } from '../../load/real-path.ts'
import type { PageSource } from '../draft/build-draft.ts'
import type { PageImport } from '../find/page.ts'
import { formatNames, importerFor, scoreFormats } from './detect.ts'
import { PageLimitError } from './limits.ts'
import { snippetImports } from './markdown/mdx-snippets.ts'
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
  /** For a snippet read because an MDX page imports it: that import, as file:line. */
  importedBy?: string
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
  const seen = new Set<string>()
  /** Snippets that MDX pages import, by path: the import that brought each in. */
  const snippets = new Map<string, string>()
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
    const roots = await allowedRoots(isFolder ? path : dirname(path))
    // Snippets found on the way are appended to `files`, so they are read in this loop.
    for (const file of files) {
      const real = await realPathOf(file)
      if (seen.has(real)) continue
      seen.add(real)
      const importedBy = snippets.get(file)
      const lenient = isFolder || importedBy !== undefined
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
        if (lenient) {
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
      details.push({
        file,
        format: importer.format,
        forced: !!forced,
        candidates,
        ...(importedBy ? { importedBy } : {}),
      })
      if (importer.format === 'markdown')
        await followSnippets(file, text, roots, { files, snippets, passedOver })
      if (page.rows.length === 0) {
        // A page whose entries all live in the snippets it imports is no mistake.
        if (lenient || files.some((f) => snippets.get(f)?.startsWith(`${file}:`))) {
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

/**
 * Where snippets may be read from: the folder named on the command line (or the
 * named file's), and the current folder, so `../_partials/codes.mdx` works from
 * a docs repository's root. `--allow-outside` lifts it.
 */
async function allowedRoots(folder: string): Promise<string[] | undefined> {
  if (process.env.ERRCAT_ALLOW_OUTSIDE === '1') return undefined
  return [await realPathOf(resolve(folder)), await realPathOf(process.cwd())]
}

/** Queues the Markdown snippets an MDX page imports and renders, or says why one is not read. */
async function followSnippets(
  file: string,
  text: string,
  roots: string[] | undefined,
  queue: {
    files: string[]
    snippets: Map<string, string>
    passedOver: ReadPagesResult['passedOver']
  },
): Promise<void> {
  for (const { specifier, line } of snippetImports(text)) {
    const target = join(dirname(file), specifier)
    const via = `${file}:${line}`
    if (queue.snippets.has(target) || queue.files.includes(target)) continue
    let inside = roots === undefined
    for (const root of roots ?? []) inside ||= await isInside(root, target)
    if (!inside) {
      queue.passedOver.push({
        file: target,
        reason: `imported by ${via}, but outside the folders being imported (run with --allow-outside to read it)`,
      })
      continue
    }
    const isFile = await stat(target).then(
      (s) => s.isFile(),
      () => false,
    )
    if (!isFile) {
      queue.passedOver.push({
        file: target,
        reason: `imported by ${via}, but there is no such file`,
      })
      continue
    }
    queue.snippets.set(target, via)
    queue.files.push(target)
  }
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
