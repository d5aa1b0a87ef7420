// The built docs page as a reader sees it: one card per `<article class="error">`,
// with what the card shows, read from the HTML with parse5 (not from the
// generator's data), so the check covers the markup that ships.
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5'
import { collapse } from './model.ts'

export interface Card {
  id: string
  code?: string
  key?: string
  symbol?: string
  message?: string
  /** The href of the card's own `#` link. */
  selfHref?: string
  moreInfo?: string
  /** Collapsed text of every element of the card. */
  texts: Set<string>
  section?: { title: string; facts: string }
  /** The example response's body, parsed; undefined when the card has none or it is not JSON. */
  exampleBody?: Record<string, unknown>
}

export interface DocsPage {
  cards: Card[]
  /** How many elements carry each id. */
  idCounts: Map<string, number>
}

const isElement = (node: T.Node): node is T.Element => 'tagName' in node
const attrOf = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value
const hasClass = (el: T.Element, name: string) =>
  (attrOf(el, 'class') ?? '').split(/\s+/).includes(name)

function rawText(node: T.Node): string {
  if (node.nodeName === '#text') return (node as T.TextNode).value
  return isElement(node) ? node.childNodes.map(rawText).join('') : ''
}

function* elements(node: T.ParentNode): Generator<T.Element> {
  for (const child of node.childNodes) {
    if (!isElement(child)) continue
    yield child
    yield* elements(child)
  }
}

function first(node: T.ParentNode, test: (el: T.Element) => boolean): T.Element | undefined {
  for (const el of elements(node)) if (test(el)) return el
  return undefined
}

export function readDocsPage(html: string): DocsPage {
  const document = parse(html)
  const idCounts = new Map<string, number>()
  for (const el of elements(document)) {
    const id = attrOf(el, 'id')
    if (id !== undefined) idCounts.set(id, (idCounts.get(id) ?? 0) + 1)
  }
  const cards: Card[] = []
  const visit = (node: T.ParentNode, section: Card['section']) => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue
      if (child.tagName === 'section' && hasClass(child, 'group')) visit(child, sectionOf(child))
      else if (child.tagName === 'article' && hasClass(child, 'error'))
        cards.push(readCard(child, section))
      else visit(child, section)
    }
  }
  visit(document, undefined)
  return { cards, idCounts }
}

function sectionOf(section: T.Element): Card['section'] {
  const heading = first(section, (el) => el.tagName === 'h2')
  const facts = first(section, (el) => el.tagName === 'p' && hasClass(el, 'group-facts'))
  return {
    title: heading ? collapse(rawText(heading)) : '',
    facts: facts ? collapse(rawText(facts)) : '',
  }
}

function readCard(article: T.Element, section: Card['section']): Card {
  const textOfClass = (tag: string, name: string) => {
    const el = first(article, (e) => e.tagName === tag && hasClass(e, name))
    return el ? collapse(rawText(el)) : undefined
  }
  const texts = new Set<string>()
  for (const el of elements(article)) texts.add(collapse(rawText(el)))
  const self = first(article, (el) => el.tagName === 'a' && hasClass(el, 'anchor'))
  return {
    id: attrOf(article, 'id') ?? '',
    code: textOfClass('code', 'code'),
    key: textOfClass('code', 'key'),
    symbol: textOfClass('code', 'symbol'),
    message: textOfClass('span', 'message'),
    selfHref: self ? attrOf(self, 'href') : undefined,
    moreInfo: moreInfoOf(article),
    texts,
    section,
    exampleBody: exampleBodyOf(article),
  }
}

/** The href in the `<dd>` that follows `<dt>More info</dt>`. */
function moreInfoOf(article: T.Element): string | undefined {
  for (const dl of elements(article)) {
    if (dl.tagName !== 'dl') continue
    const items = dl.childNodes.filter(isElement)
    for (let i = 0; i + 1 < items.length; i++) {
      const dt = items[i]!
      if (dt.tagName !== 'dt' || collapse(rawText(dt)) !== 'More info') continue
      const a = first(items[i + 1]!, (el) => el.tagName === 'a')
      return a ? attrOf(a, 'href') : undefined
    }
  }
  return undefined
}

/** The example response is a status line and headers, a blank line, then the body. */
function exampleBodyOf(article: T.Element): Record<string, unknown> | undefined {
  const figure = first(article, (el) => el.tagName === 'figure' && hasClass(el, 'example'))
  const pre = figure && first(figure, (el) => el.tagName === 'pre')
  if (!pre) return undefined
  const text = rawText(pre)
  const blank = text.indexOf('\n\n')
  if (blank < 0) return undefined
  try {
    const body: unknown = JSON.parse(text.slice(blank + 2))
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
