// Files and folders → parsed pages, each with its detected format. Named files
// must be readable and recognised; inside a folder, files that are not error
// pages are passed over (and listed), so `errcat import docs/` just works.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { PageSource } from '../draft/build-draft.ts'
import { detectFormat, formatNames, importerFor } from './detect.ts'

export interface ReadProblem {
  message: string
  hint?: string
}

export interface ReadPagesResult {
  pages: PageSource[]
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
      passedOver: [],
      problem: {
        message: `unknown input format "${from}"`,
        hint: `Formats: ${formatNames().join(', ')}.`,
      },
    }
  }
  const pages: PageSource[] = []
  const passedOver: ReadPagesResult['passedOver'] = []
  for (const path of paths) {
    let isFolder = false
    try {
      isFolder = (await stat(path)).isDirectory()
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return {
        pages,
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
          passedOver,
          problem: {
            message: `${file}: cannot read it (${(error as NodeJS.ErrnoException).code})`,
          },
        }
      }
      const importer = forced ?? detectFormat(text)?.importer
      if (!importer) {
        if (isFolder) {
          passedOver.push({ file, reason: 'not an error-code page errcat can read' })
          continue
        }
        return {
          pages,
          passedOver,
          problem: {
            message: `cannot tell what kind of page ${file} is`,
            hint: `errcat reads ${formatNames().join(', ')}, recognised by their content. If the file is one of them, pass --from <format>.`,
          },
        }
      }
      const page = importer.parse(text)
      if (page.rows.length === 0) {
        if (isFolder) {
          passedOver.push({ file, reason: `read as ${page.format}, but it lists no error codes` })
          continue
        }
        return {
          pages,
          passedOver,
          problem: {
            message: `found no error codes in ${file} (read as ${page.format})`,
            hint: 'errcat looks for tables with a code column, one heading per error, and lists like `1001: message`. Pass --from <format> if the format was misread.',
          },
        }
      }
      pages.push({ file, page })
    }
  }
  if (pages.length === 0) {
    return {
      pages,
      passedOver,
      problem: { message: `no error-code page found in ${paths.join(', ')}` },
    }
  }
  return { pages, passedOver }
}
