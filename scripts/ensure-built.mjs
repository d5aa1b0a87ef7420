// Tests run the CLI as users do, from the build (`node dist/cli/main.js`), which
// starts three times faster than from source through tsx. `npm test` builds
// first; `npm run test:only` and `npm run fuzz` call ensureBuilt(), which
// rebuilds when a source file is newer than the build, so no run checks a
// stale CLI.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = ['src', 'packages/runtime/src']
const BUILT = ['dist/cli/main.js', 'packages/runtime/dist/index.js']

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

function builtAt(file) {
  try {
    return statSync(file).mtimeMs
  } catch {
    return 0
  }
}

export function ensureBuilt() {
  const built = Math.min(...BUILT.map(builtAt))
  const source = Math.max(...SOURCES.map(newestSource))
  if (built > source) return
  console.error(
    built === 0 ? 'No build yet: npm run build' : 'Sources changed since the build: npm run build',
  )
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
