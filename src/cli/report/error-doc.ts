// One error's documentation as terminal text, for `errcat explain`: readable
// in a plain log or a pipe, with colour only adding emphasis.
import { STATUS_CODES } from 'node:http'
import { formatMessage } from '@errcat/runtime/internal/format-message'
import type { LoadedCatalog, LoadedError, RetryPolicy } from '../../catalog/model.ts'
import type { Example } from '../../catalog/schema.ts'
import { compileMessage } from '../../emit/message-ast.ts'
import { markdownToText } from './markdown-text.ts'
import { noStyle, type Style } from './style.ts'

const LABEL_WIDTH = 14

export function retryAdvice(retry: RetryPolicy, error: LoadedError): string {
  const rateLimit = error.rateLimit
    ? ` Rate limit policy "${error.rateLimit.policy}": ${error.rateLimit.quota} requests per ${error.rateLimit.window} s.`
    : ''
  switch (retry.kind) {
    case 'never':
      return 'Do not retry: the same request fails the same way until something changes.'
    case 'safe':
      return `Safe to retry, with exponential backoff and jitter.${rateLimit}`
    case 'after':
      return `Retry after ${retry.seconds} second${retry.seconds === 1 ? '' : 's'} (sent in the Retry-After header).${rateLimit}`
    case 'afterParam':
      return `Retry after the number of seconds in param \`${retry.param}\` (sent in the Retry-After header).${rateLimit}`
  }
}

function lifecycle(error: LoadedError): string[] {
  const lines: string[] = []
  if (error.since) lines.push(`introduced in ${error.since}`)
  if (error.deprecated) {
    const { since, replacedBy, note } = error.deprecated
    lines.push(
      [
        `deprecated${since ? ` since ${since}` : ''}`,
        replacedBy ? `; use ${replacedBy} instead` : '',
        note ? `. ${note}` : '',
      ].join(''),
    )
  }
  if (error.obsolete) {
    const { since, note } = error.obsolete
    lines.push(
      `obsolete${since ? ` since ${since}` : ''}: never sent any more; the number stays reserved${note ? `. ${note}` : ''}`,
    )
  }
  return lines
}

function identity(error: LoadedError): string {
  return [
    ...(error.code !== undefined ? [`code ${error.code}`] : []),
    ...(error.key !== undefined ? [`key ${error.key}`] : []),
  ].join(' · ')
}

function exampleLines(error: LoadedError, example: Example, locale: string): string[] {
  const lines: string[] = []
  if (example.request) lines.push(example.request)
  const params = example.params ?? {}
  const entries = Object.entries(params)
  if (entries.length) {
    lines.push(`params: ${entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`)
  }
  // The loader has parsed every message already; a catalog that loaded compiles.
  lines.push(`message: ${formatMessage(compileMessage(error.message), params, locale)}`)
  return lines
}

export function renderErrorDoc(
  catalog: LoadedCatalog,
  error: LoadedError,
  style: Style = noStyle,
): string {
  const out: string[] = []
  const field = (label: string, value: string) => {
    const [first, ...rest] = value.split('\n')
    out.push(`${style.dim(label.padEnd(LABEL_WIDTH))}${first}`)
    for (const line of rest) out.push(`${' '.repeat(LABEL_WIDTH)}${line}`)
  }
  const section = (title: string, body: string) => {
    out.push('', style.bold(title))
    for (const line of body.split('\n')) out.push(line ? `  ${line}` : '')
  }

  const badges = [
    ...(error.obsolete ? [style.red('OBSOLETE')] : []),
    ...(error.deprecated ? [style.yellow('DEPRECATED')] : []),
    ...(error.internal ? ['internal error'] : []),
    ...(error.validation ? ['validation error'] : []),
    ...(error.success ? ['success code'] : []),
  ]
  out.push(
    `${style.bold(style.cyan(error.symbol))}${identity(error) ? `  ${identity(error)}` : ''}${badges.length ? `  [${badges.join(', ')}]` : ''}`,
  )
  out.push(style.bold(error.title || '(no title)'), '')

  const reason = STATUS_CODES[error.status]
  field('Status', `${error.status}${reason ? ` ${reason}` : ''}`)
  const group = catalog.groups.find((g) => g.id === error.group)
  if (group) {
    const details = [
      ...(group.range ? [`codes ${group.range[0]}–${group.range[1]}`] : []),
      ...(group.prefix ? [`keys ${group.prefix}…`] : []),
      ...(group.owner ? [`owner ${group.owner}`] : []),
    ]
    field('Group', `${group.id}: ${group.title}${details.length ? ` (${details.join(', ')})` : ''}`)
  }
  field('Message', error.message)
  const params = Object.entries(error.params)
  if (params.length) {
    const width = Math.max(...params.map(([name]) => name.length))
    field(
      'Params',
      params
        .map(([name, p]) => {
          const type = p.type === 'enum' && p.values ? `enum (${p.values.join(' | ')})` : p.type
          const extra = [
            ...(p.optional ? ['optional'] : []),
            ...(p.example !== undefined ? [`e.g. ${JSON.stringify(p.example)}`] : []),
          ]
          return `${name.padEnd(width)}  ${type}${p.description ? `: ${p.description}` : ''}${extra.length ? ` (${extra.join('; ')})` : ''}`
        })
        .join('\n'),
    )
  }
  field('Retry', retryAdvice(error.retry, error))
  const life = lifecycle(error)
  if (life.length) field('Lifecycle', life.join('\n'))
  field(
    'Exposed',
    error.expose
      ? 'yes: the message and params are sent to clients'
      : 'no: clients get the title and code; message and params go to the server log only',
  )
  const locales = Object.keys(error.translations)
  if (locales.length) field('Translations', locales.join(', '))
  if (error.docsUrl) field('Docs', error.docsUrl)
  field('Problem type', error.problemType)
  field('Defined in', `${error.file}:${error.at.line}`)

  if (error.description) section('Description', markdownToText(error.description, style))
  if (error.troubleshooting) {
    section('Troubleshooting', markdownToText(error.troubleshooting, style))
  }
  if (error.examples.length) {
    section(
      'Examples',
      error.examples
        .map((example, i) => {
          const title = example.title ?? `Example ${i + 1}`
          const lines = exampleLines(error, example, catalog.locales.default)
          return [title, ...lines.map((l) => `  ${l}`)].join('\n')
        })
        .join('\n\n'),
    )
  }
  if (error.links.length) {
    section('Links', error.links.map((l) => `- ${l.title}: ${l.url}`).join('\n'))
  }
  return `${out.join('\n')}\n`
}
