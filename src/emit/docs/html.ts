// Building HTML as strings, safely: every piece of catalog text goes through
// `escapeHtml` (or `attr`), and every URL through `safeUrl`. Catalog text is
// untrusted: nothing in it may run script in the page.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

const SPECIAL = /[&<>"']/
const SPECIALS = /[&<>"']/g

export function escapeHtml(text: string): string {
  // Most catalog text has nothing to escape: skip the replace, and its copy.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]!) : text
}

/** ` name="value"`, or nothing for `undefined`/`false`; `true` gives a bare attribute. */
export function attr(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined || value === false) return ''
  if (value === true) return ` ${name}`
  return ` ${name}="${escapeHtml(String(value))}"`
}

// Schemes a link from the catalog may use. Anything else (javascript:, data:,
// vbscript:, file:) is shown as text instead of becoming a link.
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

/** The URL when it is safe to put in `href`, else undefined. Relative URLs are kept. */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim()
  // Browsers ignore tabs and newlines inside a scheme (`java\tscript:`): drop them before looking.
  const compact = trimmed.replace(/[\t\n\r]/g, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)
  if (scheme) return SAFE_SCHEMES.has(`${scheme[1]!.toLowerCase()}:`) ? compact : undefined
  // No scheme: relative (path, query or fragment). `//host` is protocol-relative, hence https.
  for (let i = 0; i < compact.length; i++) if (compact.charCodeAt(i) < 0x20) return undefined
  return compact
}

/** A link to `url` when it is safe, else the text alone. */
export function link(url: string, text: string, extra = ''): string {
  const href = safeUrl(url)
  return href === undefined
    ? escapeHtml(text)
    : `<a href="${escapeHtml(href)}"${extra}>${escapeHtml(text)}</a>`
}
