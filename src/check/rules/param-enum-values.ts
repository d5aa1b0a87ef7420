import { errorAt, errorKeyAt } from '../locate.ts'
import type { Rule } from '../rule.ts'

export const paramEnumValues: Rule = {
  id: 'param-enum-values',
  severity: 'error',
  description:
    'An `enum` param without `values` (generated types and docs cannot list it), `values` on a param that is not an enum, or an enum `example` that is not one of the values.',
  hint: 'List the allowed values, e.g. `kind: { type: enum, values: [draft, published] }`.',
  check(catalog, report) {
    for (const error of catalog.errors) {
      for (const [name, param] of Object.entries(error.params)) {
        if (param.type === 'enum' && !param.values?.length) {
          report({
            message: `enum param \`${name}\` of ${error.symbol} has no \`values\``,
            at: errorKeyAt(catalog, error, 'params', name),
            error,
          })
        } else if (param.type !== 'enum' && param.values !== undefined) {
          report({
            message: `param \`${name}\` of ${error.symbol} is a ${param.type} but lists \`values\``,
            at: errorAt(catalog, error, 'params', name, 'values'),
            error,
            hint: 'Make it `type: enum`, or remove `values`.',
          })
        } else if (
          param.type === 'enum' &&
          param.example !== undefined &&
          !param.values!.includes(String(param.example))
        ) {
          report({
            message: `example \`${String(param.example)}\` of enum param \`${name}\` of ${error.symbol} is not one of its values (${param.values!.join(', ')})`,
            at: errorAt(catalog, error, 'params', name, 'example'),
            error,
            hint: 'Use one of the values as the example.',
          })
        }
      }
    }
  },
}
