// One error as the docs show it: an <article> whose id is the error's anchor,
// with every fact the catalog has about it and the response a server sends.
import { STATUS_CODES } from 'node:http'
import type { ErrorResponse } from '@errcat/runtime/internal/handle'
import type { LoadedError } from '../../catalog/model.ts'
import type { Param } from '../../catalog/schema.ts'
import { retryAdvice } from '../../cli/report/error-doc.ts'
import { attr, escapeHtml, link } from './html.ts'
import { markdownToHtml } from './markdown-html.ts'

export interface CardContext {
  /** The element id of the error (its anchor, made unique on the site). */
  id: string
  /** The URL of another error's card from this page, by symbol. */
  hrefOf(symbol: string): string | undefined
}

export type Lifecycle = 'current' | 'deprecated' | 'obsolete' | 'success'

export function lifecycleOf(error: LoadedError): Lifecycle {
  if (error.success) return 'success'
  if (error.obsolete) return 'obsolete'
  if (error.deprecated) return 'deprecated'
  return 'current'
}

export function statusText(status: number): string {
  const reason = STATUS_CODES[status]
  return reason ? `${status} ${reason}` : String(status)
}

/** The parts of a card that are the same in every locale, rendered once per error. */
export interface PreparedCard {
  /** From `<article>` to the `<dd>` that holds the message. */
  open: string
  /** From the end of the message to the example response. */
  rest: string
}

export function prepareCard(error: LoadedError, context: CardContext): PreparedCard {
  const id = escapeHtml(context.id)
  const life = lifecycleOf(error)
  return {
    open: `<article class="error" id="${id}" aria-labelledby="${id}-h"${attr('data-life', life)}>
<h3 id="${id}-h"><a class="anchor" href="#${escapeHtml(encodeURIComponent(context.id))}" aria-label="Link to this error">#</a>${identity(error)}<span class="title">${escapeHtml(error.title || error.symbol)}</span></h3>
<p class="badges">${badges(error, life)}</p>
<dl class="facts"><dt>Message</dt><dd>`,
    rest: `</dd>${facts(error, context)}</dl>
${params(error.params)}${markdownSection('Description', error.description, false)}${markdownSection('Troubleshooting', error.troubleshooting, true)}${links(error)}`,
  }
}

/** The card in one locale: the message in that locale, and the response a server sends in it. */
export function renderCard(
  card: PreparedCard,
  message: { text: string; lang?: string | undefined },
  response: ErrorResponse | undefined,
): string {
  return `${card.open}<span class="message"${attr('lang', message.lang)}>${messageHtml(message.text)}</span>${card.rest}${example(response)}</article>
`
}

function identity(error: LoadedError): string {
  const ids: string[] = []
  if (error.code !== undefined) ids.push(`<code class="code">${error.code}</code>`)
  if (error.key !== undefined) ids.push(`<code class="key">${escapeHtml(error.key)}</code>`)
  return ids.length ? `${ids.join(' ')} ` : ''
}

function badges(error: LoadedError, life: Lifecycle): string {
  const status = `<span class="status s${String(error.status)[0]}xx" title="HTTP status">${escapeHtml(statusText(error.status))}</span>`
  const out = [status, `<code class="symbol" title="Symbol">${escapeHtml(error.symbol)}</code>`]
  if (life !== 'current') out.push(`<span class="life ${life}">${LIFE_LABEL[life]}</span>`)
  if (error.internal) out.push('<span class="role">Internal error</span>')
  if (error.validation) out.push('<span class="role">Validation error</span>')
  return out.join(' ')
}

const LIFE_LABEL: Record<Lifecycle, string> = {
  current: 'Current',
  deprecated: 'Deprecated',
  obsolete: 'Obsolete',
  success: 'Success code',
}

/** Every fact after the message. */
function facts(error: LoadedError, context: CardContext): string {
  const out: string[] = []
  const fact = (label: string, html: string) => out.push(`<dt>${label}</dt><dd>${html}</dd>`)
  if (!error.expose && !error.success)
    fact(
      'On the wire',
      'The response carries the title, not the message: the message and its params stay in the server log.',
    )
  if (!error.success && !error.obsolete) fact('Retry', escapeHtml(retryAdvice(error.retry, error)))
  const life = lifecycleFacts(error, context)
  if (life) fact('Lifecycle', life)
  if (error.docsUrl) fact('More info', link(error.docsUrl, error.docsUrl))
  if (error.problemType !== error.docsUrl)
    fact('Problem type', `<code>${escapeHtml(error.problemType)}</code>`)
  return out.join('')
}

/** The ICU template as text, its simple placeholders marked up as variables. */
function messageHtml(template: string): string {
  return escapeHtml(template).replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '<var>{$1}</var>')
}

function lifecycleFacts(error: LoadedError, context: CardContext): string {
  const parts: string[] = []
  if (error.since) parts.push(`Since ${escapeHtml(error.since)}.`)
  if (error.deprecated) {
    const { since, replacedBy, note } = error.deprecated
    let text = `Deprecated${since ? ` since ${escapeHtml(since)}` : ''}.`
    if (replacedBy) {
      const href = context.hrefOf(replacedBy)
      const name = `<code>${escapeHtml(replacedBy)}</code>`
      text += ` Use ${href ? `<a href="${escapeHtml(href)}">${name}</a>` : name} instead.`
    }
    if (note) text += ` ${escapeHtml(note)}`
    parts.push(text)
  }
  if (error.obsolete) {
    const { since, note } = error.obsolete
    parts.push(
      `Obsolete${since ? ` since ${escapeHtml(since)}` : ''}: no longer sent; the number stays reserved.${note ? ` ${escapeHtml(note)}` : ''}`,
    )
  }
  if (error.success) parts.push('Not an error: this code reports success.')
  return parts.join(' ')
}

function params(list: Record<string, Param>): string {
  const entries = Object.entries(list)
  if (entries.length === 0) return ''
  const rows = entries.map(([name, p]) => {
    const type =
      p.type === 'enum' && p.values
        ? `enum: ${p.values.map((v) => `<code>${escapeHtml(v)}</code>`).join(', ')}`
        : p.type
    const example =
      p.example !== undefined
        ? ` Example: <code>${escapeHtml(JSON.stringify(p.example))}</code>.`
        : ''
    return `<tr><th scope="row"><code>${escapeHtml(name)}</code></th><td>${type}</td><td>${p.optional ? 'no' : 'yes'}</td><td>${escapeHtml(p.description ?? '')}${example}</td></tr>`
  })
  return `<table class="params"><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>\n`
}

function markdownSection(title: string, markdown: string | undefined, headed: boolean): string {
  if (!markdown?.trim()) return ''
  const heading = headed ? `<h4>${title}</h4>` : ''
  return `<div class="md ${title.toLowerCase()}">${heading}${markdownToHtml(markdown)}</div>\n`
}

function links(error: LoadedError): string {
  if (error.links.length === 0) return ''
  const items = error.links.map((l) => `<li>${link(l.url, l.title)}</li>`).join('')
  return `<div class="links"><h4>Links</h4><ul>${items}</ul></div>\n`
}

/** The response as a server sends it: status line, errcat's headers, the body pretty-printed. */
export function responseText(response: ErrorResponse): string {
  const lines = [`HTTP/1.1 ${statusText(response.status)}`]
  for (const [name, value] of Object.entries(response.headers)) lines.push(`${name}: ${value}`)
  let body = response.body
  try {
    body = JSON.stringify(JSON.parse(response.body), null, 2)
  } catch {
    // Not JSON: shown as sent.
  }
  return `${lines.join('\n')}\n\n${body}`
}

function example(response: ErrorResponse | undefined): string {
  if (!response) return ''
  return `<figure class="example"><figcaption>Example response</figcaption><div class="code-block"><button type="button" class="copy" aria-label="Copy the example response">Copy</button><pre tabindex="0"><code>${escapeHtml(responseText(response))}</code></pre></div></figure>\n`
}
