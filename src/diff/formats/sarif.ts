// `--format sarif`: SARIF 2.1.0 for code scanning. Every diff rule is listed;
// breaking changes are errors (accepted ones notes with the reason), compatible ones notes.
import { version } from '../../version.ts'
import type { Change, DiffResult } from '../change.ts'
import { DIFF_RULES } from '../rules.ts'

const DOC = 'https://github.com/errcat/errcat/blob/main/docs/diff.md'

export function formatSarif(result: DiffResult): string {
  const index = new Map(DIFF_RULES.map((r, i) => [r.id, i]))
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'errcat diff',
            version,
            informationUri: 'https://github.com/errcat/errcat',
            rules: DIFF_RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              help: { text: r.hint },
              helpUri: `${DOC}#${r.id}`,
              defaultConfiguration: { level: r.kind === 'breaking' ? 'error' : 'note' },
              properties: { kind: r.kind },
            })),
          },
        },
        results: [...result.breaking, ...result.compatible].map((c) => ({
          ruleId: c.rule,
          ruleIndex: index.get(c.rule)!,
          level: c.kind === 'breaking' && c.accepted === undefined ? 'error' : 'note',
          message: { text: text(c) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: c.file.split('\\').join('/') },
                region: { startLine: c.line, startColumn: c.column },
              },
            },
          ],
          ...(c.accepted !== undefined
            ? { suppressions: [{ kind: 'inSource', justification: c.accepted }] }
            : {}),
          properties: {
            kind: c.kind,
            ...(c.error ? { error: c.error } : {}),
            ...(c.service ? { service: c.service } : {}),
          },
        })),
        properties: { semver: result.semver },
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

function text(c: Change): string {
  if (c.accepted !== undefined) return `${c.message}. Accepted: ${c.accepted}`
  return c.kind === 'breaking' ? `${c.message}. ${c.hint}` : c.message
}
