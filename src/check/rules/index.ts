// Every lint rule, in the order findings are computed. Ids are stable: users
// configure them under `rules:` in their catalogs.
import type { Rule, RuleInfo } from '../rule.ts'
import { sourceRules } from '../source/rules.ts'
import { anchorLabelMismatch } from './anchor-label-mismatch.ts'
import { codeInForeignRange } from './code-in-foreign-range.ts'
import { codeOutsideGroupRange } from './code-outside-group-range.ts'
import { deprecatedWithoutReplacement } from './deprecated-without-replacement.ts'
import { duplicateCode } from './duplicate-code.ts'
import { duplicateKey } from './duplicate-key.ts'
import { emptyRow } from './empty-row.ts'
import { emptyTitle } from './empty-title.ts'
import { expose5xx } from './expose-5xx.ts'
import { groupRangeOverlap } from './group-range-overlap.ts'
import { groupRangeReversed } from './group-range-reversed.ts'
import { identicalMessages } from './identical-messages.ts'
import { internalError } from './internal-error.ts'
import { obsoleteReuse } from './obsolete-reuse.ts'
import { obsoleteRuntimeError } from './obsolete-runtime-error.ts'
import { paramEnumValues } from './param-enum-values.ts'
import { placeholderParamMismatch } from './placeholder-param-mismatch.ts'
import { rawI18nKey } from './raw-i18n-key.ts'
import { loaderRules, loadRules } from './reported-by-loader.ts'
import { retryParam } from './retry-param.ts'
import { statusGroupMismatch } from './status-group-mismatch.ts'
import { statusWordingMismatch } from './status-wording-mismatch.ts'
import { symbolCaseCollision } from './symbol-case-collision.ts'
import { translationMissing } from './translation-missing.ts'
import { translationPlaceholders } from './translation-placeholders.ts'
import { translationStale } from './translation-stale.ts'
import { unknownReplacement } from './unknown-replacement.ts'
import { unknownRule } from './unknown-rule.ts'
import { unparsedRow } from './unparsed-row.ts'
import { validationError } from './validation-error.ts'

export { loaderRules, loadRules }

export const rules: readonly Rule[] = [
  // Identity: what clients switch on.
  duplicateCode,
  duplicateKey,
  symbolCaseCollision,
  obsoleteReuse,
  // Groups and ranges.
  groupRangeReversed,
  groupRangeOverlap,
  codeOutsideGroupRange,
  codeInForeignRange,
  // Status.
  statusGroupMismatch,
  statusWordingMismatch,
  // Messages and params.
  emptyTitle,
  placeholderParamMismatch,
  paramEnumValues,
  retryParam,
  rawI18nKey,
  identicalMessages,
  // Translations.
  translationMissing,
  translationStale,
  translationPlaceholders,
  // Lifecycle and runtime roles.
  deprecatedWithoutReplacement,
  unknownReplacement,
  obsoleteRuntimeError,
  internalError,
  validationError,
  expose5xx,
  // Imported drafts.
  anchorLabelMismatch,
  emptyRow,
  unparsedRow,
  // The `rules:` section itself.
  unknownRule(() => ({
    configurable: configurableRules().map((r) => r.id),
    fixed: loadRules.map((r) => r.id),
  })),
]

/** Every rule a catalog can configure under `rules:`: the lint rules and the loader's. */
export function configurableRules(): RuleInfo[] {
  return [...rules, ...loaderRules, ...sourceRules]
}

/** Every rule id a finding can carry, for `--rules`, SARIF and docs. */
export function allRules(): RuleInfo[] {
  return [...rules, ...loaderRules, ...sourceRules, ...loadRules]
}
