import { formatRange } from '../ranges.ts'
import type { Rule } from '../rule.ts'

export const groupRangeReversed: Rule = {
  id: 'group-range-reversed',
  severity: 'error',
  description:
    'A group range whose first code is greater than its last holds no code at all, so every error of the group is outside it.',
  hint: 'Write the range as `[first, last]`, lowest code first.',
  check(catalog, report) {
    for (const group of catalog.groups) {
      if (!group.range || group.range[0] <= group.range[1]) continue
      report({
        message: `range ${formatRange(group.range)} of group ${group.id} is reversed; it holds no code`,
        at: catalog.locate(group.file, ['groups', group.id, 'range']),
        hint: `Write it as ${formatRange([group.range[1], group.range[0]])}.`,
      })
    }
  },
}
