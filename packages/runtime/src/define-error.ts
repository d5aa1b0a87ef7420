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

/** Any factory of any generated module, whatever its params: what adapters take in place of an error. */
export type AnyErrorFactory = ((...args: never[]) => CatalogError) & {
  readonly definition: ErrorDefinition
}

/** What follows an error handed to an adapter: a factory's own arguments, nothing after an error. */
export type FactoryArgs<E> = E extends AnyErrorFactory ? Parameters<E> : []

/** The error type a factory creates: `ErrorOf<typeof BAD_TOKEN>`. */
export type ErrorOf<F> = F extends ErrorFactory<infer E> ? E : never

/** Marks factories across copies of this module, as CatalogError's brand marks errors. */
const FACTORY = Symbol.for('errcat.ErrorFactory')

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
    [FACTORY]: true,
  }) as unknown as ErrorFactory<E>
}

/** True for a factory of a generated module (`RATE_LIMIT_EXCEEDED`, not `RATE_LIMIT_EXCEEDED()`). */
export function isErrorFactory(value: unknown): value is AnyErrorFactory {
  return (
    typeof value === 'function' &&
    (value as unknown as Record<symbol, unknown>)[FACTORY] === true &&
    typeof (value as unknown as { definition?: unknown }).definition === 'object'
  )
}
