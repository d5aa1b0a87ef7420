// Random single mutations of the example catalogs: every breaking mutation
// must be reported as breaking (by one of its rules), and a compatible one
// must report nothing breaking.
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { parse, stringify } from 'yaml'
import type { CatalogFile } from '../../src/catalog/schema.ts'
import { diffCatalogs } from '../../src/diff/compare.ts'
import type { Side } from '../../src/diff/context.ts'
import { loadCatalog } from '../../src/load/load.ts'
import { fuzz } from '../fuzz-settings.ts'
import { MUTATIONS } from './mutations.ts'

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname
const RUNS = 120

const roots = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(EXAMPLES, d.name, 'errors.yaml'))
  .filter((p) => existsSync(p))

/** The catalog at `root` with its own text replaced by `text`: includes and locale files stay on disk. */
async function sideOf(root: string, text: string): Promise<Side> {
  const { catalog, findings } = await loadCatalog(root, {
    cwd: EXAMPLES,
    readText: (p) => (p === root ? Promise.resolve(text) : readFile(p, 'utf8')),
  })
  const fatal = findings.filter((f) => f.rule.startsWith('load/'))
  assert.ok(catalog && fatal.length === 0, JSON.stringify(fatal.slice(0, 2)))
  return { catalog, relative: (f) => f }
}

describe('diff of random single mutations of the example catalogs', () => {
  const data = new Map(
    roots.map((r) => [r, parse(readFileSync(r, 'utf8')) as CatalogFile] as const),
  )
  const originals = new Map<string, Promise<Side>>()
  const original = (root: string) => {
    let side = originals.get(root)
    if (!side) {
      // The unmutated data, written out the same way as the mutated: only the mutation differs.
      side = sideOf(root, stringify(data.get(root)))
      originals.set(root, side)
    }
    return side
  }

  it(`${RUNS} mutations over ${roots.length} catalogs`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...roots),
        fc.constantFrom(...MUTATIONS),
        fc.nat(),
        async (root, mutation, pick) => {
          const catalog = structuredClone(data.get(root)!)
          const symbols = Object.entries(catalog.errors ?? {})
            .filter(([, e]) => mutation.applies(e))
            .map(([s]) => s)
          fc.pre(symbols.length > 0)
          const symbol = symbols[pick % symbols.length]!
          mutation.apply(catalog, symbol)
          const result = diffCatalogs(await original(root), await sideOf(root, stringify(catalog)))
          const what = `${mutation.name} on ${symbol} of ${root}`
          if (mutation.breaking) {
            const hits = result.breaking.filter((c) => mutation.rules.includes(c.rule))
            assert.ok(
              hits.length > 0,
              `${what}: got ${JSON.stringify(result.breaking.map((c) => c.rule))}`,
            )
            assert.equal(result.semver, 'major', what)
          } else {
            assert.deepEqual(
              result.breaking.map((c) => c.rule),
              [],
              what,
            )
            assert.ok(
              result.compatible.some((c) => mutation.rules.includes(c.rule)),
              what,
            )
          }
        },
      ),
      fuzz(RUNS),
    )
  })
})
