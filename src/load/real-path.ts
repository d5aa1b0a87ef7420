// Paths compared as the file system sees them: symlinks resolved, so that a
// link inside a folder that points outside it is seen as outside.
import { realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative } from 'node:path'

/** The path with its symlinks resolved; for a missing file, those of its folder. */
export async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path)
  } catch {
    const folder = await realpath(dirname(path)).catch(() => dirname(path))
    return join(folder, basename(path))
  }
}

/** Whether `target`, symlinks resolved, is `folder` or inside it (`folder` already resolved). */
export async function isInside(folder: string, target: string): Promise<boolean> {
  const rel = relative(folder, await realPathOf(target))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}
