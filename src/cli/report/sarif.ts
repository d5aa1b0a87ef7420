// SARIF 2.1.0, the format GitHub code scanning and most CI annotators read.
import type { Finding } from '../../catalog/diagnostic.ts'
import type { RuleInfo } from '../../check/rule.ts'
import { version } from '../../version.ts'

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const
const RULES_DOC = 'https://github.com/errcat/errcat/blob/main/docs/rules.md'

/** The docs/rules.md anchor of a rule: its own heading, or the table of load errors. */
function ruleAnchor(id: string): string {
  return id.startsWith('load/') ? 'load-errors' : id
}

export function formatSarif(findings: readonly Finding[], rules: readonly RuleInfo[]): string {
  const ruleById = new Map(rules.map((r) => [r.id, r]))
  // Every known rule is listed (so tools can show what was checked); a finding
  // from a rule we do not know still gets an entry.
  const ids = [...new Set([...rules.map((r) => r.id), ...findings.map((f) => f.rule)])]
  const index = new Map(ids.map((id, i) => [id, i]))
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'errcat',
            version,
            informationUri: 'https://github.com/errcat/errcat',
            rules: ids.map((id) => {
              const rule = ruleById.get(id)
              return {
                id,
                shortDescription: { text: rule?.description ?? id },
                help: { text: rule?.hint ?? 'See the finding message.' },
                helpUri: `${RULES_DOC}#${ruleAnchor(id)}`,
                defaultConfiguration: { level: LEVEL[rule?.severity ?? 'error'] },
              }
            }),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule)!,
          level: LEVEL[f.severity],
          message: { text: f.hint ? `${f.message}. ${f.hint}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('\\').join('/') },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
          ...(f.error ? { properties: { error: f.error } } : {}),
        })),
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
