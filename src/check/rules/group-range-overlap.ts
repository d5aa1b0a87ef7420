import { where } from '../locate.ts'
import { formatRange, rangeIndex } from '../ranges.ts'
import type { Rule } from '../rule.ts'

export const groupRangeOverlap: Rule = {
  id: 'group-range-overlap',
  severity: 'error',
  description:
    'Two groups claim overlapping code ranges, so a code in the overlap has two owners (two services may hand out the same number).',
  hint: 'Shrink or move one of the ranges so that each code belongs to one group.',
  check(catalog, report) {
    const { sorted } = rangeIndex(catalog)
    // Sorted by start: a range overlaps an earlier one iff it starts before
    // the furthest end seen so far.
    let furthest = sorted[0]
    for (const group of sorted.slice(1)) {
      if (group.range[0] <= furthest!.range[1]) {
        report({
          message: `range ${formatRange(group.range)} of group ${group.id} overlaps ${formatRange(furthest!.range)} of group ${furthest!.id} (${where(furthest!.at)})`,
          at: catalog.locate(group.file, ['groups', group.id, 'range']),
        })
      }
      if (group.range[1] > furthest!.range[1]) furthest = group
    }
  },
}
