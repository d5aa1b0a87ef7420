// Looking an error up by any of its names, as mock servers, gateways and
// `GET /errors/{id}` routes do: the symbol (`BAD_TOKEN`), the key
// (`bad_token`) or the numeric code (`1001`).
import { CatalogError } from './catalog-error.ts'
import type { ErrorDefinition } from './definition.ts'
import type { ErrorSet } from './error-meta.ts'

/** Builds a lookup over `errors` (e.g. a generated module's `allErrors`): id → the entry, or undefined. */
export function errorFinder<S extends ErrorSet>(errors: S): (id: string) => S[keyof S] | undefined {
  const byId = new Map<string, S[keyof S]>()
  // Symbols first, then keys, then codes: a key that happens to equal another
  // error's symbol never hides that error.
  const entries = Object.values(errors) as S[keyof S][]
  for (const entry of entries) byId.set(entry.definition.symbol, entry)
  for (const entry of entries) {
    const key = entry.definition.key
    if (key !== undefined && !byId.has(key)) byId.set(key, entry)
  }
  for (const entry of entries) {
    const code = entry.definition.code
    if (code !== undefined && !byId.has(String(code))) byId.set(String(code), entry)
  }
  return (id) => byId.get(id)
}

/**
 * A new error of `entry` whose params are those it declares, taken from
 * `values` (e.g. a query string); anything else in `values` is ignored, so
 * a request cannot put arbitrary members into `error.params`.
 */
export function errorWithParams(
  entry: { readonly definition: ErrorDefinition },
  values: URLSearchParams | Readonly<Record<string, unknown>> = {},
): CatalogError {
  const { definition } = entry
  if (!definition.params) return new CatalogError(definition)
  const params: Record<string, unknown> = {}
  for (const name of definition.params) {
    const value =
      values instanceof URLSearchParams
        ? (values.get(name) ?? undefined)
        : Object.hasOwn(values, name)
          ? values[name]
          : undefined
    if (value !== undefined) params[name] = value
  }
  return new CatalogError(definition, params)
}
