// The broken-catalog suite: one folder per case under test/check/broken (one
// defect each) and test/check/clean (none). Each errors.yaml states what
// `errcat check` must report in header comments:
//   # expect: <rule> <severity> [<file>:]<line>:<column>
//   # expect: nothing
// The file defaults to errors.yaml; paths are relative to the case folder.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Expected {
  rule: string
  severity: 'error' | 'warning' | 'info'
  file: string
  line: number
  column: number
}

export interface Case {
  name: string
  dir: string
  description: string
  expected: Expected[]
  exitCode: 0 | 1 | 2
}

const EXPECT = /^# expect: (\S+) (error|warning|info) (?:(\S+):)?(\d+):(\d+)$/

export function readCases(folder: 'broken' | 'clean'): Case[] {
  const root = join(import.meta.dirname, folder)
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(root, entry.name)
      const lines = readFileSync(join(dir, 'errors.yaml'), 'utf8').split('\n')
      const expected: Expected[] = []
      let nothing = false
      for (const line of lines.filter((l) => l.startsWith('# expect:'))) {
        if (line === '# expect: nothing') {
          nothing = true
          continue
        }
        const m = EXPECT.exec(line)
        if (!m) throw new Error(`${entry.name}/errors.yaml: cannot read ${JSON.stringify(line)}`)
        expected.push({
          rule: m[1]!,
          severity: m[2] as Expected['severity'],
          file: m[3] ?? 'errors.yaml',
          line: Number(m[4]),
          column: Number(m[5]),
        })
      }
      if (!nothing && expected.length === 0) {
        throw new Error(`${entry.name}/errors.yaml states no expectation`)
      }
      const exitCode: Case['exitCode'] = expected.some((e) => e.rule.startsWith('load/'))
        ? 2
        : expected.some((e) => e.severity === 'error')
          ? 1
          : 0
      return {
        name: entry.name,
        dir,
        description: lines[0]!.replace(/^# /, ''),
        expected,
        exitCode,
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** The part of a finding a case pins down, in the order `errcat check` sorts findings. */
export function observed(findings: readonly Expected[]): Expected[] {
  return findings.map(({ rule, severity, file, line, column }) => ({
    rule,
    severity,
    file,
    line,
    column,
  }))
}
