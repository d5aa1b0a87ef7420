// load: files → one LoadedCatalog. Reads the root catalog and everything it
// includes, validates each file against the schema, parses every ICU message,
// merges groups, errors and translations, and applies the defaults. Every
// problem becomes a positioned finding; nothing throws.
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import { Value } from '@sinclair/typebox/value'
import { compareFindings, type Finding, type Position } from '../catalog/diagnostic.ts'
import { type Placeholder, parseMessage } from '../catalog/message.ts'
import type {
  LoadedCatalog,
  LoadedError,
  LoadedGroup,
  LoadedTranslation,
  RetryPolicy,
} from '../catalog/model.ts'
import {
  type CatalogFile,
  CatalogFile as CatalogFileSchema,
  ErrorEntry,
  Group,
  LocaleFile,
} from '../catalog/schema.ts'
import { validateEnvelope } from '../envelope/validate.ts'
import { type JsonPath, type ReadText, readSourceFile, type SourceDocument } from './document.ts'
import { isInside, realPathOf } from './real-path.ts'
import { validateAgainst } from './validate.ts'

export interface LoadResult {
  /** Present when the catalog could be loaded, even if findings were reported. */
  catalog?: LoadedCatalog
  /** Load problems (rule ids `load/...`) and problems found while merging (e.g. `duplicate-symbol`). */
  findings: Finding[]
}

export interface LoadOptions {
  /** Paths in findings are shown relative to this folder. Default: the current folder. */
  cwd?: string
  /**
   * Whether `include` may reach files outside the root catalog's folder (symlinks resolved).
   * Default: no, unless `ERRCAT_ALLOW_OUTSIDE=1` (what the CLI's `--allow-outside` sets): a
   * catalog from an untrusted branch must not make CI read, and quote, any file of the machine.
   */
  allowOutside?: boolean
  /** Reads a file's text; `errcat diff` reads git revisions through it. Default: the disk. */
  readText?: ReadText
  /** How a file is named in findings and positions. Default: relative to `cwd`. */
  display?: (path: string) => string
}

interface FileState {
  path: string
  display: string
  document: SourceDocument
  data: CatalogFile
  /** The file passed its schema: its data has the types CatalogFile says. */
  valid: boolean
}

export async function loadCatalog(
  rootPath: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd()
  const display =
    options.display ??
    ((p: string) => {
      const rel = relative(cwd, p)
      // `errcat check .` reads the current folder: named `.`, not by an empty string.
      if (rel === '') return '.'
      return rel.startsWith('..') || isAbsolute(rel) ? p : rel
    })
  const readText = options.readText
  const allowOutside = options.allowOutside ?? process.env.ERRCAT_ALLOW_OUTSIDE === '1'
  const findings: Finding[] = []
  const files: FileState[] = []
  const documents = new Map<string, SourceDocument>()

  async function visit(path: string, stack: string[], includedFrom?: Position): Promise<void> {
    if (stack.includes(path)) {
      const cycle = [...stack.slice(stack.indexOf(path)), path].map(display).join(' → ')
      findings.push({
        rule: 'load/include-cycle',
        severity: 'error',
        message: `include cycle: ${cycle}`,
        hint: 'Remove one of the `include` entries so that no catalog includes itself, directly or not.',
        ...(includedFrom ?? { file: display(path), line: 1, column: 1 }),
      })
      return
    }
    if (files.some((f) => f.path === path)) return
    const read = await readSourceFile(path, display(path), readText)
    if (!read.document) {
      for (const f of read.findings) {
        findings.push(
          includedFrom && f.rule === 'load/missing-file'
            ? {
                ...f,
                ...includedFrom,
                hint: 'Fix the path in `include`; it is relative to the including file.',
              }
            : f,
        )
      }
      return
    }
    findings.push(...read.findings)
    const document = read.document
    documents.set(document.file, document)
    // Also by absolute path, so `locate` works with `catalog.files` and `catalog.root`.
    documents.set(path, document)
    if (!isObject(document.data)) {
      // Said without quoting the file: it may not be a catalog at all (an include gone wrong).
      findings.push({
        rule: 'load/schema',
        severity: 'error',
        message: `a catalog must be a mapping with \`errors\`, \`groups\`, …; this file holds ${kindOf(document.data)}`,
        hint: 'Start from `errcat init`, or see docs/catalog.md.',
        ...document.locate([]),
      })
      return
    }
    const schemaFindings = validateAgainst(CatalogFileSchema, document, 'the catalog')
    findings.push(...schemaFindings)
    const data = document.data as CatalogFile
    files.push({ path, display: document.file, document, data, valid: schemaFindings.length === 0 })
    reportDuplicateKeys(document, findings)
    const includes = Array.isArray(data.include) ? data.include : []
    for (const [i, include] of includes.entries()) {
      if (typeof include !== 'string') continue
      const target = resolve(dirname(path), include)
      const where = document.locate(['include', i])
      if (!allowOutside && !(await isInside(rootFolder, target))) {
        findings.push({
          rule: 'load/include-outside',
          severity: 'error',
          message: `\`include\` reaches outside the catalog's folder: ${JSON.stringify(include)}`,
          hint: `Included files must be inside ${display(rootFolder) || '.'} (symlinks resolved). Move the file there, or run with --allow-outside if you trust this catalog.`,
          ...where,
        })
        continue
      }
      await visit(target, [...stack, path], where)
    }
  }

  const root = resolve(cwd, rootPath)
  const rootFolder = await realPathOf(dirname(root))
  await visit(root, [])
  if (files.length === 0) return { findings: findings.sort(compareFindings) }

  const rootFile = files[0]!
  const defaultLocale = rootFile.data.locales?.default ?? 'en'
  const groups = mergeGroups(files, findings)
  const errors = mergeErrors(files, groups, rootFile.data, findings)
  const localeFiles = await loadTranslations(
    files,
    errors,
    defaultLocale,
    display,
    documents,
    findings,
    readText,
  )
  if (rootFile.data.envelope !== undefined) {
    // Expressions, directives and presets of the wire format (src/envelope/). A spot the
    // schema already reported is not reported twice.
    const doc = rootFile.document
    const reported = new Set(
      findings
        .filter((f) => f.rule === 'load/schema')
        .map((f) => `${f.file}:${f.line}:${f.column}`),
    )
    for (const problem of validateEnvelope(rootFile.data.envelope)) {
      const path = ['envelope', ...problem.path]
      const at =
        problem.offset === undefined ? doc.locate(path) : doc.locateInString(path, problem.offset)
      if (reported.has(`${at.file}:${at.line}:${at.column}`)) continue
      findings.push({
        rule: 'load/envelope',
        severity: 'error',
        message: problem.message,
        hint: problem.hint,
        ...at,
      })
    }
  }

  const available = new Set<string>([defaultLocale])
  for (const e of errors) for (const l of Object.keys(e.translations)) available.add(l)

  const catalog: LoadedCatalog = {
    root,
    files: files.map((f) => f.path),
    localeFiles,
    api: rootFile.data.api ?? { name: 'API' },
    envelope: rootFile.data.envelope ?? { preset: 'problem' },
    locales: {
      default: defaultLocale,
      available: [...available],
      fallback: rootFile.data.locales?.fallback ?? {},
    },
    rules: Object.assign({}, ...files.map((f) => f.data.rules ?? {}).reverse()),
    ...(isObject(rootFile.data.build) ? { build: rootFile.data.build } : {}),
    groups,
    errors,
    accepted: acceptedNotes(files),
    imported: files.flatMap((f) =>
      isObject(f.data.imported) ? [{ file: f.display, report: f.data.imported }] : [],
    ),
    locate(file, path, part) {
      const document = documents.get(file)
      return document ? document.locate(path, part) : { file, line: 1, column: 1 }
    },
  }
  return { catalog, findings: findings.sort(compareFindings) }
}

/** The `breaking:` notes of every file: on errors (`breaking.accepted`) and at the top. */
function acceptedNotes(files: FileState[]): LoadedCatalog['accepted'] {
  const notes: LoadedCatalog['accepted'] = []
  for (const { data, document } of files) {
    for (const [symbol, entry] of Object.entries(data.errors ?? {})) {
      const reason = isObject(entry) ? entry.breaking?.accepted : undefined
      if (typeof reason === 'string')
        notes.push({
          target: symbol,
          reason,
          at: document.locate(['errors', symbol, 'breaking', 'accepted']),
        })
    }
    for (const [target, reason] of Object.entries(isObject(data.breaking) ? data.breaking : {})) {
      if (typeof reason === 'string')
        notes.push({ target, reason, at: document.locate(['breaking', target]) })
    }
  }
  return notes
}

/**
 * Whether a group or an error of `file` has the types its schema says. One that has not is
 * reported (load/schema) and left out: the merge reads its members as the schema types them.
 */
function conforms(
  file: FileState,
  schema: typeof Group | typeof ErrorEntry,
  value: unknown,
): boolean {
  return isObject(value) && (file.valid || Value.Check(schema, value))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function reportDuplicateKeys(document: SourceDocument, findings: Finding[]): void {
  for (const dup of document.duplicateKeys) {
    const isSymbol = dup.path.length === 1 && dup.path[0] === 'errors'
    findings.push({
      rule: isSymbol ? 'duplicate-symbol' : 'load/duplicate-key',
      severity: 'error',
      message: isSymbol
        ? `symbol ${dup.key} is declared twice (first at line ${dup.first.line})`
        : `key \`${dup.key}\` appears twice in ${dup.path.length ? `\`${dup.path.join('.')}\`` : 'the file'} (first at line ${dup.first.line}); only the last one counts`,
      hint: isSymbol
        ? 'Give each error its own symbol, or merge the two entries.'
        : 'Remove or rename one of them.',
      ...(isSymbol ? { error: dup.key } : {}),
      file: dup.at.file,
      line: dup.at.line,
      column: dup.at.column,
    })
  }
}

function mergeGroups(files: FileState[], findings: Finding[]): LoadedGroup[] {
  const groups: LoadedGroup[] = []
  for (const file of files) {
    for (const [id, group] of Object.entries(file.data.groups ?? {})) {
      if (!conforms(file, Group, group)) continue
      const at = file.document.locate(['groups', id], 'key')
      const existing = groups.find((g) => g.id === id)
      if (existing) {
        findings.push({
          rule: 'load/duplicate-group',
          severity: 'error',
          message: `group ${id} is declared in ${existing.file}:${existing.at.line}:${existing.at.column} and again here`,
          hint: 'Each group belongs to one catalog file; rename one of them.',
          ...at,
        })
        continue
      }
      groups.push({ id, ...group, file: file.display, at } as LoadedGroup)
    }
  }
  return groups
}

function mergeErrors(
  files: FileState[],
  groups: LoadedGroup[],
  root: CatalogFile,
  findings: Finding[],
): LoadedError[] {
  const errors: LoadedError[] = []
  const bySymbol = new Map<string, LoadedError>()
  for (const file of files) {
    for (const [symbol, entry] of Object.entries(file.data.errors ?? {})) {
      if (!conforms(file, ErrorEntry, entry)) continue
      const at = file.document.locate(['errors', symbol], 'key')
      const previous = bySymbol.get(symbol)
      if (previous) {
        findings.push({
          rule: 'duplicate-symbol',
          severity: 'error',
          message: `symbol ${symbol} is also declared in ${previous.file}:${previous.at.line}:${previous.at.column}`,
          hint: 'Symbols are unique across all included catalogs; rename one of them.',
          error: symbol,
          ...at,
        })
        continue
      }
      const loaded = resolveError(symbol, entry as ErrorEntry, file, groups, root, at, findings)
      if (loaded) {
        errors.push(loaded)
        bySymbol.set(symbol, loaded)
      }
    }
  }
  return errors
}

function findGroup(entry: ErrorEntry, groups: LoadedGroup[]): LoadedGroup | undefined {
  if (entry.code !== undefined) {
    const byRange = groups.find(
      (g) => g.range && entry.code! >= g.range[0] && entry.code! <= g.range[1],
    )
    if (byRange) return byRange
  }
  if (entry.key !== undefined) {
    // The longest matching prefix wins, so `rate_limit_` beats `rate_`.
    return groups
      .filter((g) => g.prefix && entry.key!.startsWith(g.prefix))
      .sort((a, b) => b.prefix!.length - a.prefix!.length)[0]
  }
  return undefined
}

function resolveError(
  symbol: string,
  entry: ErrorEntry,
  file: FileState,
  groups: LoadedGroup[],
  root: CatalogFile,
  at: Position,
  findings: Finding[],
): LoadedError | undefined {
  const doc = file.document
  const here = (path: JsonPath, part?: 'key' | 'value') =>
    doc.locate(['errors', symbol, ...path], part)
  const fail = (rule: string, path: JsonPath, message: string, hint: string) =>
    findings.push({ rule, severity: 'error', message, hint, error: symbol, ...here(path) })

  if (entry.code === undefined && entry.key === undefined) {
    fail(
      'load/missing-code',
      [],
      `${symbol} has neither \`code\` nor \`key\``,
      'Give the error a numeric `code`, a string `key`, or both: that is what goes on the wire.',
    )
  }

  let group: LoadedGroup | undefined
  if (entry.group !== undefined) {
    group = groups.find((g) => g.id === entry.group)
    if (!group) {
      const known = groups.map((g) => g.id)
      fail(
        'load/unknown-group',
        ['group'],
        `${symbol} names group \`${entry.group}\`, which no catalog declares`,
        known.length
          ? `Declared groups: ${known.join(', ')}.`
          : 'Declare it under `groups`, with a title and a range or prefix.',
      )
    }
  } else {
    group = findGroup(entry, groups)
  }

  const status = entry.status ?? group?.status
  if (status === undefined) {
    fail(
      'load/missing-status',
      [],
      `${symbol} has no \`status\`, and ${group ? `its group ${group.id} sets none` : 'no group gives one'}`,
      'Set `status` on the error, or a default `status` on its group.',
    )
  }

  const message = entry.message ?? entry.title
  const messagePath = entry.message !== undefined ? ['message'] : ['title']
  const placeholders = checkMessage(
    message,
    (offset) => doc.locateInString(['errors', symbol, ...messagePath], offset),
    symbol,
    findings,
  )

  const translations: Record<string, LoadedTranslation> = {}
  for (const [locale, translation] of Object.entries(entry.messages ?? {})) {
    const text = typeof translation === 'string' ? translation : translation.message
    const path =
      typeof translation === 'string' ? ['messages', locale] : ['messages', locale, 'message']
    const translated = checkMessage(
      text,
      (offset) => doc.locateInString(['errors', symbol, ...path], offset),
      symbol,
      findings,
    )
    translations[locale] = {
      message: text,
      ...(translated ? { placeholders: translated } : {}),
      ...(typeof translation === 'object' && translation.source !== undefined
        ? { source: translation.source }
        : {}),
      at: here(['messages', locale]),
    }
  }

  const effectiveStatus = status ?? 500
  const anchor = entry.key ?? (entry.code !== undefined ? String(entry.code) : symbol.toLowerCase())
  // The schema has reported an `api` of the wrong types; the rest of the entry still loads.
  const docsBase = typeof root.api?.docs === 'string' ? root.api.docs : undefined
  const docsUrl = docsBase
    ? `${docsBase.split('#', 1)[0]}#${encodeURIComponent(anchor)}`
    : undefined
  const apiSlug = (typeof root.api?.name === 'string' ? root.api.name : 'api')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

  return {
    symbol,
    ...(entry.code !== undefined ? { code: entry.code } : {}),
    ...(entry.key !== undefined ? { key: entry.key } : {}),
    ...(group ? { group: group.id } : {}),
    status: effectiveStatus,
    title: entry.title,
    message,
    ...(placeholders ? { placeholders } : {}),
    params: entry.params ?? {},
    ...(entry.description !== undefined ? { description: entry.description } : {}),
    ...(entry.troubleshooting !== undefined ? { troubleshooting: entry.troubleshooting } : {}),
    examples: entry.examples ?? [],
    links: (entry.links ?? []).map((link) => ({ ...link, url: resolveLink(link.url, docsBase) })),
    retry: retryPolicy(entry, effectiveStatus),
    ...(entry.rateLimit ? { rateLimit: entry.rateLimit } : {}),
    ...(entry.since !== undefined ? { since: entry.since } : {}),
    ...(entry.deprecated ? { deprecated: entry.deprecated === true ? {} : entry.deprecated } : {}),
    ...(entry.obsolete ? { obsolete: entry.obsolete === true ? {} : entry.obsolete } : {}),
    expose: entry.expose ?? effectiveStatus < 500,
    stack: entry.stack ?? effectiveStatus >= 500,
    success: entry.success ?? false,
    internal: entry.internal ?? false,
    validation: entry.validation ?? false,
    anchor,
    ...(docsUrl ? { docsUrl } : {}),
    problemType: entry.problemType ?? docsUrl ?? `urn:problem-type:${apiSlug}:${anchor}`,
    translations,
    ...(entry.source ? { source: entry.source } : {}),
    at,
    file: file.display,
  }
}

/** Relative link URLs are resolved against the docs base, so catalogs can say `/guides/auth`. */
function resolveLink(url: string, docsBase: string | undefined): string {
  if (!docsBase || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url
  try {
    return new URL(url, docsBase).href
  } catch {
    return url
  }
}

function retryPolicy(entry: ErrorEntry, status: number): RetryPolicy {
  const retry = entry.retry
  if (retry === 'never' || retry === 'safe') return { kind: retry }
  if (retry && 'after' in retry) return { kind: 'after', seconds: retry.after }
  if (retry && 'afterParam' in retry) return { kind: 'afterParam', param: retry.afterParam }
  if (entry.rateLimit) return { kind: 'after', seconds: entry.rateLimit.window }
  return status >= 500 || status === 429 || status === 408 ? { kind: 'safe' } : { kind: 'never' }
}

function checkMessage(
  message: unknown,
  locate: (offset: number) => Position,
  symbol: string,
  findings: Finding[],
): Placeholder[] | undefined {
  // A message of the wrong type is already a schema finding.
  if (typeof message !== 'string') return undefined
  const parsed = parseMessage(message)
  // Kept on the loaded error, so that lint rules need not parse it again.
  if (parsed.ok) return parsed.placeholders
  findings.push({
    rule: 'load/icu-syntax',
    severity: 'error',
    message: `ICU message of ${symbol} is not valid: ${parsed.reason}`,
    hint: "Placeholders look like `{name}`, `{n, plural, one {# item} other {# items}}` or `{kind, select, a {…} other {…}}`; write a literal brace as '{'.",
    error: symbol,
    ...locate(parsed.offset),
  })
  return undefined
}

async function loadTranslations(
  files: FileState[],
  errors: LoadedError[],
  defaultLocale: string,
  display: (p: string) => string,
  documents: Map<string, SourceDocument>,
  findings: Finding[],
  readText: ReadText | undefined,
): Promise<string[]> {
  const bySymbol = new Map(errors.map((e) => [e.symbol, e]))
  const localeFiles: string[] = []
  for (const file of files) {
    for (const [locale, relPath] of Object.entries(file.data.locales?.files ?? {})) {
      if (typeof relPath !== 'string') continue
      const path = resolve(dirname(file.path), relPath)
      localeFiles.push(path)
      const read = await readSourceFile(path, display(path), readText)
      if (!read.document) {
        for (const f of read.findings) {
          // A missing file is reported where it is named; a syntax error where it is.
          findings.push(
            f.rule === 'load/missing-file'
              ? {
                  ...f,
                  ...file.document.locate(['locales', 'files', locale]),
                  hint: `Create the ${locale} message file, or fix the path (relative to ${file.display}).`,
                }
              : f,
          )
        }
        continue
      }
      findings.push(...read.findings)
      const document = read.document
      documents.set(document.file, document)
      findings.push(...validateAgainst(LocaleFile, document, `the ${locale} message file`))
      if (!isObject(document.data)) continue
      for (const [symbol, translation] of Object.entries(document.data)) {
        const at = document.locate([symbol], 'key')
        const error = bySymbol.get(symbol)
        if (!error) {
          findings.push({
            rule: 'translation-unknown-error',
            severity: 'warning',
            message: `${locale} translation for ${symbol}, which the catalog does not declare`,
            hint: 'Remove it, or fix the symbol if the error was renamed.',
            error: symbol,
            ...at,
          })
          continue
        }
        if (locale === defaultLocale) continue
        const text =
          typeof translation === 'string'
            ? translation
            : isObject(translation)
              ? translation.message
              : undefined
        if (typeof text !== 'string') continue
        const path = typeof translation === 'string' ? [symbol] : [symbol, 'message']
        const placeholders = checkMessage(
          text,
          (offset) => document.locateInString(path, offset),
          symbol,
          findings,
        )
        const source =
          isObject(translation) && typeof translation.source === 'string'
            ? translation.source
            : undefined
        error.translations[locale] = {
          message: text,
          ...(placeholders ? { placeholders } : {}),
          ...(source !== undefined ? { source } : {}),
          at,
        }
      }
    }
  }
  return localeFiles
}

/** Whether `target` (its symlinks resolved, when it exists) lies inside `folder` (a real path). */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'string' ? 'text' : `a ${typeof value}`
}
