// What the handler answers: a CatalogError, or the same facts read off a
// factory and its arguments. `reply.sendError(RATE_LIMIT_EXCEEDED)` answers a
// factory call without making the call: constructing an Error, even without a
// stack, was the largest share of what errcat added to a hook's 429 in a CPU
// profile under load (docs/runtime.md, BENCHMARKS.md).
import {
  type CatalogError,
  createWithoutStack,
  declaredParams,
  type ErrorOptions,
  retryDelay,
} from './catalog-error.ts'
import type { ErrorDefinition } from './definition.ts'
import type { FieldViolation } from './envelope/types.ts'
import { formatMessage } from './format-message.ts'

/** The part of a CatalogError that the handler reads; a CatalogError is one. */
export interface Occurrence {
  readonly definition: ErrorDefinition
  readonly params: object
  /** In the catalog's default locale. */
  readonly message: string
  readonly retryAfter: number | undefined
  readonly violations?: readonly FieldViolation[]
  readonly upstream?: Readonly<Record<string, unknown>>
}

/** `FACTORY(params, options)` as the handler sees it, without creating the error. */
export class FactoryCall implements Occurrence {
  readonly definition: ErrorDefinition
  readonly params: object
  readonly options: ErrorOptions | undefined
  #message: string | undefined

  constructor(definition: ErrorDefinition, params: object | undefined, options?: ErrorOptions) {
    this.definition = definition
    this.params = declaredParams(definition.params, params)
    this.options = options
  }

  get message(): string {
    this.#message ??= formatMessage(
      this.definition.message,
      this.params,
      this.definition.catalog.locale,
    )
    return this.#message
  }

  get retryAfter(): number | undefined {
    return retryDelay(this.definition, this.params, this.options?.retryAfter)
  }

  get violations(): readonly FieldViolation[] | undefined {
    return this.options?.violations
  }

  get upstream(): Readonly<Record<string, unknown>> | undefined {
    return this.options?.upstream
  }

  /**
   * The error the factory would have made, for code that asks for it. Without a stack trace:
   * one captured here would show the handler, not the caller.
   */
  toError(): CatalogError {
    return createWithoutStack(this.definition, this.params, this.options)
  }
}
