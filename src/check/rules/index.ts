// Every lint rule, in the order findings are computed. Ids are stable: users
// configure them under `rules:` in their catalogs.
import type { Rule } from '../rule.ts'
import { emptyTitle } from './empty-title.ts'

export const rules: readonly Rule[] = [emptyTitle]
