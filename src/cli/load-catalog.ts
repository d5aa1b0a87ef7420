// Loading for commands: a catalog that cannot be loaded prints its findings
// and ends the command with exit code 2.
import type { Finding } from '../catalog/diagnostic.ts'
import type { LoadedCatalog } from '../catalog/model.ts'
import { CliError } from './errors.ts'

export const DEFAULT_CATALOG = 'errors.yaml'

export async function loadOrFail(
  path: string,
): Promise<{ catalog: LoadedCatalog; findings: Finding[] }> {
  // The loader (and its YAML parser) loads here, so `errcat --help` does not pay for it.
  const { loadCatalog } = await import('../load/load.ts')
  const { catalog, findings } = await loadCatalog(path)
  const fatal = findings.some((f) => f.rule.startsWith('load/'))
  if (!catalog || fatal) {
    const { formatText } = await import('./report/text.ts')
    process.stderr.write(formatText(findings.filter((f) => f.rule.startsWith('load/') || !catalog)))
    throw new CliError(
      `cannot load ${path}`,
      2,
      path === DEFAULT_CATALOG && findings.some((f) => f.rule === 'load/missing-file')
        ? 'Pass the catalog path, or run `errcat init` to create errors.yaml here.'
        : undefined,
    )
  }
  return { catalog, findings }
}
