// Watching the files a catalog was loaded from. Editors often save by writing
// a temporary file and renaming it over the original, which ends a watch on
// the file itself; so the folders are watched, and their events filtered by
// file name. A burst of events (an editor's save, `git checkout`) becomes one
// call after a quiet period.
import { type FSWatcher, watch } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'

export interface Watcher {
  /** Watches exactly `files` from now on (absolute paths), replacing the previous set. */
  set(files: readonly string[]): void
  close(): void
}

export interface WatchOptions {
  /** Milliseconds without events before `onChange` is called. Default: 100. */
  debounceMs?: number
}

export function createWatcher(
  onChange: (changed: string[]) => void,
  options: WatchOptions = {},
): Watcher {
  const debounceMs = options.debounceMs ?? 100
  const folders = new Map<string, { names: Set<string>; watcher: FSWatcher | undefined }>()
  const pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let closed = false

  function changed(file: string): void {
    if (closed) return
    pending.add(file)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const files = [...pending]
      pending.clear()
      onChange(files)
    }, debounceMs)
  }

  function open(folder: string, names: Set<string>): FSWatcher | undefined {
    try {
      const watcher = watch(folder, (_event, name) => {
        // Some platforms do not say which file changed: any file of the folder may have.
        if (name === null) for (const n of names) changed(resolve(folder, n))
        else if (names.has(name.toString())) changed(resolve(folder, name.toString()))
      })
      // A folder that disappears ends its watch; the next `set` opens it again.
      watcher.on('error', () => {
        watcher.close()
        const entry = folders.get(folder)
        if (entry?.watcher === watcher) entry.watcher = undefined
      })
      return watcher
    } catch {
      // A folder that does not exist (yet): nothing to watch until the next `set`.
      return undefined
    }
  }

  return {
    set(files) {
      if (closed) return
      const wanted = new Map<string, Set<string>>()
      for (const file of files) {
        const folder = dirname(resolve(file))
        if (!wanted.has(folder)) wanted.set(folder, new Set())
        wanted.get(folder)!.add(basename(file))
      }
      for (const [folder, entry] of folders) {
        if (wanted.has(folder)) continue
        entry.watcher?.close()
        folders.delete(folder)
      }
      for (const [folder, names] of wanted) {
        const entry = folders.get(folder)
        if (!entry) folders.set(folder, { names, watcher: open(folder, names) })
        else {
          // The folder's callback holds this same set: updating it in place is enough.
          entry.names.clear()
          for (const n of names) entry.names.add(n)
          entry.watcher ??= open(folder, entry.names)
        }
      }
    },
    close() {
      closed = true
      clearTimeout(timer)
      for (const entry of folders.values()) entry.watcher?.close()
      folders.clear()
    },
  }
}
