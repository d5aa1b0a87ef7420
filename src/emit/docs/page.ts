// The page around the errors: head (with a Content-Security-Policy that
// allows only the site's own scripts and styles), the search and filter form,
// the group navigation, the locale switch and the theme switch. Works without
// script; the script adds search, filters, copy buttons and the theme toggle.
import type { LoadedGroup } from '../../catalog/model.ts'
import type { Lifecycle } from './error-card.ts'
import { attr, escapeHtml } from './html.ts'
import type { Section } from './layout.ts'

// No inline script or style anywhere, so `'self'` is all the page needs; catalog
// text can add neither. Images may come from https (Markdown in descriptions).
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; base-uri 'none'; form-action 'self'"

export interface LocaleLink {
  locale: string
  /** The locale's name in that locale: `日本語`. */
  name: string
  href: string
  current: boolean
}

export interface PageShell {
  title: string
  /** Path from this page to the site root: `''`, `'../'`, `'../../'`. */
  root: string
  /** Path from this page to its locale's root folder. */
  localeRoot: string
  generator: string
  heading: string
  intro: string
  locales: LocaleLink[]
  /** Group navigation: where each section is, from this page. */
  nav: { title: string; href: string; count: number }[]
  filters: { statuses: number[]; groups: LoadedGroup[]; lifecycles: Lifecycle[] }
  /** Whether errors are spread over group pages (the index then forwards `#anchor` links). */
  split: boolean
  /** This page's path relative to its locale's root. */
  page: string
  body: string
}

export function renderPage(shell: PageShell): string {
  const { root } = shell
  return `<!doctype html>
<!-- ${escapeHtml(shell.generator)}. Do not edit: change the catalog and build again. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="generator" content="${escapeHtml(shell.generator)}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>${escapeHtml(shell.title)}</title>
<link rel="stylesheet" href="${root}assets/docs.css">
<script src="${root}assets/theme.js"></script>
<script defer src="${root}assets/docs.js"></script>
</head>
<body${attr('data-index', `${shell.localeRoot}search-index.js`)}${attr('data-locale-root', shell.localeRoot)}${attr('data-split', shell.split)}${attr('data-page', shell.page)}>
<a class="skip" href="#main">Skip to the errors</a>
<header class="top">
<p class="site"><a href="${shell.localeRoot}index.html">${escapeHtml(shell.title)}</a></p>
${searchForm(shell)}
<div class="tools">${localeSwitch(shell.locales)}<button type="button" class="theme" id="theme" hidden>Theme: auto</button></div>
</header>
<div class="layout">
${groupNav(shell.nav)}
<main id="main" tabindex="-1">
<h1>${escapeHtml(shell.heading)}</h1>
<p class="intro">${shell.intro}</p>
<p id="result-count" class="result-count" role="status" aria-live="polite"></p>
<div id="results" class="results" hidden></div>
<div id="all">
${shell.body}</div>
</main>
</div>
<footer class="bottom"><p>${escapeHtml(shell.generator)}.</p></footer>
</body>
</html>
`
}

function searchForm(shell: PageShell): string {
  const { statuses, groups, lifecycles } = shell.filters
  const option = (value: string, label: string) =>
    `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`
  const select = (id: string, name: string, label: string, options: string[]) =>
    options.length > 1
      ? `<label class="filter"><span>${label}</span><select id="${id}" name="${name}">${options.join('')}</select></label>`
      : ''
  return `<form class="search" role="search" action="${shell.localeRoot}index.html" method="get">
<label class="query"><span>Search errors</span><input id="q" name="q" type="search" placeholder="Code, key, symbol or words" autocomplete="off" spellcheck="false" aria-describedby="search-help"></label>
<p id="search-help" class="help">Matches codes, keys, symbols, titles and messages as you type.</p>
${select('f-status', 'status', 'Status', [option('', 'Any status'), ...statuses.map((s) => option(String(s), String(s)))])}
${select('f-group', 'group', 'Group', [option('', 'Any group'), ...groups.map((g) => option(g.id, g.title))])}
${select('f-life', 'life', 'Lifecycle', [option('', 'Any lifecycle'), ...lifecycles.map((l) => option(l, LIFECYCLE_FILTER[l]))])}
</form>`
}

const LIFECYCLE_FILTER: Record<Lifecycle, string> = {
  current: 'Current',
  deprecated: 'Deprecated',
  obsolete: 'Obsolete (reserved)',
  success: 'Success codes',
}

function localeSwitch(locales: LocaleLink[]): string {
  if (locales.length < 2) return ''
  const items = locales.map(
    (l) =>
      `<li><a href="${escapeHtml(l.href)}" hreflang="${escapeHtml(l.locale)}" lang="${escapeHtml(l.locale)}"${l.current ? ' aria-current="page"' : ''} data-locale-link>${escapeHtml(l.name)}</a></li>`,
  )
  return `<nav class="locales" aria-label="Language of the messages"><ul>${items.join('')}</ul></nav>`
}

function groupNav(nav: PageShell['nav']): string {
  if (nav.length === 0) return ''
  const items = nav.map(
    (n) =>
      `<li><a href="${escapeHtml(n.href)}">${escapeHtml(n.title)}</a> <span class="count">${n.count}</span></li>`,
  )
  return `<nav class="toc" aria-label="Groups"><details open><summary>Groups</summary><ol>${items.join('')}</ol></details></nav>`
}

/** A group's heading facts: its range or prefix, owner and description. */
export function sectionHeader(section: Section, descriptionHtml: string): string {
  const group = section.group
  const facts: string[] = []
  if (group?.range) facts.push(`Codes ${group.range[0]}–${group.range[1]}`)
  if (group?.prefix) facts.push(`Keys <code>${escapeHtml(group.prefix)}…</code>`)
  if (group?.status) facts.push(`Default status ${group.status}`)
  if (group?.owner) facts.push(`Owner: ${escapeHtml(group.owner)}`)
  if (section.part) facts.push(`Part ${section.part.index} of ${section.part.count}`)
  const count = `${section.errors.length} error${section.errors.length === 1 ? '' : 's'}`
  return `<h2 id="${escapeHtml(section.id)}-h">${escapeHtml(section.title)}</h2>
<p class="group-facts">${[...facts, count].join(' · ')}</p>
${descriptionHtml}`
}
