// Every fact of every page row against the docs card of its error. A fact the
// docs do not show is a problem unless a departure names it and the docs show
// the departure's value instead; a departure the docs no longer need is a
// problem too, so the list stays exactly what the catalogs decided.
import type { Card, DocsPage } from './docs-page.ts'
import { collapse, type Departure, type Fact, type PageRow, type PageTable } from './model.ts'

export interface Outcome {
  rows: number
  facts: number
  /** Facts the docs show as a listed departure. */
  departed: number
  problems: string[]
}

export function compareTable(
  table: PageTable,
  docs: DocsPage,
  departures: readonly Departure[],
): Outcome {
  const outcome: Outcome = { rows: 0, facts: 0, departed: 0, problems: [] }
  const pending = new Map<string, Departure>()
  for (const d of departures) {
    const id = departureId(d.row, d.fact)
    if (pending.has(id)) outcome.problems.push(`departure listed twice: row ${d.row}, ${d.fact}`)
    pending.set(id, d)
  }
  const claimed = new Set<Card>()
  for (const row of table.rows) {
    outcome.rows++
    const take = (fact: Fact) => {
      const id = departureId(row.id, fact.name)
      const departure = pending.get(id)
      pending.delete(id)
      return departure
    }
    const card = findCard(row, docs, claimed, take, outcome)
    if (!card) {
      // Their departures are not unused: the row could not be checked at all, which is reported.
      for (const fact of row.facts.slice(1)) take(fact)
      continue
    }
    for (const fact of row.facts.slice(1)) checkFact(row, fact, card, docs, take(fact), outcome)
  }
  for (const d of pending.values())
    outcome.problems.push(
      `departure for row ${d.row}, ${d.fact} names no fact of the page: remove it or fix its row/fact`,
    )
  return outcome
}

const departureId = (row: string, fact: string) => `${row}\u0000${fact}`

/**
 * The card of the row's first fact (its code or key). A card answers one row
 * only: a code the page lists twice is shown once, for its first row.
 */
function findCard(
  row: PageRow,
  docs: DocsPage,
  claimed: Set<Card>,
  take: (fact: Fact) => Departure | undefined,
  outcome: Outcome,
): Card | undefined {
  const fact = row.facts[0]!
  const departure = take(fact)
  outcome.facts++
  const lookup = (value: string) =>
    docs.cards.find((c) => !claimed.has(c) && shows(c, fact, value, docs))
  let card = lookup(fact.value)
  if (card && departure)
    outcome.problems.push(
      `${where(row)}: departure for ${fact.name} is no longer needed: the docs show ${fact.kind} ${show(fact, fact.value)}`,
    )
  if (!card && departure) {
    card = lookup(departure.docs)
    if (card) outcome.departed++
    else
      outcome.problems.push(
        `${where(row)}: no card shows ${fact.kind} ${show(fact, departure.docs)} (the departure's value)`,
      )
  } else if (!card)
    outcome.problems.push(
      `${where(row)}: no card shows ${fact.kind} ${show(fact, fact.value)}; the row's other facts are not checked`,
    )
  if (card) claimed.add(card)
  return card
}

function checkFact(
  row: PageRow,
  fact: Fact,
  card: Card,
  docs: DocsPage,
  departure: Departure | undefined,
  outcome: Outcome,
): void {
  outcome.facts++
  const shown = shows(card, fact, fact.value, docs)
  if (shown && departure)
    outcome.problems.push(
      `${where(row)}: departure for ${fact.name} is no longer needed: card #${card.id} shows the page's ${show(fact, fact.value)}`,
    )
  else if (!shown && departure && shows(card, fact, departure.docs, docs)) outcome.departed++
  else if (!shown)
    outcome.problems.push(
      `${where(row)}: the page shows ${fact.name} ${show(fact, fact.value)}; card #${card.id} shows ${describe(card, fact, docs)}${departure ? `, not the departure's ${show(fact, departure.docs)}` : ''}`,
    )
}

const where = (row: PageRow) => `row ${row.id} (seed line ${row.line})`

/** A value as the message quotes it: JSON (body facts already are), with invisible differences such as U+00A0 spelled out. */
function show(fact: Fact, value: string): string {
  const text = fact.kind === 'body' ? value : JSON.stringify(value)
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function shows(card: Card, fact: Fact, value: string, docs: DocsPage): boolean {
  switch (fact.kind) {
    case 'code':
      return card.code === value
    case 'key':
      return card.key === value
    case 'symbol':
      return card.symbol === value
    case 'anchor':
      return card.id === value && card.selfHref === `#${value}` && docs.idCounts.get(value) === 1
    case 'link':
      return card.moreInfo === value
    case 'text':
      return card.texts.has(collapse(value))
    case 'section':
      return card.section?.title === collapse(value)
    case 'range':
      return card.section?.facts.split(' · ').includes(rangeFact(value)) ?? false
    case 'body':
      return JSON.stringify(card.exampleBody?.[fact.member!]) === value
    case 'body-present': {
      const member = card.exampleBody?.[fact.member!]
      return typeof member === 'string' && member.length > 0
    }
  }
}

/** `2xxx` covers 2000–2999, and the docs say so in the section's facts. */
function rangeFact(label: string): string {
  const low = Number(label.replace(/x/g, '0'))
  const high = Number(label.replace(/x/g, '9'))
  return `Codes ${low}–${high}`
}

/** What the card shows where the fact should be, for the failure message. */
function describe(card: Card, fact: Fact, docs: DocsPage): string {
  switch (fact.kind) {
    case 'code':
    case 'key':
    case 'symbol':
    case 'link':
      return JSON.stringify(card[fact.kind === 'link' ? 'moreInfo' : fact.kind])
    case 'anchor':
      return `id ${JSON.stringify(card.id)}, self link ${JSON.stringify(card.selfHref)}, ${docs.idCounts.get(fact.value) ?? 0} element(s) with id ${JSON.stringify(fact.value)}`
    case 'text':
      return `no element with that text (its message: ${JSON.stringify(card.message)})`
    case 'section':
      return `section ${JSON.stringify(card.section?.title)}`
    case 'range':
      return `section facts ${JSON.stringify(card.section?.facts)}`
    case 'body':
    case 'body-present':
      return `${fact.member}: ${JSON.stringify(card.exampleBody?.[fact.member!])} in its example body`
  }
}
