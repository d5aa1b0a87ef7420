// Documentation of an error that stays: what docs show, never what goes on
// the wire apart from the title, which errcat treats as a stable summary.
import { isDeepStrictEqual } from 'node:util'
import type { LoadedError } from '../catalog/model.ts'
import type { DiffContext } from './context.ts'

const FIELDS = ['title', 'description', 'troubleshooting', 'examples', 'links'] as const

export function compareDocs(ctx: DiffContext): void {
  for (const [o, n] of ctx.pairing.pairs) {
    const changed = FIELDS.filter((f) => !isDeepStrictEqual(o[f], n[f]))
    if (changed.length > 0) {
      ctx.report('docs-changed', {
        message: `the ${changed.join(', ')} of ${n.symbol} changed`,
        at: ctx.at(n, [changed[0]!]),
        error: n.symbol,
      })
    }
    if (o.group !== n.group) reportRegrouped(ctx, o, n)
  }
}

function reportRegrouped(ctx: DiffContext, o: LoadedError, n: LoadedError): void {
  ctx.report('error-regrouped', {
    message: `${n.symbol} moved from group ${o.group ?? '(none)'} to ${n.group ?? '(none)'}`,
    at: ctx.at(n, ['group']),
    error: n.symbol,
  })
}
