// Catalogs at a git revision (`main:errors.yaml`), read with `git cat-file`
// through execFile: nothing is checked out, the working tree is untouched,
// and included files and locale files are read from the same revision.
import { execFile } from 'node:child_process'
import { realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { ReadText } from '../load/document.ts'

export interface Revision {
  rev: string
  /** The path as given after the colon. */
  path: string
}

/** `rev:path` when `arg` is not a file on disk; a Windows drive (`C:\…`) is a path. */
export function parseRevision(arg: string): Revision | undefined {
  const match = /^([^:]+):(.*)$/.exec(arg)
  if (!match || /^[A-Za-z]:[\\/]/.test(arg)) return undefined
  return { rev: match[1]!, path: match[2]! }
}

export type GitFailure = { ok: false; message: string; hint: string }

export interface GitTree {
  ok: true
  /** The absolute path the catalog has in the working tree, which the loader resolves includes from. */
  root: string
  readText: ReadText
  /** `main:services/users.yaml`: how files of the revision are named in positions. */
  display(path: string): string
}

const BLOB_LIMIT = 512 * 1024 * 1024

function git(
  args: string[],
  cwd: string,
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'utf8', maxBuffer: BLOB_LIMIT },
      (error, stdout, stderr) =>
        done({ ok: !error, stdout, stderr: stderr || (error ? error.message : '') }),
    )
  })
}

/** Opens `rev` of the repository holding `cwd`. Paths follow git: relative to the top, or to `cwd` with `./`. */
export async function openRevision(spec: Revision, cwd: string): Promise<GitTree | GitFailure> {
  const top = await git(['rev-parse', '--show-toplevel'], cwd)
  if (!top.ok) {
    return {
      ok: false,
      message: `${spec.rev}:${spec.path}: ${cwd} is not inside a git repository`,
      hint: 'Run errcat diff inside the repository, or pass two catalog files.',
    }
  }
  const commit = await git(['rev-parse', '--verify', '--quiet', `${spec.rev}^{commit}`], cwd)
  if (!commit.ok) {
    return {
      ok: false,
      message: `${spec.rev}:${spec.path}: unknown revision ${spec.rev}`,
      hint: 'Name a branch, tag or commit that exists here (in CI, fetch it first: `git fetch origin main`, then use `origin/main:errors.yaml`).',
    }
  }
  const topDir = top.stdout.trim()
  const here = await realpath(cwd)
  const relativeToCwd = spec.path.startsWith('./') || spec.path.startsWith('../')
  const root = resolve(relativeToCwd ? here : topDir, spec.path)
  const sha = commit.stdout.trim()
  const inTree = (path: string) => relative(topDir, path).split(sep).join('/')
  return {
    ok: true,
    root,
    display: (path) => `${spec.rev}:${inTree(path)}`,
    async readText(path) {
      const name = inTree(path)
      if (name.startsWith('../') || isAbsolute(name)) throw notFound(path)
      const blob = await git(['cat-file', 'blob', `${sha}:${name}`], topDir)
      if (!blob.ok) throw notFound(path)
      return blob.stdout
    },
  }
}

function notFound(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${path} is not in the revision`), { code: 'ENOENT' })
}
