// The typed factory behind each `export const` of a generated module. Its
// call signature follows the error's params: none → `()`, or `(options)`;
// all optional → `(params?, options?)`; any required → `(params, options?)`.
import { CatalogError, type ErrorOptions } from './catalog-error.ts'
import type { ErrorDefinition } from './definition.ts'

type FactoryCall<E extends CatalogError> = [keyof E['params']] extends [never]
  ? (options?: ErrorOptions) => E
  : // biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "an object with no required member"
    {} extends E['params']
    ? (params?: E['params'], options?: ErrorOptions) => E
    : (params: E['params'], options?: ErrorOptions) => E

export type ErrorFactory<E extends CatalogError = CatalogError> = FactoryCall<E> & {
  readonly definition: ErrorDefinition
  readonly symbol: E['symbol']
  readonly code: E['code']
  readonly key: E['key']
  readonly status: E['status']
}

/** The error type a factory creates: `ErrorOf<typeof BAD_TOKEN>`. */
export type ErrorOf<F> = F extends ErrorFactory<infer E> ? E : never

export function defineError<E extends CatalogError>(definition: ErrorDefinition): ErrorFactory<E> {
  const factory = definition.params
    ? (params?: object, options?: ErrorOptions) => new CatalogError(definition, params, options)
    : (options?: ErrorOptions) => new CatalogError(definition, undefined, options)
  return Object.assign(factory, {
    definition,
    symbol: definition.symbol,
    code: definition.code,
    key: definition.key,
    status: definition.status,
  }) as unknown as ErrorFactory<E>
}
