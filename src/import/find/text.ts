// Plain-text helpers shared by the importers: line numbers, front matter,
// whitespace. Every importer reports 1-based lines of the original input, so
// anything that hides part of the text (front matter, JSX, readme blocks)
// blanks it out instead of cutting it, and line numbers stay true.

/** Splits on \n, \r\n or \r; index i holds line i + 1. */
export function splitLines(text: string): string[] {
  // Splitting on a string is several times faster than on a pattern, on pages of megabytes.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n')
}

/** Offsets where lines start (after \n, \r\n or a lone \r); the first is 0. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  if (!text.includes('\r')) {
    // indexOf finds a \n ten times faster than a loop over the characters.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
    return starts
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) starts.push(i + 1)
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1)
  }
  return starts
}

/**
 * The first `limit` lines of `text`, without their line break, read lazily:
 * format detection looks at the start of pages that may be megabytes long.
 * A final line break does not start another (empty) line.
 */
export function* firstLines(text: string, limit = Number.POSITIVE_INFINITY): Generator<string> {
  let start = 0
  for (let n = 0; n < limit && start < text.length; n++) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    yield text.slice(start, end).replace(/\r$/, '')
    start = end + 1
  }
}

/** Whitespace that normalizeSpace changes: two in a row, any but a space, or at either end. */
const UNNORMAL_SPACE = /\s\s|[^\S ]|^\s|\s$/

/** Collapses runs of whitespace (newlines included) to one space and trims. */
export function normalizeSpace(text: string): string {
  // Most text is normal already: a replace would copy it all the same (every
  // single space is a match), and large pages normalize each cell several times.
  if (!UNNORMAL_SPACE.test(text)) return text
  return text.replace(/\s+/g, ' ').trim()
}

/** The same lines with `from`..`to` (1-based, inclusive) replaced by empty lines. */
export function blankLines(lines: string[], from: number, to: number): void {
  for (let i = Math.max(from, 1); i <= Math.min(to, lines.length); i++) lines[i - 1] = ''
}

export interface FrontMatter {
  /** Last line of the front matter (the closing `---`), 0 when there is none. */
  endLine: number
  /** The `title:` value, unquoted, when present. */
  title?: string
}

/** YAML front matter: `---` on line 1, up to the next `---` or `...` line. */
export function readFrontMatter(lines: string[]): FrontMatter {
  if (lines[0]?.trim() !== '---') return { endLine: 0 }
  // Front matter is short; a missing closing fence must not make us scan
  // (and blank) a whole page.
  const limit = Math.min(lines.length, 200)
  for (let i = 1; i < limit; i++) {
    const line = lines[i]!.trim()
    if (line === '---' || line === '...') {
      const titleLine = lines.slice(1, i).find((l) => /^title\s*:/.test(l))
      const title = titleLine
        ?.replace(/^title\s*:\s*/, '')
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2')
      return { endLine: i + 1, ...(title ? { title } : {}) }
    }
  }
  return { endLine: 0 }
}

/** The lines with front matter blanked out, and what it said. */
export function withoutFrontMatter(text: string): { lines: string[]; frontMatter: FrontMatter } {
  const lines = splitLines(text)
  const frontMatter = readFrontMatter(lines)
  blankLines(lines, 1, frontMatter.endLine)
  return { lines, frontMatter }
}

/** Offsets → 1-based line numbers, by binary search over line starts. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = lineStarts(text)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}

/**
 * A pipe table's delimiter row (`|---|:---:|`, `--- | ---`). Checked cell by
 * cell, not with one regex: a regex with `\s*` on both sides of an optional
 * pipe backtracks quadratically on a long line of spaces.
 */
export function isDelimiterRow(line: string): boolean {
  const trimmed = line.trim()
  if (trimmed.length < 3 || trimmed.length > 10_000 || !/^[|:-]/.test(trimmed)) return false
  const inner = trimmed.replace(/^\|/, '').replace(/\|$/, '')
  const cells = inner.split('|')
  if (cells.length < 2 && !trimmed.includes('|')) return false
  return cells.every((cell) => /^:?-{3,}:?$/.test(cell.trim()))
}

/** Whether the text looks binary (a NUL byte early on): no importer should try it. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8000).includes('\u0000')
}
