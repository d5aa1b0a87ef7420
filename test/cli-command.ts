// How tests start the errcat CLI: the build (`dist/cli/main.js`) under plain
// node, as an installed package runs it, with no TypeScript loader and no
// errcat-source condition, so child processes start in a third of the time
// tsx needs. scripts/test.mjs rebuilds first when a source file is newer than
// the build (scripts/ensure-built.mjs).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url))

if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`)

/** The arguments of `node` that run `errcat ARGS`. */
export function cliArgs(args: readonly string[]): string[] {
  return [CLI, ...args]
}
