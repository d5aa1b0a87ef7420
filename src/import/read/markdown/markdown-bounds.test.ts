// Hostile Markdown stays linear: each shape that once made the parser
// quadratic (or worse) is read at two sizes, N and 8N, and the larger may take
// at most 24x as long (linear growth gives about 8x, quadratic 64x). No
// absolute time is asserted: the ratio holds on a loaded machine, and the
// best of several interleaved runs per size, in CPU time, keeps one slow run
// (a busy machine, a garbage collection) from deciding it.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseMarkdown } from './markdown.ts'

const TABLE = '| Code | Message |\n|---|---|\n'

/**
 * Hostile pages by shape; `size` is the target length in characters. Shapes
 * that read fast are built 20 times larger, so that timer resolution does
 * not decide the ratio.
 */
const SHAPES: Record<string, (size: number) => string> = {
  // Emphasis delimiters that never close, inside one table cell (micromark:
  // 60 KB took 50 s).
  'a cell of `*a_` repeated': (size) => `${TABLE}| 1 | ${'*a_'.repeat(size / 3)} |\n`,
  'many rows of `*a_` cells': (size) =>
    TABLE + '| 1 | *a_*a_*a_*a_*a_*a_*a_*a_ |\n'.repeat(size / 30),
  // A table on one line: a header of many columns with its delimiter row.
  'a single-line table of many columns': (size) =>
    `|${' a |'.repeat(size / 8)}\n|${'---|'.repeat(size / 8)}\n| 1 | x |\n`,
  // One body row of many cells (more than the header has).
  'a row of `" |"` repeated': (size) => `${TABLE}|${' |'.repeat(size * 10)}\n`,
  // One long line that is no table at all.
  'one line of cells without a delimiter row': (size) => `| ${'a | '.repeat(size * 5)}`,
  // Brackets and backticks that never close.
  'unclosed links and code spans': (size) => `${TABLE}| 1 | ${'[a `b '.repeat(size / 6)} |\n`,
  // Blockquotes and lists nested as deep as the line allows.
  'deep nesting': (size) => `${'> - '.repeat(size * 5)}1000: x\n`,
}

/** Milliseconds of CPU the process spent on `f`: waiting for a busy machine does not count. */
const time = (f: () => void): number => {
  const start = process.cpuUsage()
  f()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/** Best times of `runs` interleaved runs of each function. */
function bestOf(runs: number, a: () => void, b: () => void): [number, number] {
  let best: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]
  for (let i = 0; i < runs; i++) best = [Math.min(best[0], time(a)), Math.min(best[1], time(b))]
  return best
}

describe('hostile Markdown grows linearly', () => {
  for (const [name, build] of Object.entries(SHAPES)) {
    it(name, () => {
      const small = build(20_000)
      const large = build(160_000)
      parseMarkdown(small) // warm-up: compilation, JIT
      const [a, b] = bestOf(
        4,
        () => parseMarkdown(small),
        () => parseMarkdown(large),
      )
      const ratio = b / Math.max(a, 1)
      assert.ok(ratio < 24, `${name}: 8x the input took ${ratio.toFixed(1)}x as long`)
    })
  }
})
