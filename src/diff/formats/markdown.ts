// `--format markdown`: a pull-request comment. Tables of breaking and
// compatible changes; cells escaped so a message cannot break the table.
import type { Change, DiffResult } from '../change.ts'
import { unaccepted } from '../change.ts'

export function formatMarkdown(result: DiffResult): string {
  const open = unaccepted(result)
  const accepted = result.breaking.filter((c) => c.accepted !== undefined)
  const out = ['## errcat diff', '', headline(result, open.length), '']
  table(out, 'Breaking changes', open, (c) => c.hint)
  table(out, 'Accepted breaking changes', accepted, (c) => c.accepted ?? '')
  table(out, 'Compatible changes', result.compatible)
  return `${out.join('\n').trimEnd()}\n`
}

function headline(result: DiffResult, open: number): string {
  const total = result.breaking.length + result.compatible.length
  if (total === 0) return 'No changes that clients can see. Suggested version bump: **none**.'
  const icon = open > 0 ? ':x:' : ':white_check_mark:'
  return `${icon} **${open}** breaking, **${result.breaking.length - open}** accepted, **${result.compatible.length}** compatible. Suggested version bump: **${result.semver}**.`
}

function table(
  out: string[],
  title: string,
  changes: Change[],
  extra?: (c: Change) => string,
): void {
  if (changes.length === 0) return
  out.push(`### ${title}`, '')
  out.push(extra ? '| Where | Rule | Error | Change | |' : '| Where | Rule | Error | Change |')
  out.push(extra ? '|---|---|---|---|---|' : '|---|---|---|---|')
  for (const c of changes) {
    const cells = [
      `\`${c.file}:${c.line}\``,
      `\`${c.rule}\``,
      c.error ? `\`${c.error}\`` : '',
      cell(c.message),
      ...(extra ? [cell(extra(c))] : []),
    ]
    out.push(`| ${cells.join(' | ')} |`)
  }
  out.push('')
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}
