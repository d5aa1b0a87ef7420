// One error's entry in the Markdown reference: an explicit anchor, a heading,
// the facts a client developer needs (status, identity, message, params,
// retry, lifecycle), the catalog's own prose, and the example response the
// server runtime actually sends. Every piece of catalog text goes through
// ./escape.ts or ./sanitize.ts; nothing else here may print it.
import { STATUS_CODES } from 'node:http'
import { formatMessage } from '@errcat/runtime/internal/format-message'
import type { LoadedCatalog, LoadedError } from '../../catalog/model.ts'
import type { Param } from '../../catalog/schema.ts'
import { retryAdvice } from '../../cli/report/error-doc.ts'
import type { RenderExample } from '../example-response.ts'
import { compileMessage } from '../message-ast.ts'
import { attribute, cellCode, code, fence, url as safeUrl, text } from './escape.ts'
import { safeMarkdown } from './sanitize.ts'

export interface SectionContext {
  catalog: LoadedCatalog
  /** Heading level of the error (2 or 3). */
  level: number
  /** The link to an error's entry (`#anchor`, or `page.md#anchor` on another page). */
  href(symbol: string): string | undefined
  example: RenderExample
}

/**
 * The explicit anchor, on its own line before a heading: GitHub, MDX and
 * Python-Markdown all keep it. GitHub prefixes ids and names with
 * `user-content-` and its script resolves the plain fragment; `name` is
 * there for the renderers that long kept only that.
 */
export function anchorTag(anchor: string): string {
  const value = attribute(anchor)
  return `<a id="${value}" name="${value}"></a>`
}

/** `1001 · bad_token`: what the error is called on the wire. */
function identity(error: LoadedError): string {
  const parts = [
    ...(error.code !== undefined ? [String(error.code)] : []),
    ...(error.key !== undefined ? [error.key] : []),
  ]
  return parts.length > 0 ? parts.join(' · ') : error.symbol
}

/** The heading text, also used by the table of contents. */
export function headingText(error: LoadedError): string {
  const badges = [
    ...(error.obsolete ? ['obsolete'] : []),
    ...(error.deprecated ? ['deprecated'] : []),
  ]
  return `${text(identity(error))} · ${text(error.title || '(no title)')}${badges.length ? ` (${badges.join(', ')})` : ''}`
}

export function errorSection(error: LoadedError, ctx: SectionContext): string {
  const base = ctx.catalog.api.docs
  const parts = [
    anchorTag(error.anchor),
    `${'#'.repeat(ctx.level)} ${headingText(error)}`,
    ...(error.description ? [safeMarkdown(error.description, base)] : []),
    facts(error, ctx),
    ...params(error),
    ...labelled(
      'Troubleshooting',
      error.troubleshooting && safeMarkdown(error.troubleshooting, base),
    ),
    ...labelled('Examples', examples(error, ctx.catalog.locales.default)),
    ...labelled('Links', links(error, base)),
    ...labelled('Example response', exampleResponse(error, ctx)),
  ]
  return parts.filter((p) => p !== '').join('\n\n')
}

function labelled(label: string, body: string | undefined): string[] {
  return body ? [`**${label}**`, body] : []
}

export function statusText(status: number): string {
  const reason = STATUS_CODES[status]
  return reason ? `${status} ${reason}` : String(status)
}

function facts(error: LoadedError, ctx: SectionContext): string {
  const rows: [string, string][] = [['Status', statusText(error.status)]]
  if (error.code !== undefined) rows.push(['Code', code(String(error.code))])
  if (error.key !== undefined) rows.push(['Key', code(error.key)])
  rows.push(['Symbol', code(error.symbol)])
  rows.push(['Message', code(error.message)])
  const role = roleOf(error)
  if (role) rows.push(['Role', role])
  if (!error.success && !error.obsolete) {
    // The catalog's policy name is arbitrary text: it is printed here, escaped, not by retryAdvice.
    rows.push(['Retry', retryAdvice(error.retry, { ...error, rateLimit: undefined })])
    if (error.rateLimit) rows.push(['Rate limit', rateLimit(error)])
  }
  if (!error.expose)
    rows.push([
      'Exposed',
      'no: clients get the title and the code; the message and params go to the server log only.',
    ])
  if (error.since) rows.push(['Since', text(error.since)])
  if (error.deprecated) rows.push(['Deprecated', deprecation(error, ctx)])
  if (error.obsolete) rows.push(['Obsolete', obsolescence(error)])
  const locales = Object.keys(error.translations)
  if (locales.length) rows.push(['Translations', text(locales.join(', '))])
  rows.push(['Problem type', code(error.problemType)])
  return rows.map(([label, value]) => `- **${label}:** ${value}`).join('\n')
}

function roleOf(error: LoadedError): string | undefined {
  if (error.success) return 'success code: it reports success and is never sent as an error.'
  if (error.internal) return 'the internal error: what unexpected exceptions become.'
  if (error.validation)
    return 'the validation error: what request-validation failures become, with field violations.'
  return undefined
}

function rateLimit(error: LoadedError): string {
  const { policy, quota, window } = error.rateLimit!
  return `policy ${code(policy)}: ${quota} request${quota === 1 ? '' : 's'} per ${window} second${window === 1 ? '' : 's'}. Responses carry the \`RateLimit-Policy\` and \`RateLimit\` headers.`
}

function deprecation(error: LoadedError, ctx: SectionContext): string {
  const { since, replacedBy, note } = error.deprecated!
  let out = since ? `since ${text(since)}` : 'yes'
  if (replacedBy) {
    const href = ctx.href(replacedBy)
    out += `; use ${href ? `[${code(replacedBy)}](${href})` : code(replacedBy)} instead`
  }
  return `${out}.${note ? ` ${text(note)}` : ''}`
}

function obsolescence(error: LoadedError): string {
  const { since, note } = error.obsolete!
  const what = error.code !== undefined ? 'its code' : 'its key'
  return `${since ? `since ${text(since)}: ` : ''}never sent any more; ${what} stays reserved and is never reused.${note ? ` ${text(note)}` : ''}`
}

function params(error: LoadedError): string[] {
  const entries = Object.entries(error.params)
  if (entries.length === 0) return []
  // Columns that would be empty for every param are left out.
  const columns = PARAM_COLUMNS.filter(
    (c) => !c.optional || entries.some(([, p]) => c.cell('', p) !== ''),
  )
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [
    '**Parameters**',
    [
      row(columns.map((c) => c.title)),
      row(columns.map(() => '---')),
      ...entries.map(([name, p]) => row(columns.map((c) => c.cell(name, p)))),
    ].join('\n'),
  ]
}

const PARAM_COLUMNS: { title: string; optional?: boolean; cell(name: string, p: Param): string }[] =
  [
    { title: 'Name', cell: (name) => cellCode(name) },
    { title: 'Type', cell: (_, p) => text(p.type) },
    { title: 'Required', cell: (_, p) => (p.optional ? 'no' : 'yes') },
    {
      title: 'Values',
      optional: true,
      cell: (_, p) => (p.values ?? []).map(cellCode).join(', '),
    },
    {
      title: 'Example',
      optional: true,
      cell: (_, p) => (p.example !== undefined ? cellCode(JSON.stringify(p.example)) : ''),
    },
    { title: 'Description', cell: (_, p) => text(p.description ?? '') },
  ]

function examples(error: LoadedError, locale: string): string | undefined {
  if (error.examples.length === 0) return undefined
  // A catalog that loaded has messages that parse.
  const message = compileMessage(error.message)
  return error.examples
    .map((example, i) => {
      const given = Object.entries(example.params ?? {})
      const parts = [
        `*${text(example.title ?? `Example ${i + 1}`)}*:`,
        ...(example.request ? [code(example.request)] : []),
        ...(given.length
          ? [`with ${given.map(([k, v]) => code(`${k} = ${JSON.stringify(v)}`)).join(', ')}`]
          : []),
        `→ ${text(formatMessage(message, example.params ?? {}, locale))}`,
      ]
      return `- ${parts.join(' ')}`
    })
    .join('\n')
}

function links(error: LoadedError, base: string | undefined): string | undefined {
  if (error.links.length === 0) return undefined
  return error.links
    .map((link) => {
      const href = safeUrl(link.url, base)
      return `- ${href ? `[${text(link.title)}](${href})` : `${text(link.title)}: ${code(link.url)}`}`
    })
    .join('\n')
}

/** The example as an HTTP message: what the runtime's handler sends, headers and body. */
function exampleResponse(error: LoadedError, ctx: SectionContext): string | undefined {
  const response = ctx.example(error)
  if (!response) return undefined
  const headers = Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`)
  let body = response.body
  try {
    body = JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    // Not JSON: shown as sent.
  }
  return fence([`HTTP/1.1 ${statusText(response.status)}`, ...headers, '', body].join('\n'), 'http')
}
