// An argument of `errcat diff` → one loaded side: a catalog file on disk, or
// a catalog at a git revision. Load problems come back as findings, never
// thrown, so the command can print them and exit 2.
import { access } from 'node:fs/promises'
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import type { Finding } from '../catalog/diagnostic.ts'
import { type LoadOptions, loadCatalog } from '../load/load.ts'
import type { Side } from './context.ts'
import { openRevision, parseRevision } from './git-source.ts'

export type SideResult =
  | { ok: true; side: Side; findings: Finding[] }
  | { ok: false; findings: Finding[]; message: string; hint?: string }

export async function loadSide(arg: string, cwd: string): Promise<SideResult> {
  const revision = (await exists(resolve(cwd, arg))) ? undefined : parseRevision(arg)
  const names = new Map<string, string>()
  let root = resolve(cwd, arg)
  let options: LoadOptions = { cwd }
  if (revision) {
    const tree = await openRevision(revision, cwd)
    if (!tree.ok) return { ok: false, findings: [], message: tree.message, hint: tree.hint }
    root = tree.root
    options = { cwd, readText: tree.readText, display: tree.display }
  }
  const display = options.display ?? ((p: string) => displayFromCwd(cwd, p))
  // Remember every name the loader hands out, to say later where a file sits in its catalog.
  options.display = (p) => {
    const name = display(p)
    names.set(name, p)
    return name
  }
  const { catalog, findings } = await loadCatalog(root, options)
  if (!catalog || findings.some((f) => f.rule.startsWith('load/'))) {
    return { ok: false, findings, message: `cannot load ${arg}` }
  }
  const base = dirname(catalog.root)
  const side: Side = {
    catalog,
    relative: (file) =>
      relative(base, names.get(file) ?? file)
        .split('\\')
        .join('/'),
  }
  return { ok: true, side, findings }
}

function displayFromCwd(cwd: string, p: string): string {
  const rel = relative(cwd, p)
  return rel.startsWith('..') || isAbsolute(rel) ? p : rel
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
