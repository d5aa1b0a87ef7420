// Params of an error that stays: removed, renamed, added, retyped, made
// required or optional. A type may widen (clients that send or read it keep
// working) but not narrow.
import type { LoadedError } from '../catalog/model.ts'
import type { Param } from '../catalog/schema.ts'
import type { DiffContext } from './context.ts'

export function compareParams(ctx: DiffContext): void {
  for (const [o, n] of ctx.pairing.pairs) compareErrorParams(ctx, o, n)
}

function compareErrorParams(ctx: DiffContext, o: LoadedError, n: LoadedError): void {
  const removed = Object.keys(o.params).filter((name) => !(name in n.params))
  const added = Object.keys(n.params).filter((name) => !(name in o.params))
  const keyAt = (name: string) => ctx.at(n, ['params', name], 'key')
  for (const name of removed) {
    // A param that left while one of the same type arrived was renamed.
    const i = added.findIndex((a) => n.params[a]!.type === o.params[name]!.type)
    if (i >= 0) {
      const [to] = added.splice(i, 1)
      ctx.report('param-renamed', {
        message: `param ${name} of ${n.symbol} was renamed to ${to}`,
        at: keyAt(to!),
        error: n.symbol,
        old: ctx.oldAt(o, ['params', name], 'key'),
      })
      continue
    }
    ctx.report('param-removed', {
      message: `param ${name} of ${n.symbol} was removed`,
      at: Object.keys(n.params).length ? ctx.at(n, ['params'], 'key') : n.at,
      error: n.symbol,
      old: ctx.oldAt(o, ['params', name], 'key'),
    })
  }
  for (const name of added) {
    const required = !n.params[name]!.optional
    ctx.report(required ? 'param-required' : 'param-added', {
      message: `${required ? 'required' : 'optional'} param ${name} was added to ${n.symbol}`,
      at: keyAt(name),
      error: n.symbol,
    })
  }
  for (const [name, before] of Object.entries(o.params)) {
    const after = n.params[name]
    if (after) compareParam(ctx, n, name, before, after)
  }
}

function compareParam(
  ctx: DiffContext,
  n: LoadedError,
  name: string,
  before: Param,
  after: Param,
): void {
  const change = typeChange(before, after)
  if (change !== 'same') {
    ctx.report(change === 'widened' ? 'param-widened' : 'param-type-changed', {
      message: `param ${name} of ${n.symbol} changed from ${typeText(before)} to ${typeText(after)}${change === 'narrowed' ? ' (narrower)' : ''}`,
      at: ctx.at(n, ['params', name, after.type === 'enum' ? 'values' : 'type']),
      error: n.symbol,
    })
  }
  if (!!before.optional !== !!after.optional) {
    ctx.report(after.optional ? 'param-optional' : 'param-required', {
      message: `param ${name} of ${n.symbol} is now ${after.optional ? 'optional' : 'required'}`,
      at: ctx.at(n, ['params', name, 'optional']),
      error: n.symbol,
    })
  }
  if (before.description !== after.description || before.example !== after.example) {
    ctx.report('docs-changed', {
      message: `the description or example of param ${name} of ${n.symbol} changed`,
      at: ctx.at(n, ['params', name]),
      error: n.symbol,
    })
  }
}

export type TypeChange = 'same' | 'widened' | 'narrowed' | 'changed'

/** Whether every value valid before is still valid (widened), or not (narrowed, changed). */
export function typeChange(before: Param, after: Param): TypeChange {
  if (before.type === 'enum' && after.type === 'enum') {
    const was = new Set(before.values ?? [])
    const now = new Set(after.values ?? [])
    const lost = [...was].some((v) => !now.has(v))
    if (lost) return 'narrowed'
    return now.size > was.size ? 'widened' : 'same'
  }
  if (before.type === after.type) return 'same'
  const pair = `${before.type}>${after.type}`
  if (pair === 'integer>number' || pair === 'enum>string') return 'widened'
  if (pair === 'number>integer' || pair === 'string>enum') return 'narrowed'
  return 'changed'
}

function typeText(p: Param): string {
  return p.type === 'enum' ? `enum [${(p.values ?? []).join(', ')}]` : p.type
}
