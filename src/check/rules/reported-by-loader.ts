// Rules whose findings the loader raises while merging files: they need the
// raw documents. They are listed here so that `--rules`, SARIF and docs show
// them, and so that `rules:` can configure them like any other.
import type { RuleInfo } from '../rule.ts'

export const loaderRules: readonly RuleInfo[] = [
  {
    id: 'duplicate-symbol',
    severity: 'error',
    description:
      'Two errors have the same symbol, in one file or across included files. Only the first one is loaded.',
    hint: 'Give each error its own symbol, or merge the two entries.',
  },
  {
    id: 'translation-unknown-error',
    severity: 'warning',
    description:
      'A locale file translates a symbol that the catalog does not declare (often an error that was renamed).',
    hint: 'Remove the translation, or fix its symbol.',
  },
]

/** Problems that stop a catalog from loading: always errors, exit code 2, not configurable. */
export const loadRules: readonly RuleInfo[] = [
  {
    id: 'load/missing-file',
    severity: 'error',
    description: 'The catalog, an included catalog or a locale file cannot be read.',
    hint: 'Fix the path; `include` and `locales.files` paths are relative to the file that names them.',
  },
  {
    id: 'load/syntax',
    severity: 'error',
    description: 'The file is not valid YAML (or JSON).',
    hint: 'Fix the syntax at the position shown: indentation, an unclosed quote or bracket, a tab.',
  },
  {
    id: 'load/schema',
    severity: 'error',
    description:
      'The file does not match the catalog schema: an unknown property, a wrong type, a missing title.',
    hint: 'Follow the hint of the finding; editors complete and check catalogs with schema/errcat.schema.json.',
  },
  {
    id: 'load/duplicate-key',
    severity: 'error',
    description:
      'A mapping repeats a key (other than an error symbol); only the last one would count.',
    hint: 'Remove or rename one of the two.',
  },
  {
    id: 'load/include-cycle',
    severity: 'error',
    description: 'Catalogs include each other in a cycle.',
    hint: 'Remove one of the `include` entries.',
  },
  {
    id: 'load/duplicate-group',
    severity: 'error',
    description: 'Two catalog files declare a group with the same id.',
    hint: 'Each group belongs to one file; rename one of them.',
  },
  {
    id: 'load/unknown-group',
    severity: 'error',
    description: 'An error names a `group` that no catalog declares.',
    hint: 'Declare the group, or fix the name.',
  },
  {
    id: 'load/missing-code',
    severity: 'error',
    description: 'An error has neither `code` nor `key`, so nothing identifies it on the wire.',
    hint: 'Give it a numeric `code`, a string `key`, or both.',
  },
  {
    id: 'load/missing-status',
    severity: 'error',
    description: 'An error has no `status`, and no group gives it one.',
    hint: 'Set `status` on the error or a default `status` on its group.',
  },
  {
    id: 'load/icu-syntax',
    severity: 'error',
    description: 'A message or translation is not valid ICU MessageFormat.',
    hint: "Placeholders look like `{name}`, `{n, plural, one {# item} other {# items}}`; write a literal brace as '{'.",
  },
  {
    id: 'load/envelope',
    severity: 'error',
    description:
      'The `envelope` template is not valid: an unknown preset or setting, an expression that does not parse or names something that does not exist.',
    hint: 'Follow the hint of the finding; docs/envelope.md describes the template language.',
  },
]
