// The loaded catalog: every file merged, defaults applied, positions kept.
// Everything downstream (check, emit, runtime data) reads this shape, never
// the raw file.
import type { Position } from './diagnostic.ts'
import type { Placeholder } from './message.ts'
import type {
  Api,
  BuildConfig,
  EnvelopeTemplate,
  Example,
  ImportReport,
  Link,
  Param,
  RateLimit,
  Severity,
  Source,
} from './schema.ts'

export type RetryPolicy =
  | { kind: 'never' }
  | { kind: 'safe' }
  | { kind: 'after'; seconds: number }
  | { kind: 'afterParam'; param: string }

export interface LoadedTranslation {
  message: string
  /** The placeholders of `message`, as the loader parsed them; absent when it does not parse. */
  placeholders?: Placeholder[]
  /** The default-locale message this was translated from, when recorded. */
  source?: string
  at: Position
}

export interface LoadedError {
  symbol: string
  code?: number
  key?: string
  group?: string
  status: number
  title: string
  /** ICU template in the default locale; the title when the catalog gives none. */
  message: string
  /** The placeholders of `message`, as the loader parsed them; absent when it does not parse. */
  placeholders?: Placeholder[]
  params: Record<string, Param>
  description?: string
  troubleshooting?: string
  examples: Example[]
  links: Link[]
  retry: RetryPolicy
  rateLimit?: RateLimit
  since?: string
  deprecated?: { since?: string; replacedBy?: string; note?: string }
  obsolete?: { since?: string; note?: string }
  expose: boolean
  stack: boolean
  success: boolean
  internal: boolean
  validation: boolean
  /** Docs anchor, stable across versions: the key, else the code, else the symbol. */
  anchor: string
  /** Absolute docs URL of this error, when `api.docs` is set. */
  docsUrl?: string
  /** RFC 9457 problem `type`. */
  problemType: string
  /** Translations by locale, default locale excluded. */
  translations: Record<string, LoadedTranslation>
  source?: Source
  /** Where the entry starts (its symbol key). */
  at: Position
  /** The catalog file that declares it. */
  file: string
}

export interface LoadedGroup {
  id: string
  title: string
  description?: string
  range?: [number, number]
  prefix?: string
  status?: number
  owner?: string
  file: string
  at: Position
}

export interface LoadedCatalog {
  /** Absolute path of the root file. */
  root: string
  /** Every catalog file read, root first. */
  files: string[]
  /** The locale message files read (absolute paths). */
  localeFiles: string[]
  api: Api
  envelope: EnvelopeTemplate
  locales: {
    default: string
    /** Every locale with at least one translation, default first. */
    available: string[]
    fallback: Record<string, string[]>
  }
  rules: Record<string, Severity>
  /** The root file's `build:` section: what a bare `errcat build` generates (paths relative to `root`). */
  build?: BuildConfig
  groups: LoadedGroup[]
  errors: LoadedError[]
  /** What `errcat import` recorded (`imported:`), per catalog file that has it. */
  imported?: { file: string; report: ImportReport }[]
  /**
   * Breaking changes accepted on purpose (`breaking:` on an error, or at the top
   * of a catalog file for removed errors and the envelope), for `errcat diff`.
   * `target` is an error symbol or `envelope`.
   */
  accepted: { target: string; reason: string; at: Position }[]
  /** Finds the position of a JSON path in a catalog file, for findings. */
  locate(file: string, path: readonly (string | number)[], part?: 'key' | 'value'): Position
}
