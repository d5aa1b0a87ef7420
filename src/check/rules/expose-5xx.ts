import { errorAt } from '../locate.ts'
import type { Rule } from '../rule.ts'

export const expose5xx: Rule = {
  id: 'expose-5xx',
  severity: 'warning',
  description:
    'A 5xx error sets `expose: true`, so its message and params go on the wire. Server errors tend to carry internals (hosts, queries, stack details); OWASP and CWE-209 advise a generic message, with details in the server log.',
  hint: 'Remove `expose: true`: clients then get the title and code, and the log hook still gets everything. Keep it only if the message is written for clients and its params hold nothing internal.',
  check(catalog, report) {
    for (const error of catalog.errors) {
      if (error.status < 500 || !error.expose) continue
      report({
        message: `${error.symbol} is a ${error.status} with \`expose: true\`; its message and params reach clients`,
        at: errorAt(catalog, error, 'expose'),
        error,
      })
    }
  },
}
