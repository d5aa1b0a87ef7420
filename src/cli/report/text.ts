// The human format: one `file:line:column: severity [rule] message` line per
// finding (editors and terminals make it clickable), the hint indented below.
import { type Finding, formatPosition } from '../../catalog/diagnostic.ts'
import { noStyle, type Style } from './style.ts'

export interface TextOptions {
  style?: Style
  /**
   * Show at most this many notes (info findings) per rule and count the rest:
   * a new locale can make thousands of translation-missing notes. Errors and
   * warnings are always shown in full.
   */
  notesPerRule?: number
}

const LABEL = { error: 'error', warning: 'warning', info: 'note' } as const

export function formatText(findings: readonly Finding[], options: TextOptions = {}): string {
  const style = options.style ?? noStyle
  const limit = options.notesPerRule ?? Infinity
  const shownNotes = new Map<string, number>()
  const hiddenNotes = new Map<string, number>()
  const colour = { error: style.red, warning: style.yellow, info: style.cyan }
  let out = ''
  for (const f of findings) {
    if (f.severity === 'info') {
      const shown = shownNotes.get(f.rule) ?? 0
      if (shown >= limit) {
        hiddenNotes.set(f.rule, (hiddenNotes.get(f.rule) ?? 0) + 1)
        continue
      }
      shownNotes.set(f.rule, shown + 1)
    }
    const severity = colour[f.severity](style.bold(LABEL[f.severity]))
    out += `${style.bold(formatPosition(f))}: ${severity} ${style.dim(`[${f.rule}]`)} ${f.message}\n`
    if (f.hint) out += `  ${style.dim('hint:')} ${f.hint}\n`
  }
  for (const [rule, count] of hiddenNotes) {
    out += `… and ${count} more ${count === 1 ? 'note' : 'notes'} ${style.dim(`[${rule}]`)} (\`--format json\` lists them all)\n`
  }
  return out
}

export function summary(findings: readonly Finding[], style: Style = noStyle): string {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of findings) counts[f.severity]++
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const errors = plural(counts.error, 'error')
  return [
    counts.error ? style.red(style.bold(errors)) : errors,
    plural(counts.warning, 'warning'),
    ...(counts.info ? [plural(counts.info, 'note')] : []),
  ].join(', ')
}
