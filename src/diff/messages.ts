// Messages and translations of an error that stays. Clients that localize
// messages themselves, or read values out of them, depend on the
// placeholders: dropping one breaks them, rewording around them does not.
import type { Placeholder } from '../catalog/message.ts'
import type { LoadedError, LoadedTranslation } from '../catalog/model.ts'
import type { DiffContext } from './context.ts'

export function compareMessages(ctx: DiffContext): void {
  for (const [o, n] of ctx.pairing.pairs) {
    compareMessage(ctx, n, o.message, o.placeholders, n.message, n.placeholders, 'message')
    compareTranslations(ctx, o, n)
  }
}

function compareMessage(
  ctx: DiffContext,
  n: LoadedError,
  before: string,
  beforeNames: Placeholder[] | undefined,
  after: string,
  afterNames: Placeholder[] | undefined,
  what: string,
  at = ctx.at(n, ['message']),
): void {
  if (before === after) return
  const now = new Set((afterNames ?? []).map((p) => p.name))
  const dropped = (beforeNames ?? []).map((p) => p.name).filter((name) => !now.has(name))
  if (dropped.length > 0) {
    ctx.report('placeholder-dropped', {
      message: `the ${what} of ${n.symbol} no longer has ${dropped.map((d) => `{${d}}`).join(', ')}`,
      at,
      error: n.symbol,
    })
    return
  }
  ctx.report('message-reworded', {
    message: `the ${what} of ${n.symbol} was reworded`,
    at,
    error: n.symbol,
  })
}

function compareTranslations(ctx: DiffContext, o: LoadedError, n: LoadedError): void {
  for (const [locale, before] of Object.entries(o.translations)) {
    const after: LoadedTranslation | undefined = n.translations[locale]
    if (!after) {
      ctx.report('translation-removed', {
        message: `the ${locale} translation of ${n.symbol} was removed`,
        at: n.at,
        error: n.symbol,
        old: before.at,
      })
      continue
    }
    compareMessage(
      ctx,
      n,
      before.message,
      before.placeholders,
      after.message,
      after.placeholders,
      `${locale} translation`,
      after.at,
    )
  }
  for (const [locale, after] of Object.entries(n.translations)) {
    if (o.translations[locale]) continue
    ctx.report('translation-added', {
      message: `${n.symbol} got a ${locale} translation`,
      at: after.at,
      error: n.symbol,
    })
  }
}
