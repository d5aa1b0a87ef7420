import type { Rule } from '../rule.ts'

export const emptyTitle: Rule = {
  id: 'empty-title',
  severity: 'error',
  description:
    'Every error needs a title: the short, stable summary shown in docs and on the wire.',
  hint: 'Write a short title, e.g. "Token expired".',
  check(catalog, report) {
    for (const error of catalog.errors) {
      if (error.title.trim() === '') {
        report({
          message: `${error.symbol} has an empty title`,
          at: catalog.locate(error.file, ['errors', error.symbol, 'title']),
          error,
        })
      }
    }
  },
}
