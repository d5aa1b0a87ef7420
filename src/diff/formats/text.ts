// The terminal report: breaking changes first (each with its fix), then
// compatible ones, then the suggested bump and what the exit code means.
import type { Style } from '../../cli/report/style.ts'
import type { Change, DiffResult } from '../change.ts'
import { unaccepted } from '../change.ts'

export function formatText(result: DiffResult, style: Style, allowBreaking = false): string {
  const lines: string[] = []
  const section = (title: string, changes: Change[], colour: (s: string) => string) => {
    if (changes.length === 0) return
    lines.push(style.bold(`${title} (${changes.length})`))
    for (const c of changes) lines.push(...entry(c, colour, style))
    lines.push('')
  }
  const open = unaccepted(result)
  section('Breaking changes', open, style.red)
  section(
    'Accepted breaking changes',
    result.breaking.filter((c) => c.accepted !== undefined),
    style.yellow,
  )
  section('Compatible changes', result.compatible, style.green)
  lines.push(summary(result, open.length, allowBreaking))
  return `${lines.join('\n')}\n`
}

function entry(c: Change, colour: (s: string) => string, style: Style): string[] {
  const where = `${c.file}:${c.line}:${c.column}`
  // The service file, when the position's path does not already say it (run from another folder).
  const service = c.service && !c.file.endsWith(c.service) ? style.dim(` [${c.service}]`) : ''
  const out = [`  ${where}  ${colour(c.rule)}${service}  ${c.message}`]
  if (c.accepted !== undefined) out.push(`    ${style.dim('accepted:')} ${c.accepted}`)
  else if (c.kind === 'breaking') out.push(`    ${style.dim('fix:')} ${c.hint}`)
  return out
}

function summary(result: DiffResult, open: number, allowBreaking: boolean): string {
  const counts = `${result.breaking.length} breaking (${open} not accepted), ${result.compatible.length} compatible`
  if (result.breaking.length + result.compatible.length === 0)
    return 'No changes that clients can see; suggested version bump: none'
  const verdict =
    open > 0 && !allowBreaking
      ? '; failing: accept each on purpose with a `breaking:` note, or pass --allow-breaking'
      : ''
  return `${counts}; suggested version bump: ${result.semver}${verdict}`
}
