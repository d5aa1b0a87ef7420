// The five seed pages are the acceptance examples of `errcat import`: each one
// imports without any edit to the page, its draft loads, `errcat check`
// reports exactly the defects the page is known for, and the draft agrees
// with the hand-finished catalog in examples/<api>/errors.yaml on codes,
// symbols (where the page has them) and messages. Where the example fixed a
// defect of the page on purpose, the exception is named below with its reason.
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import type { Finding } from '../../src/catalog/diagnostic.ts'
import type { CatalogFile, ErrorEntry } from '../../src/catalog/schema.ts'
import { checkCatalog } from '../../src/check/check.ts'
import { buildDraft, type Draft } from '../../src/import/draft/build-draft.ts'
import { readPages } from '../../src/import/read/read-pages.ts'
import { writeDraft } from '../../src/import/write/write-draft.ts'
import { loadCatalog } from '../../src/load/load.ts'

const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url))
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url))

interface Seed {
  file: string
  example: string
  format: string
  errors: number
  groups: number
  /** The page names its errors: the draft keeps those symbols. */
  pageSymbols: boolean
  /** Codes whose message the example changed on purpose, and why. */
  fixedMessages: Record<string, string>
  /** Codes the example renumbered or split on purpose, and why. */
  fixedCodes: Record<string, string>
}

const SEED_CASES: Seed[] = [
  {
    file: '000_1307ca0379bd57f0.txt',
    example: 'qencode',
    format: 'html',
    errors: 15,
    groups: 0,
    pageSymbols: true,
    fixedMessages: {
      '7': 'the page gives 7 and 10 the same description; the example names what is missing in each',
      '10': 'the page gives 7 and 10 the same description; the example names what is missing in each',
      '8': 'the example turns "a number of seconds specified in response" into a {retryAfter} param',
      '14': 'the example turns "field specified in response" into a {field} param',
    },
    fixedCodes: {},
  },
  {
    file: '001_f61eb87d00d9bc22.txt',
    example: 'qr-forms',
    format: 'text-columns',
    errors: 37,
    groups: 2,
    pageSymbols: false,
    fixedMessages: {},
    fixedCodes: {},
  },
  {
    file: '002_0f098ae85f5c511a.txt',
    example: 'sevenbridges',
    format: 'readme-blocks',
    errors: 131,
    groups: 11,
    pageSymbols: false,
    fixedMessages: {
      '9019': 'the page repeats the message of 9017; the example tells them apart',
      '9028': 'the page repeats the message of 9027; the example tells them apart',
    },
    fixedCodes: {
      '6009': 'the page lists 6009 twice; the example keeps the first meaning as 6009',
      '6013': 'the example moves the second 6009 of the page to 6013',
    },
  },
  {
    file: '003_b6041020057ff39e.txt',
    example: 'qrforge',
    format: 'text-columns',
    errors: 11,
    groups: 5,
    pageSymbols: false,
    fixedMessages: {},
    fixedCodes: {},
  },
  {
    file: '004_327a37d0f8266f11.txt',
    example: 'gengo',
    format: 'markdown',
    errors: 62,
    groups: 0,
    pageSymbols: false,
    fixedMessages: {
      '2501':
        'the page shows the raw i18n key services_api_error_codes_rating_restriction; the example writes the sentence',
      '2502':
        'the page shows the raw i18n key services_api_error_codes_rating_restriction; the example writes the sentence',
    },
    fixedCodes: {},
  },
]

const norm = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()
const idOf = (e: ErrorEntry) => String(e.code ?? e.key)

function byId(errors: Record<string, ErrorEntry>): Map<string, [string, ErrorEntry][]> {
  const map = new Map<string, [string, ErrorEntry][]>()
  for (const [symbol, entry] of Object.entries(errors)) {
    map.set(idOf(entry), [...(map.get(idOf(entry)) ?? []), [symbol, entry]])
  }
  return map
}

interface Imported {
  draft: Draft
  yaml: string
  findings: Finding[]
  symbolOf: (id: string) => string[]
}

let temp = ''
before(async () => {
  temp = await mkdtemp(join(tmpdir(), 'errcat-seeds-'))
})
after(async () => {
  await rm(temp, { recursive: true, force: true })
})

async function importSeed(seed: Seed): Promise<Imported> {
  const read = await readPages([join(SEEDS, seed.file)])
  assert.equal(read.problem, undefined)
  const draft = buildDraft(read.pages)
  const yaml = writeDraft(draft)
  const path = join(temp, `${seed.example}.yaml`)
  await writeFile(path, yaml)
  const loaded = await loadCatalog(path, { cwd: temp })
  const loadErrors = loaded.findings.filter((f) => f.rule.startsWith('load/'))
  assert.deepEqual(loadErrors, [], 'the draft loads without load errors')
  assert.ok(loaded.catalog)
  const findings = [...loaded.findings, ...checkCatalog(loaded.catalog)]
  const ids = byId(draft.catalog.errors ?? {})
  return { draft, yaml, findings, symbolOf: (id) => (ids.get(id) ?? []).map(([s]) => s) }
}

/** A catalog file with the errors of the files it includes (Seven Bridges has one per service). */
async function readComposed(path: string): Promise<CatalogFile> {
  const data = parse(await readFile(path, 'utf8')) as CatalogFile
  const errors = { ...data.errors }
  for (const include of data.include ?? []) {
    Object.assign(errors, (await readComposed(join(dirname(path), include))).errors)
  }
  return { ...data, errors }
}

const rulesFor = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule)

for (const seed of SEED_CASES) {
  describe(`seed ${seed.file} (${seed.example})`, () => {
    let imported: Imported
    before(async () => {
      imported = await importSeed(seed)
    })

    it(`imports ${seed.errors} errors in ${seed.groups} groups as ${seed.format}`, () => {
      const { draft } = imported
      assert.deepEqual(
        draft.inputs.map((i) => i.format),
        [seed.format],
      )
      assert.equal(Object.keys(draft.catalog.errors ?? {}).length, seed.errors)
      assert.equal(Object.keys(draft.catalog.groups ?? {}).length, seed.groups)
    })

    it('guesses no status that the status-wording rule contradicts', () => {
      assert.deepEqual(
        rulesFor(imported.findings, 'status-wording-mismatch').map((f) => f.message),
        [],
      )
    })

    it(`agrees with examples/${seed.example}/errors.yaml on codes, symbols and messages`, async () => {
      const example = await readComposed(join(EXAMPLES, seed.example, 'errors.yaml'))
      const drafted = byId(imported.draft.catalog.errors ?? {})
      const finished = byId(example.errors ?? {})
      for (const id of new Set([...drafted.keys(), ...finished.keys()])) {
        const mine = drafted.get(id) ?? []
        const theirs = finished.get(id) ?? []
        if (seed.fixedCodes[id] === undefined) {
          assert.equal(
            mine.length,
            theirs.length,
            `code ${id}: ${mine.length} in the draft, ${theirs.length} in the example`,
          )
        }
        const [draftSymbol, draftEntry] = mine[0] ?? []
        const [exampleSymbol, exampleEntry] = theirs[0] ?? []
        if (!draftEntry || !exampleEntry) continue
        if (seed.pageSymbols) assert.equal(draftSymbol, exampleSymbol, `symbol of ${id}`)
        if (seed.fixedMessages[id] === undefined) {
          assert.equal(
            norm(draftEntry.message ?? draftEntry.title),
            norm(exampleEntry.message ?? exampleEntry.title),
            `message of ${id}`,
          )
        } else {
          assert.notEqual(
            norm(draftEntry.message),
            norm(exampleEntry.message),
            `${id} is listed as fixed: ${seed.fixedMessages[id]}`,
          )
        }
      }
    })
  })
}

describe('the defects of the seeds, as `errcat check` reports them on the drafts', () => {
  const imports = new Map<string, Imported>()
  before(async () => {
    for (const seed of SEED_CASES) imports.set(seed.example, await importSeed(seed))
  })

  it('Seven Bridges: duplicate 6009, both anchor/label mismatches, the empty row, 9027 = 9028', () => {
    const { findings, symbolOf, draft } = imports.get('sevenbridges')!
    const [first, second] = symbolOf('6009')
    assert.ok(first && second && first !== second, '6009 is kept twice, under two symbols')
    assert.deepEqual(
      rulesFor(findings, 'duplicate-code').map((f) => f.error),
      [second],
    )

    const mismatches = rulesFor(findings, 'anchor-label-mismatch')
    assert.deepEqual(
      mismatches.map((f) => f.error).sort(),
      [...symbolOf('9023'), ...symbolOf('9024')].sort(),
    )
    const sources = [...symbolOf('9023'), ...symbolOf('9024')].map(
      (s) => draft.catalog.errors![s]!.source,
    )
    assert.deepEqual(sources, [
      { line: 256, anchor: '9023', label: '9032' },
      { line: 257, anchor: '9042', label: '9024' },
    ])

    assert.equal(rulesFor(findings, 'empty-row').length, 1)
    assert.deepEqual(draft.catalog.imported?.skipped, [
      { line: 219, reason: 'empty-row', raw: '"110-1": ""' },
    ])

    const identical = rulesFor(findings, 'identical-messages').map((f) => f.error)
    assert.ok(identical.includes(symbolOf('9028')[0]), '9028 repeats the message of 9027')
  })

  it('Gengo: the raw i18n key of 2501 and 2502', () => {
    const { findings, symbolOf } = imports.get('gengo')!
    assert.deepEqual(
      rulesFor(findings, 'raw-i18n-key')
        .map((f) => f.error)
        .sort(),
      [...symbolOf('2501'), ...symbolOf('2502')].sort(),
    )
  })

  it('Qencode: the identical descriptions of 7 and 10', () => {
    const { findings, symbolOf } = imports.get('qencode')!
    assert.deepEqual(
      rulesFor(findings, 'identical-messages').map((f) => f.error),
      symbolOf('10'),
    )
  })

  it('seed 001: message and description split correctly, top-level codes with their statuses', () => {
    const { draft } = imports.get('qr-forms')!
    const errors = Object.values(draft.catalog.errors!)
    assert.deepEqual(
      errors.slice(0, 7).map((e) => [e.code, e.status]),
      [
        [0, 200],
        [400, 400],
        [401, 401],
        [403, 403],
        [404, 404],
        [429, 429],
        [502, 502],
      ],
    )
    const split = Object.fromEntries(errors.map((e) => [e.code, [e.message, e.description]]))
    assert.deepEqual(split[100301], [
      'Invalid request parameters',
      'Invalid request parameters (missing required fields, wrong type, or illegal values).',
    ])
    assert.deepEqual(split[100306], [
      'Form not assigned to this code',
      'The QR code is not associated with this form.',
    ])
    assert.deepEqual(split[100316], [
      'API key org mismatch',
      'API key organization does not match request.',
    ])
    assert.deepEqual(draft.catalog.groups!.module?.range, [100300, 100329])
  })

  it('QRForge: the 11 keys in their 5 titled sections', () => {
    const { draft } = imports.get('qrforge')!
    assert.deepEqual(
      Object.values(draft.catalog.groups!).map((g) => g.title),
      [
        'Authentication & Authorization Errors',
        'Request Structure & Validation Errors',
        'Quota & Rate Limiting Errors',
        'Project & Resource Access Errors',
        'Internal Errors',
      ],
    )
    assert.deepEqual(
      Object.values(draft.catalog.errors!).map((e) => e.key),
      [
        'unauthorized',
        'forbidden',
        'invalid_request',
        'method_not_allowed',
        'invalid_payload',
        'not_found',
        'rate_limit_minute',
        'rate_limit_day',
        'project_not_found',
        'resource_archived',
        'internal_error',
      ],
    )
  })
})
