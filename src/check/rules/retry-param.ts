import { errorAt } from '../locate.ts'
import type { Rule } from '../rule.ts'

export const retryParam: Rule = {
  id: 'retry-param',
  severity: 'error',
  description:
    '`retry.afterParam` must name a declared `integer` or `number` param: clients read the delay in seconds from it (Qencode `ERROR_SYSTEM_BUSY`).',
  hint: 'Declare the param, e.g. `params: { delay: { type: integer, description: Seconds to wait. } }`, and name it in `retry: { afterParam: delay }`.',
  check(catalog, report) {
    for (const error of catalog.errors) {
      if (error.retry.kind !== 'afterParam') continue
      const name = error.retry.param
      const param = error.params[name]
      const at = errorAt(catalog, error, 'retry', 'afterParam')
      if (!param) {
        const numeric = Object.entries(error.params)
          .filter(([, p]) => p.type === 'integer' || p.type === 'number')
          .map(([n]) => `\`${n}\``)
        report({
          message: `retry.afterParam of ${error.symbol} names \`${name}\`, which is not one of its params`,
          at,
          error,
          ...(numeric.length
            ? { hint: `Numeric params of ${error.symbol}: ${numeric.join(', ')}.` }
            : {}),
        })
      } else if (param.type !== 'integer' && param.type !== 'number') {
        report({
          message: `retry.afterParam of ${error.symbol} names \`${name}\`, a ${param.type}; the delay must be an integer or number of seconds`,
          at,
          error,
          hint: `Make \`${name}\` \`type: integer\`.`,
        })
      }
    }
  },
}
