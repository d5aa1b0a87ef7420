// Every regular expression of errcat's code (src/, the runtime, the docs
// site's script) checked for catastrophic backtracking with recheck, which
// finds attack strings by analysis and fuzzing. None may be exponential. A
// polynomial one (quadratic, as `/-+$/` on a long run of `-`) passes only if
// regex-baseline.json lists it with the reason its input is bounded or
// trusted; the list may only shrink: an entry whose expression is gone from
// its file fails too, so that it is removed. Regular expressions built at run time are listed in
// DYNAMIC with the reason they are safe.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { checkSync } from 'recheck'
import { findRegexes } from './regexes.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const FOLDERS = ['src', 'packages/runtime/src']

interface BaselineEntry {
  file: string
  pattern: string
  reason: string
}

const baseline = JSON.parse(
  readFileSync(new URL('./regex-baseline.json', import.meta.url), 'utf8'),
) as { polynomial: BaselineEntry[] }

/** `file:line` of RegExps built at run time, and why each is safe. */
const DYNAMIC: Record<string, string> = {
  'src/import/read/definitions.ts':
    'the comment marker; both callers (YAML and TOML definitions) use the default `#`, which is written as a constant',
  'src/import/read/markdown/markdown-tree.ts':
    'the interpolated part is one of two constant alternatives (`---|\\.\\.\\.` or `\\+\\+\\+`), the front-matter fences',
  'src/import/read/mysql.ts':
    'the interpolated part is a decimal number read from the file (`\\d+`), so the pattern is a literal prefix and `\\s*(.*)$`',
}

describe('regular expressions', { timeout: 240_000 }, () => {
  const { literals, dynamic } = findRegexes(ROOT, FOLDERS)

  it('finds the regular expressions of the code base', () => {
    // A floor, so that a broken finder cannot pass by finding nothing.
    assert.ok(literals.length > 300, `only ${literals.length} found`)
  })

  it('builds RegExps at run time only where reviewed', () => {
    for (const d of dynamic) {
      const file = d.where.split(':')[0]!
      assert.ok(file in DYNAMIC, `${d.where}: ${d.text} is not reviewed (see DYNAMIC)`)
    }
  })

  it('has no exponential and no unlisted polynomial backtracking', () => {
    const results = new Map<string, ReturnType<typeof checkSync>>()
    const failures: string[] = []
    for (const regex of literals) {
      const key = `/${regex.source}/${regex.flags}`
      let result = results.get(key)
      if (!result) {
        // A fixed seed and no time limit: the same verdicts on a busy machine as on a quiet one.
        result = checkSync(regex.source, regex.flags, { randomSeed: 1, timeout: null })
        results.set(key, result)
      }
      if (result.status === 'safe') continue
      const file = regex.where.split(':')[0]!
      if (result.status === 'vulnerable' && result.complexity.type === 'polynomial') {
        if (!baseline.polynomial.some((b) => b.file === file && b.pattern === key))
          failures.push(`${regex.where}: ${key} is polynomial (attack: ${result.attack.pattern})`)
      } else
        failures.push(
          `${regex.where}: ${key} is ${result.status === 'vulnerable' ? result.complexity.type : result.status}`,
        )
    }
    assert.deepEqual(failures, [])
    // Stale: the expression is gone from its file. (Whether recheck still calls a listed one
    // polynomial can vary between runs for a few borderline ones, so that alone is no failure.)
    const present = new Set(literals.map((r) => `${r.where.split(':')[0]} /${r.source}/${r.flags}`))
    const stale = baseline.polynomial.filter((b) => !present.has(`${b.file} ${b.pattern}`))
    assert.deepEqual(stale, [], 'gone from the code: remove these from regex-baseline.json')
  })
})
