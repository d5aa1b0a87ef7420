// LoadedCatalog → what the runtime needs, normalized: one definition per
// throwable error (success codes and obsolete numbers get none), messages
// compiled to ASTs, retry policies in the catalog's own spelling. The
// TypeScript module writes this out as code, the JSON target as data.

import type {
  CatalogScope,
  ErrorDefinition,
  LocaleConfig,
  RetrySpec,
} from '@errcat/runtime/internal/definition'
import type { Message } from '@errcat/runtime/internal/message'
import type { LoadedCatalog, LoadedError, RetryPolicy } from '../catalog/model.ts'
import type { EnvelopeTemplate } from '../catalog/schema.ts'
import type { ApiView } from '../envelope/index.ts'
import { compileMessage } from './message-ast.ts'

/** An ErrorDefinition without its catalog scope, which the module holds once. */
export type DefinitionData = Omit<ErrorDefinition, 'catalog'>

export interface RuntimeErrorData {
  definition: DefinitionData
  /** The loaded entry, for docs comments and parameter types. */
  source: LoadedError
}

export interface RuntimeData {
  scope: CatalogScope
  api: ApiView
  envelope: EnvelopeTemplate
  locales: LocaleConfig
  errors: RuntimeErrorData[]
  /** Symbols of the errors the handler creates itself. */
  internal?: string
  validation?: string
}

/** Whether code can throw this error: success codes and obsolete numbers are documented only. */
export function isThrowable(error: LoadedError): boolean {
  return !error.success && !error.obsolete
}

export function buildRuntimeData(catalog: LoadedCatalog): RuntimeData {
  const errors = catalog.errors.filter(isThrowable).map((source) => ({
    definition: toDefinition(source),
    source,
  }))
  const fallback = catalog.locales.fallback
  return {
    scope: { id: catalog.api.name, locale: catalog.locales.default },
    api: {
      name: catalog.api.name,
      ...(catalog.api.version !== undefined ? { version: catalog.api.version } : {}),
      ...(catalog.api.domain !== undefined ? { domain: catalog.api.domain } : {}),
    },
    envelope: catalog.envelope,
    locales: {
      available: catalog.locales.available,
      ...(Object.keys(fallback).length > 0 ? { fallback } : {}),
    },
    errors,
    ...optional('internal', errors.find((e) => e.source.internal)?.source.symbol),
    ...optional('validation', errors.find((e) => e.source.validation)?.source.symbol),
  }
}

function toDefinition(error: LoadedError): DefinitionData {
  const translations = Object.entries(error.translations)
  const messages: Record<string, Message> = {}
  for (const [locale, translation] of translations)
    messages[locale] = compileMessage(translation.message)
  const params = Object.keys(error.params)
  return {
    symbol: error.symbol,
    ...optional('code', error.code),
    ...optional('key', error.key),
    status: error.status,
    title: error.title,
    message: compileMessage(error.message),
    ...(translations.length > 0 ? { messages } : {}),
    ...(params.length > 0 ? { params } : {}),
    expose: error.expose,
    stack: error.stack,
    retry: toRetrySpec(error.retry),
    ...optional('rateLimit', error.rateLimit),
    type: error.problemType,
    ...optional('docsUrl', error.docsUrl),
    ...optional('group', error.group),
  }
}

function toRetrySpec(retry: RetryPolicy): RetrySpec {
  switch (retry.kind) {
    case 'never':
    case 'safe':
      return retry.kind
    case 'after':
      return { after: retry.seconds }
    case 'afterParam':
      return { afterParam: retry.param }
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}
