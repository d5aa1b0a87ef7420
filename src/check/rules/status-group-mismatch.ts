import { errorAt } from '../locate.ts'
import type { Rule } from '../rule.ts'

const CLASS: Record<number, string> = {
  1: 'informational',
  2: 'success',
  3: 'redirect',
  4: 'client error',
  5: 'server error',
}

function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx ${CLASS[Math.floor(status / 100)] ?? ''}`.trim()
}

export const statusGroupMismatch: Rule = {
  id: 'status-group-mismatch',
  severity: 'warning',
  description:
    "An error's status is of another class than its group's default (a 5xx in a group of 4xx errors, or the reverse). Different statuses of one class (404 in a group that defaults to 400) are normal and not reported.",
  hint: "Check the status: a client error is 4xx, a server error 5xx. If it is right, move the error to a group of that kind, or change the group's default status.",
  check(catalog, report) {
    const groups = new Map(catalog.groups.map((g) => [g.id, g]))
    for (const error of catalog.errors) {
      if (error.success || error.group === undefined) continue
      const group = groups.get(error.group)
      if (group?.status === undefined) continue
      if (Math.floor(group.status / 100) === Math.floor(error.status / 100)) continue
      report({
        message: `${error.symbol} has status ${error.status} (${statusClass(error.status)}) but its group ${group.id} defaults to ${group.status} (${statusClass(group.status)})`,
        at: errorAt(catalog, error, 'status'),
        error,
      })
    }
  },
}
