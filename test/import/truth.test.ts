// Scores `errcat import` on real error pages against hand-made truth: the
// shared corpus (../shared/corpus, truth in corpus/shared-truth/) and the
// pages kept in test/import/corpus/ (see its SOURCES.md). For each page:
// recall and precision of codes, and the share of truth entries whose title
// or message came through. The figures recorded in corpus/figures.json are a
// floor: a page that falls below them fails. After improving an importer,
// record the new figures with
//
//   ERRCAT_WRITE_FIGURES=1 npm run test:only -- test/import/truth
//
// and update the table in docs/import.md.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { importPage, meetsGoal, round, type Score, score, type Truth } from './truth-score.ts'

const SHARED = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))
const OWN = fileURLToPath(new URL('./corpus/', import.meta.url))
const SHARED_TRUTH = join(OWN, 'shared-truth')
const FIGURES = join(OWN, 'figures.json')
const NOT_PAGES = new Set(['SOURCES.md', 'figures.json'])
const EPSILON = 1e-9

interface Figures {
  recall: number
  precision: number
  messages: number | null
  entries: number
  imported: number
}

interface PageRef {
  id: string
  path: string
  truthPath: string
}

async function pages(): Promise<PageRef[]> {
  const isPage = (f: string) => !NOT_PAGES.has(f) && !f.endsWith('.truth.json')
  const shared = (await readdir(SHARED)).filter(isPage).sort()
  const own = (await readdir(OWN, { withFileTypes: true }))
    .filter((d) => d.isFile() && isPage(d.name))
    .map((d) => d.name)
    .sort()
  return [
    ...shared.map((f) => ({
      id: `shared/${f}`,
      path: join(SHARED, f),
      truthPath: join(SHARED_TRUTH, `${f}.truth.json`),
    })),
    ...own.map((f) => ({ id: f, path: join(OWN, f), truthPath: join(OWN, `${f}.truth.json`) })),
  ]
}

const refs = await pages()
const recorded: Record<string, Figures> = existsSync(FIGURES)
  ? (JSON.parse(await readFile(FIGURES, 'utf8')) as { pages: Record<string, Figures> }).pages
  : {}
const results = new Map<string, { truth: Truth; score: Score; format?: string }>()

describe('imports scored against the truth of real pages', () => {
  it('every page has a truth file, and every truth file a page', async () => {
    for (const ref of refs) assert.ok(existsSync(ref.truthPath), `${ref.id}: no truth file`)
    const own = (await readdir(OWN)).filter((f) => f.endsWith('.truth.json'))
    const shared = (await readdir(SHARED_TRUTH)).filter((f) => f.endsWith('.truth.json'))
    const expected = new Set(refs.map((r) => r.truthPath))
    for (const f of own) assert.ok(expected.has(join(OWN, f)), `${f}: no page`)
    for (const f of shared) assert.ok(expected.has(join(SHARED_TRUTH, f)), `${f}: no page`)
  })

  for (const ref of refs) {
    it(ref.id, async (t) => {
      const truth = JSON.parse(await readFile(ref.truthPath, 'utf8')) as Truth
      assert.ok(truth.entries.length > 0, 'the truth lists no entry')
      for (const e of truth.entries) assert.equal(typeof e.code, 'string', 'codes are strings')
      const text = await readFile(ref.path, 'utf8')
      const imported = importPage(ref.id, text)
      const s = score(truth, imported)
      results.set(ref.id, {
        truth,
        score: s,
        ...(imported.format ? { format: imported.format } : {}),
      })
      t.diagnostic(
        `${imported.format ?? 'not recognised'}: ${s.matched}/${s.entries} codes found, ${s.imported} imported; recall ${s.recall}, precision ${s.precision}, messages ${s.messages} (${s.textRight}/${s.withText})${imported.failure ? `; failed: ${imported.failure}` : ''}`,
      )
      if (process.env.ERRCAT_WRITE_FIGURES) return
      const floor = recorded[ref.id]
      assert.ok(floor, `${ref.id}: no recorded figures; run with ERRCAT_WRITE_FIGURES=1`)
      for (const k of ['recall', 'precision', 'messages'] as const) {
        const now = s[k]
        const before = floor[k]
        if (before === null || now === null) continue
        assert.ok(
          now + EPSILON >= before,
          `${k} fell from ${before} to ${now} (${s.matched}/${s.entries} codes, ${s.imported} imported)`,
        )
      }
    })
  }

  it('figures per page', async (t) => {
    assert.equal(results.size, refs.length, 'every page was scored')
    const rows = refs.map((r) => ({ id: r.id, ...results.get(r.id)! }))
    const mean = (list: typeof rows, k: 'recall' | 'precision' | 'messages') => {
      const values = list.map((r) => r.score[k]).filter((v): v is number => v !== null)
      return round(values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length))
    }
    const show = (v: number | null) => (v === null ? '  n/a' : v.toFixed(3))
    const lines = rows.map(
      (r) =>
        `${r.id.padEnd(58)} ${String(r.score.entries).padStart(4)} ${show(r.score.recall)} ${show(r.score.precision)} ${show(r.score.messages)}${meetsGoal(r.score) ? '  goal' : ''}`,
    )
    const own = rows.filter((r) => !r.id.startsWith('shared/'))
    const shared = rows.filter((r) => r.id.startsWith('shared/'))
    for (const [name, list] of [
      ['new pages', own],
      ['shared corpus', shared],
    ] as const) {
      lines.push(
        `mean over ${list.length} ${name}: recall ${mean(list, 'recall')}, precision ${mean(list, 'precision')}, messages ${mean(list, 'messages')}; ${list.filter((r) => r.score.entries && r.score.imported === 0).length} with nothing found; ${list.filter((r) => meetsGoal(r.score)).length} meet the goal`,
      )
    }
    t.diagnostic('page · entries · recall · precision · messages')
    for (const line of lines) t.diagnostic(line)
    if (process.env.ERRCAT_WRITE_FIGURES) {
      const pagesOut = Object.fromEntries(
        rows.map((r) => [
          r.id,
          {
            recall: r.score.recall,
            precision: r.score.precision,
            messages: r.score.messages,
            entries: r.score.entries,
            imported: r.score.imported,
          },
        ]),
      )
      await writeFile(FIGURES, `${JSON.stringify({ pages: pagesOut }, null, 2)}\n`)
    }
  })
})
