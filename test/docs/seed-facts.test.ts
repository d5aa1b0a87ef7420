// The docs built from each example catalog show every fact its original seed
// page shows, row by row. The pages are read here with small readers of their
// own (not errcat's importer), so an importer bug cannot hide a docs gap.
// Where a catalog departs from its page on purpose, the departure is listed
// below with its reason; a departure the docs no longer need fails the test.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { createProject, REPO, runCli } from '../build/project.ts'
import { compareTable } from './seed-facts/compare.ts'
import { type DocsPage, readDocsPage } from './seed-facts/docs-page.ts'
import type { Departure, PageTable } from './seed-facts/model.ts'
import { readGengo } from './seed-facts/read-gengo.ts'
import { readQencode } from './seed-facts/read-qencode.ts'
import { readQrForms } from './seed-facts/read-qr-forms.ts'
import { readQrForge } from './seed-facts/read-qrforge.ts'
import { readSevenBridges, SEVEN_BRIDGES_PAGE } from './seed-facts/read-sevenbridges.ts'

const SEEDS = join(REPO, '..', 'shared', 'seeds')

interface Seed {
  file: string
  name: string
  example: string
  read(text: string): PageTable
  /** How many rows the reader must find: a reader that finds none checks nothing. */
  rows: number
  departures: readonly Departure[]
}

// Departures, by seed: `row` is the code or key as the page labels it, `fact`
// the page's column, `docs` what the docs show instead (JSON for example
// body members). Each says why in a comment; the catalog's own comments say
// more.

const QENCODE: readonly Departure[] = [
  // 7 and 10 share one description on the page, so neither a reader nor a log
  // line could tell them apart; the catalog names in parentheses what is missing.
  {
    row: '7',
    fact: 'DESCRIPTION',
    docs: 'Server issue (master server missing). Please contact support in this case.',
  },
  {
    row: '10',
    fact: 'DESCRIPTION',
    docs: 'Server issue (project missing for this API key). Please contact support in this case.',
  },
  // "a number of seconds specified in response" is the `retryAfter` param,
  // which the message now names (an ICU plural, shown as its template).
  {
    row: '8',
    fact: 'DESCRIPTION',
    docs: "We don't have enough resources to process request at the moment. You should retry it in {retryAfter, plural, one {# second} other {# seconds}}.",
  },
  // "field specified in response" is the `field` param, which the message now names.
  {
    row: '14',
    fact: 'DESCRIPTION',
    docs: 'Value for field {field} is required in request.',
  },
]

// The QR forms catalog keeps every code, message and description of its page verbatim.
const QR_FORMS: readonly Departure[] = []

const SEVEN_BRIDGES: readonly Departure[] = [
  // The page lists 6009 twice with two meanings; the first row keeps 6009 and
  // the second ("Source project must not be null…") moves to 6013, with its
  // anchor and link, since a code can mean one thing only.
  { row: '6009 (page row 61)', fact: 'Code', docs: '6013' },
  { row: '6009 (page row 61)', fact: 'anchor', docs: '6013' },
  { row: '6009 (page row 61)', fact: 'more info', docs: `${SEVEN_BRIDGES_PAGE}#6013` },
  // Labelled 9032, anchored `9023`: the anchor is what links point at and 9023
  // continues 9021, 9022; 9032 transposes its digits.
  { row: '9032', fact: 'Code', docs: '9023' },
  // Labelled 9024, anchored `9042`: 9024 continues the sequence and 9042
  // transposes its digits, so the docs anchor (and `more_info`) is #9024.
  { row: '9024', fact: 'anchor', docs: '9024' },
  { row: '9024', fact: 'more info', docs: `${SEVEN_BRIDGES_PAGE}#9024` },
  // The page's editor left no-break spaces (U+00A0) in these messages; the
  // catalog writes plain spaces.
  {
    row: '9005',
    fact: 'Description',
    docs: 'Insufficient privileges to access the requested job.',
  },
  { row: '9013', fact: 'Description', docs: 'Volume name must not be null or an empty string.' },
  {
    row: '9015',
    fact: 'Description',
    docs: '"access_mode" must be provided (either "RO" or "RW").',
  },
  // 9019 repeats 9017's message word for word; the catalog infers that 9019
  // is the same check on a volume update (to be confirmed by the service).
  {
    row: '9019',
    fact: 'Description',
    docs: '"service" object is invalid for this update. Check the documentation.',
  },
  // 9028 repeats 9027's message; the catalog infers that 9027 is the export
  // direction and 9028 the import direction (to be confirmed by the service).
  {
    row: '9028',
    fact: 'Description',
    docs: 'Importing files across different cloud services is not yet supported.',
  },
]

const QRFORGE: readonly Departure[] = [
  // Both example messages of invalid_request name the field of one request;
  // the catalog's message stays the general Meaning, and the description
  // quotes both examples (checked as "on the card" facts).
  {
    row: 'invalid_request',
    fact: 'example L6 message',
    docs: '"Malformed, missing, or invalid parameters"',
  },
  {
    row: 'invalid_request',
    fact: 'example L42 message',
    docs: '"Malformed, missing, or invalid parameters"',
  },
  // A 5xx is not exposed: the wire carries the title, while the card still
  // shows the page's message as the error's message.
  { row: 'internal_error', fact: 'example L76 message', docs: '"Internal server error"' },
]

const GENGO: readonly Departure[] = [
  // The page shows the raw i18n key `services_api_error_codes_rating_restriction`
  // for both: a failed translation lookup, not a message. The catalog infers a
  // real message for each (type check, range check; to be confirmed).
  { row: '2501', fact: 'msg', docs: 'rating must be a number' },
  { row: '2502', fact: 'msg', docs: 'rating must be between 1 and 5' },
]

const SEED_LIST: Seed[] = [
  {
    file: '000_1307ca0379bd57f0.txt',
    name: 'Qencode',
    example: 'qencode',
    read: readQencode,
    rows: 15,
    departures: QENCODE,
  },
  {
    file: '001_f61eb87d00d9bc22.txt',
    name: 'QR forms',
    example: 'qr-forms',
    read: readQrForms,
    rows: 37,
    departures: QR_FORMS,
  },
  {
    file: '002_0f098ae85f5c511a.txt',
    name: 'Seven Bridges',
    example: 'sevenbridges',
    read: readSevenBridges,
    rows: 131,
    departures: SEVEN_BRIDGES,
  },
  {
    file: '003_b6041020057ff39e.txt',
    name: 'QRForge',
    example: 'qrforge',
    read: readQrForge,
    rows: 11,
    departures: QRFORGE,
  },
  {
    file: '004_327a37d0f8266f11.txt',
    name: 'Gengo',
    example: 'gengo',
    read: readGengo,
    rows: 62,
    departures: GENGO,
  },
]

const project = await createProject()
after(() => project.remove())

const sites = new Map<string, Promise<DocsPage>>()

/** The example's docs site, built once per example however many tests read it. */
function docsOf(example: string): Promise<DocsPage> {
  let site = sites.get(example)
  if (!site) {
    site = (async () => {
      const out = project.path(example)
      const catalog = join(REPO, 'examples', example, 'errors.yaml')
      const result = runCli(['build', catalog, '--target', 'docs', '--out', out])
      assert.equal(result.status, 0, `errcat build ${example}: ${result.stderr}`)
      return readDocsPage(await readFile(join(out, 'index.html'), 'utf8'))
    })()
    sites.set(example, site)
  }
  return site
}

describe('the docs show every fact of the seed pages', () => {
  for (const seed of SEED_LIST) {
    test(`${seed.file.slice(0, 3)} ${seed.name} → examples/${seed.example}`, async (t) => {
      const table = seed.read(await readFile(join(SEEDS, seed.file), 'utf8'))
      assert.equal(table.rows.length, seed.rows, `rows read from ${seed.file}`)
      const outcome = compareTable(table, await docsOf(seed.example), seed.departures)
      t.diagnostic(
        `${seed.name}: ${outcome.rows} rows, ${outcome.facts} facts checked (${outcome.departed} as listed departures)${table.blankRows ? `; ${table.blankRows} blank rows without facts` : ''}`,
      )
      assert.deepEqual(outcome.problems, [], `${seed.name}:\n${outcome.problems.join('\n')}`)
    })
  }

  test('Seven Bridges: every "More info" link is the page plus #<code>, an anchor of the docs page', async () => {
    const docs = await docsOf('sevenbridges')
    const wrong = docs.cards.flatMap((card) => {
      const expected = `${SEVEN_BRIDGES_PAGE}#${card.code}`
      const problems: string[] = []
      if (card.moreInfo !== expected)
        problems.push(`card #${card.id}: More info ${card.moreInfo}, expected ${expected}`)
      if (card.id !== card.code || docs.idCounts.get(card.code ?? '') !== 1)
        problems.push(`code ${card.code}: the docs page has no unique anchor #${card.code}`)
      return problems
    })
    assert.ok(docs.cards.length > 0, 'the Seven Bridges docs have no cards')
    assert.deepEqual(wrong, [])
  })
})
