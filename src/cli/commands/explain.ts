import { Command } from 'commander'
import type { LoadedCatalog, LoadedError } from '../../catalog/model.ts'
import { editDistance, nearest } from '../../check/near.ts'
import { CliError } from '../errors.ts'
import { DEFAULT_CATALOG, loadOrFail } from '../load-catalog.ts'
import { createStyle } from '../report/style.ts'

/**
 * The errors an identifier names: a code, a key or a symbol, exactly; else
 * the same ignoring case (and `-` for `_`), so `bad-token` finds BAD_TOKEN.
 */
export function findErrors(catalog: LoadedCatalog, id: string): LoadedError[] {
  const exact = catalog.errors.filter(
    (e) => e.symbol === id || e.key === id || (e.code !== undefined && String(e.code) === id),
  )
  if (exact.length) return exact
  const folded = id.toLowerCase().replace(/-/g, '_')
  return catalog.errors.filter(
    (e) =>
      e.symbol.toLowerCase() === folded ||
      (e.key !== undefined && e.key.toLowerCase().replace(/-/g, '_') === folded),
  )
}

function label(error: LoadedError): string {
  const ids = [
    ...(error.code !== undefined ? [String(error.code)] : []),
    ...(error.key !== undefined ? [error.key] : []),
  ]
  return `${error.symbol}${ids.length ? ` (${ids.join(', ')})` : ''}: ${error.title}`
}

/** Errors whose code, key or symbol is close to what was asked. */
export function nearMatches(catalog: LoadedCatalog, id: string, max = 5): LoadedError[] {
  if (/^\d+$/.test(id)) {
    // Codes: one digit mistyped, or digits swapped (9032 for 9023), the closest first.
    const n = Number(id)
    const digits = (s: string) => [...s].sort().join('')
    return catalog.errors
      .filter((e) => {
        if (e.code === undefined) return false
        const code = String(e.code)
        return (
          editDistance(id, code, 1) <= 1 ||
          (code.length === id.length && digits(code) === digits(id))
        )
      })
      .sort((a, b) => Math.abs(a.code! - n) - Math.abs(b.code! - n))
      .slice(0, max)
  }
  const byName = new Map<string, LoadedError>()
  for (const e of catalog.errors) {
    byName.set(e.symbol, e)
    if (e.key !== undefined) byName.set(e.key, e)
  }
  const found = new Set(
    nearest(id.replace(/-/g, '_'), byName.keys(), max).map((n) => byName.get(n)!),
  )
  return [...found]
}

export function explainCommand(): Command {
  return new Command('explain')
    .description(
      "Show an error's documentation: status, message, params, retry advice, lifecycle, troubleshooting.",
    )
    .argument('<id>', 'the error: its numeric code, string key or symbol')
    .option('-c, --catalog <file>', 'catalog file (YAML or JSON)', DEFAULT_CATALOG)
    .action(async (id: string, options: { catalog: string }) => {
      const { catalog } = await loadOrFail(options.catalog)
      const found = findErrors(catalog, id)
      if (found.length === 0) {
        const near = nearMatches(catalog, id)
        throw new CliError(
          `no error ${JSON.stringify(id)} in ${options.catalog} (${catalog.errors.length} errors)`,
          2,
          near.length
            ? `Did you mean:\n${near.map((e) => `  ${label(e)}`).join('\n')}`
            : 'Pass a numeric code, a key or a symbol; `errcat check` lists the catalog.',
        )
      }
      const style = createStyle()
      const { renderErrorDoc } = await import('../report/error-doc.ts')
      process.stdout.write(found.map((e) => renderErrorDoc(catalog, e, style)).join('\n'))
    })
}
