// Writes the published JSON Schemas from the TypeBox definitions in
// src/catalog/schema.ts: `npm run schema`. With `--check`, writes nothing and
// exits 1 when a committed schema differs (a test runs this too).
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { CatalogFile, LocaleFile } from '../src/catalog/schema.ts'

const DRAFT = 'http://json-schema.org/draft-07/schema#'

/** Each published schema: its path in the repository and its text. */
export function schemaFiles(): { path: string; text: string }[] {
  return [
    { path: 'schema/errcat.schema.json', text: render(CatalogFile) },
    {
      path: 'schema/errcat-locale.schema.json',
      text: render({ ...LocaleFile, $id: 'https://errcat.dev/schema/errcat-locale.schema.json' }),
    },
  ]
}

function render(schema: object): string {
  // TypeBox marks its schemas with symbol keys, which JSON.stringify leaves out.
  // TypeBox's tuples use draft-07 `items: [...]`, hence the declared draft.
  return `${JSON.stringify({ $schema: DRAFT, ...schema }, null, 2)}\n`
}

async function main(check: boolean): Promise<number> {
  const root = fileURLToPath(new URL('..', import.meta.url))
  let stale = 0
  for (const { path, text } of schemaFiles()) {
    const file = `${root}${path}`
    if (check) {
      const current = await readFile(file, 'utf8').catch(() => undefined)
      if (current !== text) {
        stale++
        process.stderr.write(`${path} is stale: run \`npm run schema\` and commit it\n`)
      }
    } else {
      await writeFile(file, text)
      process.stdout.write(`wrote ${path}\n`)
    }
  }
  return stale > 0 ? 1 : 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.includes('--check'))
}
