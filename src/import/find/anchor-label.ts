// A page that links a row with one number and shows another (Seven Bridges:
// `<a name="9023">9032</a>`) has a typo in one of the two. Codes on such
// pages run in order, so the one that fits between its neighbours is most
// likely right; the draft keeps both in `source` and the linter flags the
// row until someone confirms it.
import { numericValue } from './code-token.ts'
import type { PageRow } from './page.ts'

/** Picks anchor or label when they disagree: the one that fits between its neighbours' codes. */
export function resolveAnchorLabel(
  previous: number | undefined,
  next: number[],
  anchor: number,
  label: number,
): { code: number; why: string } {
  const following = next.length > 0 ? Math.min(...next) : undefined
  const fits = (c: number) =>
    (previous === undefined || c > previous) && (following === undefined || c < following)
  const order = (c: number) => `${previous ?? '…'} < ${c} < ${following ?? '…'}`
  if (fits(anchor) && !fits(label))
    return { code: anchor, why: `the anchor fits the order ${order(anchor)}` }
  if (fits(label) && !fits(anchor))
    return { code: label, why: `the label fits the order ${order(label)}` }
  return { code: label, why: 'the page shows the label; the order does not decide' }
}

/** The numeric candidates a row's code could be (anchor and label), for its neighbours' checks. */
export function anchorCandidates(row: PageRow): number[] {
  return [row.code, row.anchor, row.label]
    .map((c) => (c === undefined ? undefined : numericValue(c)))
    .filter((c): c is number => c !== undefined)
}
