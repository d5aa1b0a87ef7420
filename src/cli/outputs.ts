// Writing and checking what `errcat build` generates. A file target writes one
// file; a folder target owns its folder, and records what it wrote in a
// manifest, so a rebuild removes pages that are no longer generated and never
// deletes or overwrites a file that errcat did not write.
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path'
import type { OutputFile } from '../emit/targets.ts'
import { CliError } from './errors.ts'

export const MANIFEST = '.errcat-manifest.json'

export interface FolderCheck {
  /** Files (relative, `/`-separated) that are missing or differ. */
  stale: string[]
  /** Files an earlier build wrote that this one would not: a rebuild removes them. */
  leftOver: string[]
  total: number
}

/** Write beside, then rename: a watcher or a static server never reads half a file. */
export async function writeAtomically(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  // A name nobody can predict, created exclusively: a planted symlink cannot redirect the write.
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeFile(temporary, content, { flag: 'wx' })
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/** Whether `path` holds `content` already. */
export async function isCurrent(path: string, content: string | Uint8Array): Promise<boolean> {
  const current = await readFile(path).catch(() => undefined)
  if (!current) return false
  return typeof content === 'string'
    ? current.equals(Buffer.from(content))
    : current.equals(Buffer.from(content.buffer, content.byteOffset, content.byteLength))
}

interface Manifest {
  $comment: string
  files: string[]
}

function manifestOf(paths: string[], generator: string): Manifest {
  return {
    $comment: `${generator}. Lists the files errcat wrote here; a rebuild replaces them and removes those it no longer generates.`,
    files: [...paths].sort(),
  }
}

async function readManifest(folder: string): Promise<Manifest | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')) as Manifest
    return Array.isArray(parsed.files) ? parsed : undefined
  } catch {
    return undefined
  }
}

/** `path` inside `folder`, refusing anything that would land outside it. */
function inside(folder: string, path: string): string {
  const full = normalize(join(folder, path))
  const rel = relative(folder, full)
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
    throw new Error(`generated path ${path} is outside the output folder`)
  return full
}

/**
 * Writes a folder target's files. A folder with files but no manifest belongs
 * to someone else: errcat stops unless `force` is set.
 */
export async function writeFolder(
  folder: string,
  files: Iterable<OutputFile>,
  generator: string,
  force: boolean,
  shown: string,
): Promise<{ written: number; removed: number; total: number }> {
  const previous = await readManifest(folder)
  if (!previous && !force) {
    const entries = await readdir(folder).catch(() => [] as string[])
    if (entries.length > 0)
      throw new CliError(
        `${shown} holds files that errcat did not write (no ${MANIFEST} there)`,
        2,
        'Choose an empty or new folder for the output, or pass --force to write into this one (files with the same names are replaced; nothing else is touched).',
      )
  }
  let written = 0
  const now = new Set<string>()
  for (const file of files) {
    now.add(file.path)
    const path = inside(folder, file.path)
    if (await isCurrent(path, file.content)) continue
    await writeAtomically(path, file.content)
    written++
  }
  let removed = 0
  for (const old of previous?.files ?? []) {
    if (now.has(old)) continue
    await rm(inside(folder, old), { force: true })
    removed++
  }
  await writeAtomically(
    join(folder, MANIFEST),
    `${JSON.stringify(manifestOf([...now], generator), null, 2)}\n`,
  )
  return { written, removed, total: now.size }
}

export async function checkFolder(
  folder: string,
  files: Iterable<OutputFile>,
): Promise<FolderCheck> {
  const stale: string[] = []
  const now = new Set<string>()
  for (const file of files) {
    now.add(file.path)
    if (!(await isCurrent(inside(folder, file.path), file.content))) stale.push(file.path)
  }
  const previous = await readManifest(folder)
  const leftOver = (previous?.files ?? []).filter((f) => !now.has(f))
  if (!previous && now.size > 0 && stale.length === 0) stale.push(MANIFEST)
  return { stale, leftOver, total: now.size }
}
