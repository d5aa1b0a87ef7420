// Groups: a range may grow, but not shrink over numbers already handed out,
// or those errors leave the range of the service that owns them.
import { isDeepStrictEqual } from 'node:util'
import type { LoadedGroup } from '../catalog/model.ts'
import { formatRange } from '../check/ranges.ts'
import type { DiffContext } from './context.ts'

export function compareGroups(ctx: DiffContext): void {
  const now = new Map(ctx.new.catalog.groups.map((g) => [g.id, g]))
  const before = new Map(ctx.old.catalog.groups.map((g) => [g.id, g]))
  for (const o of ctx.old.catalog.groups) {
    const n = now.get(o.id)
    if (!n) {
      ctx.report('group-changed', {
        message: `group ${o.id} was removed`,
        at: ctx.new.catalog.locate(ctx.new.catalog.root, ['groups'], 'key'),
        old: o.at,
      })
      continue
    }
    compareGroup(ctx, o, n)
  }
  for (const n of ctx.new.catalog.groups) {
    if (before.has(n.id)) continue
    ctx.report('group-added', { message: `group ${n.id} was added`, at: n.at })
  }
}

function compareGroup(ctx: DiffContext, o: LoadedGroup, n: LoadedGroup): void {
  const rangeAt = ctx.new.catalog.locate(n.file, ['groups', n.id, 'range'])
  const orphans = shrunkOver(ctx, o, n)
  if (orphans.length > 0) {
    ctx.report('range-shrunk', {
      message: `the range of group ${n.id} shrank from ${formatRange(o.range!)} to ${n.range ? formatRange(n.range) : 'none'}, leaving out ${orphans.slice(0, 5).join(', ')}${orphans.length > 5 ? ` and ${orphans.length - 5} more` : ''}`,
      at: rangeAt,
      group: n.id,
      old: ctx.old.catalog.locate(o.file, ['groups', o.id, 'range']),
    })
    return
  }
  const { file: _f, at: _a, ...was } = o
  const { file: _g, at: _b, ...is } = n
  if (!isDeepStrictEqual(was, is)) {
    ctx.report('group-changed', { message: `group ${n.id} changed`, at: n.at })
  }
}

/** The codes of the old catalog in the old range but not the new one. */
function shrunkOver(ctx: DiffContext, o: LoadedGroup, n: LoadedGroup): number[] {
  if (!o.range) return []
  const [first, last] = o.range
  const inside = (code: number) => !!n.range && code >= n.range[0] && code <= n.range[1]
  return ctx.old.catalog.errors
    .map((e) => e.code)
    .filter((c): c is number => c !== undefined && c >= first && c <= last && !inside(c))
    .sort((a, b) => a - b)
}
