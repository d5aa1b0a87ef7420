import type { Placeholder } from '../../catalog/message.ts'
import type { LoadedCatalog, LoadedError } from '../../catalog/model.ts'
import type { Param } from '../../catalog/schema.ts'
import { envelopeParams } from '../envelope-params.ts'
import { errorKeyAt, messageField } from '../locate.ts'
import { listPlaceholders, placeholdersOf } from '../messages.ts'
import type { Rule, RuleReport } from '../rule.ts'

const NUMERIC = new Set(['integer', 'number'])

/** A placeholder whose kind the param's type cannot fill: what is wrong and how to fix it. */
function kindProblem(
  placeholder: Placeholder,
  param: Param,
): { message: string; hint: string } | undefined {
  const { kind, name } = placeholder
  if ((kind === 'plural' || kind === 'number') && !NUMERIC.has(param.type)) {
    return {
      message: `{${name}, ${kind}} needs a number, but param \`${name}\` is ${param.type === 'integer' ? 'an' : 'a'} ${param.type}`,
      hint: `Make \`${name}\` \`type: integer\` (or \`number\`), or drop the ${kind} formatting.`,
    }
  }
  if (kind === 'select' && param.type === 'enum' && param.values) {
    const values = new Set(param.values)
    const unknown = (placeholder.options ?? []).filter((o) => o !== 'other' && !values.has(o))
    if (unknown.length > 0) {
      return {
        message: `{${name}, select} has case${unknown.length > 1 ? 's' : ''} ${unknown.map((o) => `\`${o}\``).join(', ')}, not among the values of enum param \`${name}\` (${param.values.join(', ')})`,
        hint: `Use the enum values as select cases (${param.values.join(', ')}, and \`other\`), or add the missing values to the enum.`,
      }
    }
  }
  return undefined
}

function checkError(
  catalog: LoadedCatalog,
  error: LoadedError,
  report: (finding: RuleReport) => void,
): void {
  const placeholders = placeholdersOf(error)
  if (!placeholders) return
  // Positions cost a lookup in the file: only for findings.
  let located: ReturnType<typeof messageField> | undefined
  const where = () => (located ??= messageField(catalog, error))
  const undeclared = placeholders.filter((p) => !Object.hasOwn(error.params, p.name))
  if (undeclared.length > 0) {
    const names = undeclared.map((p) => p.name)
    report({
      message: `the ${where().field} of ${error.symbol} uses ${listPlaceholders(names)}, not declared in \`params\``,
      at: where().at,
      error,
      hint: `Declare ${names.length > 1 ? 'them' : 'it'} under \`params\` with a type and a description, e.g. \`${names[0]}: { type: string, description: … }\`.`,
    })
  }
  for (const placeholder of placeholders) {
    const param = error.params[placeholder.name]
    const problem = param && kindProblem(placeholder, param)
    if (problem) {
      report({
        message: `${error.symbol}: ${problem.message}`,
        hint: problem.hint,
        at: where().at,
        error,
      })
    }
  }
  const used = new Set(placeholders.map((p) => p.name))
  if (error.retry.kind === 'afterParam') used.add(error.retry.param)
  const wire = envelopeParams(catalog)
  for (const name of Object.keys(error.params)) {
    if (used.has(name) || wire.named.has(name)) continue
    report({
      message: wire.all
        ? `param \`${name}\` of ${error.symbol} is not used in its ${where().field}; clients get it only as data`
        : `param \`${name}\` of ${error.symbol} is used nowhere: not in the ${where().field}, not in \`retry\`, not in the envelope`,
      at: errorKeyAt(catalog, error, 'params', name),
      error,
      // A param sent as data is a choice some teams make; one used nowhere is dead.
      severity: wire.all ? 'info' : 'warning',
      hint: wire.all
        ? `Mention {${name}} in the message if readers need it; otherwise nothing to do.`
        : `Use {${name}} in the message, or remove the param.`,
    })
  }
}

export const placeholderParamMismatch: Rule = {
  id: 'placeholder-param-mismatch',
  severity: 'error',
  description:
    'The message and `params` disagree: a placeholder that is not a declared param (error), a plural or number placeholder on a non-numeric param, or a select whose cases are not the enum values (errors); a declared param that the message does not use (a warning when nothing sends it, a note when the envelope sends params as data).',
  hint: 'Declare every placeholder under `params` with its type; remove params that nothing uses.',
  check(catalog, report) {
    for (const error of catalog.errors) checkError(catalog, error, report)
  },
}
