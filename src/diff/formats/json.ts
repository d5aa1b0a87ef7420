// `--format json`: { breaking, compatible, semver }, for scripts. Accepted
// breaking changes stay under `breaking`, carrying `accepted`.
import type { DiffResult } from '../change.ts'

export function formatJson(result: DiffResult): string {
  return `${JSON.stringify(
    { breaking: result.breaking, compatible: result.compatible, semver: result.semver },
    null,
    2,
  )}\n`
}
