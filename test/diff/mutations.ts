// Single mutations of a catalog's data, each with the diff rules that must
// report it. Breaking ones must come out breaking; compatible ones must not.
import type { CatalogFile, ErrorEntry, Param } from '../../src/catalog/schema.ts'

export interface Mutation {
  name: string
  breaking: boolean
  /** Rules any of which reports this mutation. */
  rules: string[]
  applies(entry: ErrorEntry): boolean
  apply(data: CatalogFile, symbol: string): void
}

const entry = (data: CatalogFile, symbol: string) => data.errors![symbol]!
const hasParams = (e: ErrorEntry) => Object.keys(e.params ?? {}).length > 0
const live = (e: ErrorEntry) => !e.obsolete && !e.success

/** Placeholders are `{name` followed by `}` or `,`: enough for the seeds' messages. */
function placeholders(message: string | undefined): string[] {
  return [...(message ?? '').matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\s*[},]/g)].map((m) => m[1]!)
}

export const MUTATIONS: Mutation[] = [
  {
    name: 'remove the error',
    breaking: true,
    rules: ['error-removed', 'symbol-renamed'],
    applies: () => true,
    apply(data, symbol) {
      delete data.errors![symbol]
    },
  },
  {
    name: 'renumber the error',
    breaking: true,
    rules: ['code-changed'],
    applies: (e) => e.code !== undefined && e.status !== undefined,
    apply(data, symbol) {
      entry(data, symbol).code = 987_654_321
    },
  },
  {
    name: 'change the key',
    breaking: true,
    rules: ['key-changed'],
    applies: (e) => e.key !== undefined,
    apply(data, symbol) {
      entry(data, symbol).key = `${entry(data, symbol).key}_renamed`
    },
  },
  {
    name: 'rename the symbol',
    breaking: true,
    rules: ['symbol-renamed'],
    applies: live,
    apply(data, symbol) {
      const errors = data.errors!
      errors[`${symbol}_RENAMED`] = errors[symbol]!
      delete errors[symbol]
    },
  },
  {
    name: 'change the status',
    breaking: true,
    rules: ['status-changed'],
    applies: () => true,
    apply(data, symbol) {
      const e = entry(data, symbol)
      e.status = e.status === 418 ? 422 : 418
    },
  },
  {
    name: 'flip the retry policy',
    breaking: true,
    rules: ['retry-changed'],
    applies: (e) => e.retry === undefined || typeof e.retry === 'string',
    apply(data, symbol) {
      const e = entry(data, symbol)
      e.retry = { after: 12_345 }
    },
  },
  {
    name: 'remove a param',
    breaking: true,
    rules: ['param-removed'],
    applies: hasParams,
    apply(data, symbol) {
      const params = entry(data, symbol).params!
      delete params[Object.keys(params)[0]!]
    },
  },
  {
    name: 'narrow a param to an enum of one value',
    breaking: true,
    rules: ['param-type-changed'],
    applies: (e) => Object.values(e.params ?? {}).some((p) => p.type !== 'enum'),
    apply(data, symbol) {
      const params = entry(data, symbol).params!
      const [name, param] = Object.entries(params).find(([, p]) => p.type !== 'enum')!
      params[name] = { ...param, type: 'enum', values: ['only'] } as Param
    },
  },
  {
    name: 'add a required param',
    breaking: true,
    rules: ['param-required'],
    applies: live,
    apply(data, symbol) {
      const e = entry(data, symbol)
      e.params = { ...e.params, addedByMutation: { type: 'string' } }
    },
  },
  {
    name: 'drop the placeholders of the message',
    breaking: true,
    rules: ['placeholder-dropped'],
    applies: (e) => placeholders(e.message).length > 0,
    apply(data, symbol) {
      const e = entry(data, symbol)
      e.message = 'Something went wrong.'
    },
  },
  {
    name: 'reword the description',
    breaking: false,
    rules: ['docs-changed'],
    applies: () => true,
    apply(data, symbol) {
      const e = entry(data, symbol)
      e.description = `${e.description ?? ''} (reworded)`
    },
  },
  {
    name: 'deprecate the error',
    breaking: false,
    rules: ['deprecated'],
    applies: (e) => live(e) && !e.deprecated,
    apply(data, symbol) {
      entry(data, symbol).deprecated = { note: 'mutation' }
    },
  },
  {
    name: 'add an optional param',
    breaking: false,
    rules: ['param-added'],
    applies: live,
    apply(data, symbol) {
      const e = entry(data, symbol)
      e.params = { ...e.params, addedByMutation: { type: 'string', optional: true } }
    },
  },
]
