// `--format github`: GitHub Actions workflow commands, which annotate the
// changed lines of a pull request. Unaccepted breaking changes are errors,
// accepted ones warnings, compatible ones notices.
import type { Change, DiffResult } from '../change.ts'

export function formatGithub(result: DiffResult): string {
  const lines = [...result.breaking, ...result.compatible].map(annotation)
  lines.push(
    `::notice title=errcat diff::${data(`${result.breaking.length} breaking, ${result.compatible.length} compatible; suggested version bump: ${result.semver}`)}`,
  )
  return `${lines.join('\n')}\n`
}

function annotation(c: Change): string {
  const level = c.kind === 'compatible' ? 'notice' : c.accepted !== undefined ? 'warning' : 'error'
  const title = `errcat diff: ${c.rule}${c.accepted !== undefined ? ' (accepted)' : ''}`
  const text =
    c.accepted !== undefined
      ? `${c.message}. Accepted: ${c.accepted}`
      : c.kind === 'breaking'
        ? `${c.message}. ${c.hint}`
        : c.message
  const props = [
    `file=${property(c.file)}`,
    `line=${c.line}`,
    `col=${c.column}`,
    `title=${property(title)}`,
  ]
  return `::${level} ${props.join(',')}::${data(text)}`
}

// Escaping as in @actions/core: data escapes %, CR and LF; properties also : and ,.
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
