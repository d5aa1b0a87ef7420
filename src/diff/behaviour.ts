// Behaviour on the wire of an error that stays: status, problem type, retry
// policy, and whether message and params are exposed. A value that comes from
// a default (the group's status, the retry of a 5xx) has no field of its own:
// the position falls back to the error's entry.
import type { RetryPolicy } from '../catalog/model.ts'
import type { DiffContext } from './context.ts'

export function compareBehaviour(ctx: DiffContext): void {
  for (const [o, n] of ctx.pairing.pairs) {
    if (o.status !== n.status) {
      ctx.report('status-changed', {
        message: `the status of ${n.symbol} changed from ${o.status} to ${n.status}`,
        at: ctx.at(n, ['status']),
        error: n.symbol,
      })
    }
    // A renumbered error changes its anchor, hence its default type: one change, reported once.
    if (o.problemType !== n.problemType && o.anchor === n.anchor) {
      ctx.report('problem-type-changed', {
        message: `the problem type of ${n.symbol} changed from ${o.problemType} to ${n.problemType}`,
        at: ctx.at(n, ['problemType']),
        error: n.symbol,
      })
    }
    if (retryText(o.retry) !== retryText(n.retry)) {
      ctx.report('retry-changed', {
        message: `the retry policy of ${n.symbol} changed from ${retryText(o.retry)} to ${retryText(n.retry)}`,
        at: ctx.at(n, ['retry']),
        error: n.symbol,
      })
    }
    if (o.expose !== n.expose) {
      ctx.report(n.expose ? 'expose-added' : 'expose-changed', {
        message: n.expose
          ? `${n.symbol} now exposes its message and params`
          : `${n.symbol} no longer exposes its message and params`,
        at: ctx.at(n, ['expose']),
        error: n.symbol,
      })
    }
  }
}

export function retryText(retry: RetryPolicy): string {
  switch (retry.kind) {
    case 'after':
      return `after ${retry.seconds}s`
    case 'afterParam':
      return `after the seconds in param ${retry.param}`
    default:
      return retry.kind
  }
}
