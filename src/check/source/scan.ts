// `errcat check --source DIR`: every TypeScript and JavaScript file under DIR
// (node_modules, .git and the generated module itself skipped) is parsed for
// the errors it uses. Catalog errors used nowhere are warnings; references to
// errors the catalog does not have are errors, at their place in the source.
import { readdir, readFile } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'
import type { Finding } from '../../catalog/diagnostic.ts'
import type { LoadedCatalog, LoadedError } from '../../catalog/model.ts'
import { nearest } from '../near.ts'
import { generatedModules, importsGenerated, stem } from './module-paths.ts'
import { sourceRules } from './rules.ts'
import { type SourceUse, usesIn } from './uses.ts'

const SOURCE_FILE = /\.(d\.)?[cm]?[jt]sx?$/
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage'])

export interface SourceScan {
  findings: Finding[]
  files: number
  uses: number
}

export async function checkSources(
  catalog: LoadedCatalog,
  dir: string,
  cwd = process.cwd(),
): Promise<SourceScan> {
  const modules = generatedModules(catalog)
  const generated = new Set(modules.map(stem))
  const display = (p: string) => {
    const rel = relative(cwd, p)
    return rel.startsWith('..') || isAbsolute(rel) ? p : rel
  }
  const files = (await sourceFiles(resolve(cwd, dir))).filter((f) => !generated.has(stem(f)))
  const known = new Map(catalog.errors.map((e) => [e.symbol, e]))
  const used = new Set<string>()
  const findings: Finding[] = []
  let uses = 0
  for (const file of files) {
    const text = await readFile(file, 'utf8')
    // Most files never mention the module: skip their parse.
    if (!modules.some((m) => text.includes(stemName(m)))) continue
    const result = usesIn(text, file, (specifier) => importsGenerated(specifier, file, modules))
    if (!result.ok) {
      findings.push(
        finding('source-parse', `${display(file)} cannot be parsed: ${result.message}`, {
          file: display(file),
          line: result.line,
          column: result.column,
        }),
      )
      continue
    }
    uses += result.uses.length
    for (const use of result.uses) {
      if (known.has(use.symbol)) used.add(use.symbol)
      else findings.push(unknown(use, display(file), catalog))
    }
  }
  for (const error of catalog.errors) {
    if (!used.has(error.symbol) && expectedInSource(error)) findings.push(unused(error))
  }
  return { findings, files: files.length, uses }
}

/** Errors a server is expected to throw by name. The handler raises internal and validation errors itself. */
function expectedInSource(error: LoadedError): boolean {
  return !error.obsolete && !error.success && !error.internal && !error.validation
}

function stemName(module: string): string {
  return stem(module).split(/[\\/]/).pop()!
}

function unknown(use: SourceUse, file: string, catalog: LoadedCatalog): Finding {
  const [near] = nearest(
    use.symbol,
    catalog.errors.map((e) => e.symbol),
    1,
  )
  return {
    ...finding('source-unknown-error', `${use.symbol} is not an error of the catalog`, {
      file,
      line: use.line,
      column: use.column,
    }),
    ...(near ? { hint: `Did you mean ${near}? Use a symbol the catalog declares.` } : {}),
    error: use.symbol,
  }
}

function unused(error: LoadedError): Finding {
  return {
    ...finding('source-unused-error', `${error.symbol} is never used in the sources`, error.at),
    error: error.symbol,
  }
}

function finding(
  id: string,
  message: string,
  at: { file: string; line: number; column: number },
): Finding {
  const rule = sourceRules.find((r) => r.id === id)!
  return {
    rule: id,
    severity: rule.severity,
    message,
    hint: rule.hint,
    file: at.file,
    line: at.line,
    column: at.column,
  }
}

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  const visit = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true })
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await visit(path)
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name)) out.push(path)
    }
  }
  await visit(dir)
  return out
}
