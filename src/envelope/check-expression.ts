// Checks the names in a parsed expression: roots, members of the known roots
// and filters. A typo in a template would otherwise render as a silently
// missing member, so each one is reported with the names that exist.

import type { MemberInfo, RootInfo } from '@errcat/runtime/internal/envelope/context'
import { editDistance } from '../text/edit-distance.ts'
import type { Expr } from './expression.ts'
import { FILTER_DOCS } from './filter-docs.ts'

export interface ExpressionProblem {
  /** Offset in the expression source. */
  offset: number
  message: string
  hint: string
}

export function checkExpression(
  expr: Expr,
  roots: ReadonlyMap<string, RootInfo>,
): ExpressionProblem[] {
  const problems: ExpressionProblem[] = []
  visit(expr)
  return problems

  function visit(e: Expr): void {
    switch (e.kind) {
      case 'literal':
        return
      case 'not':
        visit(e.operand)
        return
      case 'binary':
        visit(e.left)
        visit(e.right)
        return
      case 'filter':
        visit(e.input)
        if (!Object.hasOwn(FILTER_DOCS, e.name)) {
          problems.push({
            offset: e.nameStart,
            message: `unknown filter \`${e.name}\``,
            hint: `${didYouMean(e.name, Object.keys(FILTER_DOCS))}Filters: ${Object.entries(
              FILTER_DOCS,
            )
              .map(([name, f]) => `\`${name}\` (${f.doc})`)
              .join(', ')}.`,
          })
        }
        return
      case 'path':
        checkPath(e)
        return
    }
  }

  function checkPath(e: Extract<Expr, { kind: 'path' }>): void {
    const root = roots.get(e.root)
    if (!root) {
      const known = [...roots.keys()]
      problems.push({
        offset: e.start,
        message: `unknown name \`${e.root}\``,
        hint: `${didYouMean(e.root, known)}Names available here: ${known.map((k) => `\`${k}\` (${roots.get(k)!.description})`).join(', ')}. To write text, quote it: '${e.root}'.`,
      })
      return
    }
    let state: State = root.members ? { kind: 'members', members: root.members } : { kind: 'any' }
    let owner = e.root
    const fail = (message: string, hint: string) => {
      problems.push({ offset: e.start, message, hint })
    }
    for (const m of e.members) {
      if (state.kind === 'any') return
      if (state.kind === 'scalar') {
        fail(
          `\`${owner}\` is ${state.type === 'integer' ? 'an integer' : `a ${state.type}`} and has no members`,
          `Use \`${owner}\` itself.`,
        )
        return
      }
      if (state.kind === 'items') {
        if (typeof m !== 'number') {
          fail(
            `\`${owner}\` is an array`,
            `Take one item (\`${owner}[0]\`), or go over all of them with \`$each\`.`,
          )
          return
        }
        state = { kind: 'members', members: state.members }
        owner = `${owner}[${m}]`
        continue
      }
      const names = Object.keys(state.members)
      const info =
        typeof m === 'string' && Object.hasOwn(state.members, m) ? state.members[m] : undefined
      if (!info) {
        fail(
          names.length
            ? `\`${owner}\` has no member \`${m}\``
            : `\`${owner}\` is a value and has no members`,
          names.length
            ? `${didYouMean(String(m), names)}Members of \`${owner}\`: ${names.map((n) => `\`${n}\``).join(', ')}.`
            : `Use \`${owner}\` itself.`,
        )
        return
      }
      owner = `${owner}.${m}`
      state = next(info)
    }
  }
}

type State =
  | { kind: 'any' }
  | { kind: 'members'; members: Record<string, MemberInfo> }
  | { kind: 'items'; members: Record<string, MemberInfo> }
  | { kind: 'scalar'; type: string }

function next(info: MemberInfo): State {
  if (info.type === 'array')
    return info.members ? { kind: 'items', members: info.members } : { kind: 'any' }
  if (info.type === 'object')
    return info.members ? { kind: 'members', members: info.members } : { kind: 'any' }
  if (info.type === 'any') return { kind: 'any' }
  return { kind: 'scalar', type: info.type }
}

/** "Did you mean `x`? " for a name within two edits of a known one (case ignored), else "". */
export function didYouMean(name: string, known: readonly string[]): string {
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of known) {
    // Past 2 edits a suggestion is noise; editDistance stops counting there.
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase(), 2)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best === undefined ? '' : `Did you mean \`${best}\`? `
}
