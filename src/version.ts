import { readFileSync } from 'node:fs'

// Read at run time so the version never drifts from package.json.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string
}

export const version: string = pkg.version
