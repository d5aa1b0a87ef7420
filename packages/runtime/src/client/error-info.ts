// What a client knows of one catalog error: the data `errcat build --target
// client` writes, one exported constant per error, so that a bundle carries
// only the errors an app names. The type parameter is the error's shape
// (symbol, code, key, status, params), which parsed errors narrow to.
import type { RetrySpec } from '../definition.ts'
import type { ErrorMeta } from '../envelope/types.ts'
import type { Message } from '../message.ts'

/** A param's type in the catalog: what the parser converts a wire value back to. */
export type ParamType = 'string' | 'integer' | 'number' | 'boolean' | 'enum'

/** The compile-time identity of an error: what `err.is(symbol)` narrows to. */
export interface ErrorShape {
  symbol: string
  code: number | undefined
  key: string | undefined
  status: number
  params: object
}

export interface ErrorInfo<S extends ErrorShape = ErrorShape> extends ErrorMeta {
  readonly symbol: S['symbol']
  readonly status: number
  readonly title: string
  /** The message in the catalog's default locale, compiled (a string when it has no placeholders). */
  readonly message: Message
  /** Declared params by name; absent when there are none. */
  readonly params?: Readonly<Record<string, ParamType>>
  /** Whether the server puts message and params on the wire. */
  readonly expose: boolean
  readonly retry: RetrySpec
  readonly docsUrl?: string
  /** Never set: carries the shape for the type checker only. */
  readonly shape?: S
}

/** The shape of an ErrorInfo, or the union of shapes of a set of them. */
export type ShapeOf<I> = I extends ErrorInfo<infer S> ? S : never

/** Errors by symbol, as the generated module's `allErrors` or any subset of it. */
export type ErrorInfoSet = Readonly<Record<string, ErrorInfo>>
