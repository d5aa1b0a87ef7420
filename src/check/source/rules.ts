// The findings of `errcat check --source DIR`, listed apart from the scanner
// so that `--rules`, SARIF and `rules:` know them without loading the parser.
import type { RuleInfo } from '../rule.ts'

export const sourceRules: readonly RuleInfo[] = [
  {
    id: 'source-unknown-error',
    severity: 'error',
    description:
      'The source code refers to an error of the generated module that the catalog does not declare (renamed or removed, or a typo). With `check --source DIR`.',
    hint: 'Use a symbol the catalog declares, or add the error to the catalog and run `errcat build`.',
  },
  {
    id: 'source-unused-error',
    severity: 'warning',
    description:
      'No source file under the `--source` folder uses this error: it is documented, but no server sends it.',
    hint: 'Throw it where the condition happens, or mark it `obsolete: true` if the API no longer returns it.',
  },
  {
    id: 'source-parse',
    severity: 'warning',
    description:
      'A source file under the `--source` folder cannot be parsed, so its uses are not known.',
    hint: 'Fix the syntax error, or move the file out of the scanned folder.',
  },
]
