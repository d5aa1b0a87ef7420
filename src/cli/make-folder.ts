// `mkdir -p` that always ends. Node's recursive mkdir never settles (it spins
// at full CPU) when a file system answers ENOENT for a folder whose parent
// exists, as /proc and /sys do, so `errcat build --out /proc/x/y.ts` hung.
// Creating the missing folders one at a time turns that answer into an error.
import { mkdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

export async function makeFolder(path: string): Promise<void> {
  const missing: string[] = []
  let at = resolve(path)
  // Up to the first thing that exists; if it is no folder, the mkdir below says so (ENOTDIR).
  while (!(await stat(at).catch(() => undefined))) {
    missing.push(at)
    const parent = dirname(at)
    if (parent === at) break
    at = parent
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder)
    } catch (error) {
      // Created meanwhile by someone else: as good as by us.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}
