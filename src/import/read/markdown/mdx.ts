// MDX: Markdown plus ESM (`import`, `export`) and JSX components. We do not
// compile MDX; we blank out the ESM blocks, the JSX tag lines and `{…}`
// expression blocks, keeping every line in place, so the Markdown between
// them (tables inside `<Tabs>` included) parses as GFM with true line
// numbers. A component's text is lost only when it shares a line with its
// tag.

const FENCE = /^\s{0,3}(`{3,}|~{3,})/
const ESM = /^(?:import|export)[\s{*]/
const JSX_TAG = /^\s{0,3}<\/?(?:[A-Z][\w.:-]*|>)/
const EXPRESSION = /^\s{0,3}\{/

/**
 * A line-by-line test, fed every line in order: true for a line that opens or
 * closes a fenced code block or lies inside one, where MDX syntax means nothing.
 */
export function codeFenceTracker(): (line: string) => boolean {
  let fence: string | undefined
  return (line) => {
    const f = FENCE.exec(line)
    if (f) {
      if (!fence) fence = f[1]![0]
      else if (f[1]![0] === fence) fence = undefined
      return true
    }
    return fence !== undefined
  }
}

/** Whether the text uses MDX syntax outside code fences. */
export function looksLikeMdx(lines: readonly string[]): boolean {
  const inCode = codeFenceTracker()
  for (const line of lines) {
    if (inCode(line)) continue
    if (ESM.test(line) || JSX_TAG.test(line) || /^\s{0,3}\{\/\*/.test(line)) return true
  }
  return false
}

/**
 * Scans a JSX tag or expression from (line, column) to its end, honouring
 * quotes and braces, and returns the last line it covers (0-based).
 */
function endOfConstruct(
  lines: readonly string[],
  start: number,
  column: number,
  closer: '>' | '}',
): number {
  let depth = 0
  let quote: string | undefined
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!
    for (let j = i === start ? column : 0; j < line.length; j++) {
      const c = line[j]!
      if (quote) {
        if (c === quote) quote = undefined
        continue
      }
      if (c === '"' || c === "'" || c === '`') quote = c
      else if (c === '{') depth++
      else if (c === '}') {
        depth--
        if (closer === '}' && depth === 0) return i
      } else if (c === '>' && closer === '>' && depth === 0) return i
    }
    // A tag never spans a blank line in practice; stop there rather than
    // swallowing the rest of the page after a stray `<`.
    if (i > start && line.trim() === '') return i - 1
  }
  return lines.length - 1
}

/** Blanks the MDX-only lines in place; returns how many were blanked. */
export function blankMdx(lines: string[]): number {
  let count = 0
  const inCode = codeFenceTracker()
  const blank = (from: number, to: number) => {
    for (let k = from; k <= to; k++) {
      if (lines[k] !== '') count++
      lines[k] = ''
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (inCode(line)) continue
    if (ESM.test(line)) {
      // ESM runs to the next blank line (MDX's own rule).
      let end = i
      while (end + 1 < lines.length && lines[end + 1]!.trim() !== '') end++
      blank(i, end)
      i = end
    } else if (JSX_TAG.test(line)) {
      const end = endOfConstruct(lines, i, line.indexOf('<'), '>')
      blank(i, end)
      i = end
    } else if (EXPRESSION.test(line)) {
      const end = endOfConstruct(lines, i, line.indexOf('{'), '}')
      blank(i, end)
      i = end
    }
  }
  return count
}
