// A write the file system refuses (a part of the path is a file, a read-only
// or full disk, no permission, a folder that cannot be made there) is the
// user's path, not a bug of errcat's: it ends with exit 2 and a message that
// names the output, not with "internal error".
import { CliError } from './errors.ts'

const REASONS: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'its folder cannot be created there',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the path is too long',
}

/** `error` as a CliError when it is the file system's answer to a write, else `error` itself. */
export function asWriteError(error: unknown, shown: string): unknown {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException
  if (typeof code !== 'string' || typeof syscall !== 'string') return error
  return new CliError(
    `cannot write ${shown}: ${REASONS[code] ?? `the file system says ${code}`}`,
    2,
    'Choose another output path (--out, or `out:` under `build:` in the catalog).',
  )
}
