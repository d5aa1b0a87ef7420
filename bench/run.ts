// `npm run bench`: runs every benchmark module in this folder. A module
// exports `run()`, returning its figures, and may export `formatResult(result)`
// for a readable summary; results are also printed as JSON for the record.
// Pass names to run a subset: `npm run bench -- catalog-load`.
import { readdirSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { basename } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

interface BenchModule {
  run?: () => Promise<unknown>
  formatResult?: (result: never) => string
}

const dir = fileURLToPath(new URL('.', import.meta.url))
const only = process.argv.slice(2)
const modules = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.includes(basename(f, '.ts')))
  .sort()

console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
)
for (const file of modules) {
  const module = (await import(pathToFileURL(`${dir}/${file}`).href)) as BenchModule
  if (typeof module.run !== 'function') continue
  const result = await module.run()
  console.log(module.formatResult ? module.formatResult(result as never) : basename(file, '.ts'))
  console.log(JSON.stringify(result))
}
