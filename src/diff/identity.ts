// Identity rules: what clients switch on. Errors removed, added or renamed;
// codes and keys changed; numbers that now mean another error; lifecycle.
import type { Position } from '../catalog/diagnostic.ts'
import type { LoadedError } from '../catalog/model.ts'
import { type DiffContext, describe } from './context.ts'

export function compareIdentity(ctx: DiffContext): void {
  for (const o of ctx.pairing.removed) reportRemoved(ctx, o)
  for (const n of ctx.pairing.added) {
    ctx.report('error-added', {
      message: `${describe(n)} was added`,
      at: n.at,
      error: n.symbol,
    })
  }
  for (const [o, n] of ctx.pairing.renamed) {
    ctx.report('symbol-renamed', {
      message: `${o.symbol} was renamed to ${n.symbol} (same ${o.code !== undefined && o.code === n.code ? `code ${o.code}` : `key ${o.key}`})`,
      at: n.at,
      error: n.symbol,
      old: o.at,
    })
  }
  for (const [o, n] of ctx.pairing.pairs) {
    compareCode(ctx, o, n)
    compareKey(ctx, o, n)
    compareLifecycle(ctx, o, n)
  }
  reportReuse(ctx)
}

function reportRemoved(ctx: DiffContext, o: LoadedError): void {
  ctx.report('error-removed', {
    message: o.obsolete
      ? `obsolete ${describe(o)} was removed: its number is no longer reserved`
      : `${describe(o)} was removed`,
    at: removedAt(ctx, o),
    error: o.symbol,
    old: o.at,
  })
}

/**
 * A removed error has no place in the new catalog: point at the note that
 * accepts its removal, else at `errors:` of the file that held it (the same
 * service file in the new catalog), else of the root.
 */
function removedAt(ctx: DiffContext, o: LoadedError): Position {
  const note = ctx.new.catalog.accepted.find((a) => a.target === o.symbol)
  if (note) return note.at
  const name = ctx.old.relative(o.file)
  const file =
    ctx.new.catalog.errors.find((e) => ctx.new.relative(e.file) === name)?.file ??
    ctx.new.catalog.errors[0]?.file
  return file
    ? ctx.new.catalog.locate(file, ['errors'], 'key')
    : ctx.new.catalog.locate(ctx.new.catalog.root, [])
}

function compareCode(ctx: DiffContext, o: LoadedError, n: LoadedError): void {
  if (o.code === n.code) return
  if (o.code === undefined) {
    ctx.report('code-added', {
      message: `${n.symbol} got code ${n.code}`,
      at: ctx.at(n, ['code']),
      error: n.symbol,
    })
    return
  }
  ctx.report('code-changed', {
    message:
      n.code === undefined
        ? `${n.symbol} lost its code ${o.code}`
        : `${n.symbol} was renumbered from ${o.code} to ${n.code}`,
    at: ctx.at(n, ['code']),
    error: n.symbol,
    old: ctx.oldAt(o, ['code']),
  })
}

function compareKey(ctx: DiffContext, o: LoadedError, n: LoadedError): void {
  if (o.key === n.key) return
  if (o.key === undefined) {
    ctx.report('code-added', {
      message: `${n.symbol} got key ${n.key}`,
      at: ctx.at(n, ['key']),
      error: n.symbol,
    })
    return
  }
  ctx.report('key-changed', {
    message:
      n.key === undefined
        ? `${n.symbol} lost its key ${o.key}`
        : `the key of ${n.symbol} changed from ${o.key} to ${n.key}`,
    at: ctx.at(n, ['key']),
    error: n.symbol,
    old: ctx.oldAt(o, ['key']),
  })
}

function compareLifecycle(ctx: DiffContext, o: LoadedError, n: LoadedError): void {
  if (n.obsolete && !o.obsolete) {
    ctx.report('made-obsolete', {
      message: `${describe(n)} was made obsolete`,
      at: ctx.at(n, ['obsolete']),
      error: n.symbol,
    })
  } else if (n.deprecated && !o.deprecated) {
    const by = n.deprecated.replacedBy ? `, replaced by ${n.deprecated.replacedBy}` : ''
    ctx.report('deprecated', {
      message: `${describe(n)} was deprecated${by}`,
      at: ctx.at(n, ['deprecated']),
      error: n.symbol,
    })
  }
}

/** A code or key of the new catalog that an old error held, other than this error's own past self. */
function reportReuse(ctx: DiffContext): void {
  const oldByCode = new Map<number, LoadedError>()
  const oldByKey = new Map<string, LoadedError>()
  for (const o of ctx.old.catalog.errors) {
    // A live holder wins over an obsolete one: that is the meaning clients know.
    if (o.code !== undefined && (!oldByCode.has(o.code) || !o.obsolete)) oldByCode.set(o.code, o)
    if (o.key !== undefined && (!oldByKey.has(o.key) || !o.obsolete)) oldByKey.set(o.key, o)
  }
  for (const n of ctx.new.catalog.errors) {
    if (n.obsolete) continue
    const byCode = n.code !== undefined ? oldByCode.get(n.code) : undefined
    const byKey = n.key !== undefined ? oldByKey.get(n.key) : undefined
    const holder = [byCode, byKey].find((o) => o && ctx.pairing.counterpart.get(o) !== n)
    if (!holder) continue
    const what = holder === byCode ? `code ${n.code}` : `key ${n.key}`
    ctx.report(holder.obsolete ? 'obsolete-reused' : 'code-reused', {
      message: holder.obsolete
        ? `${n.symbol} reuses ${what} of obsolete ${holder.symbol}`
        : `${n.symbol} now has ${what}, which meant ${holder.symbol} before`,
      at: ctx.at(n, [holder === byCode ? 'code' : 'key']),
      error: n.symbol,
      old: ctx.oldAt(holder, [holder === byCode ? 'code' : 'key']),
    })
  }
}
