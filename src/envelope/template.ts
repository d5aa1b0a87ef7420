// A JSON template → a tree of template nodes, with every problem found on the
// way. Rendering (render.ts), reading bodies back (read.ts) and the body
// schema (body-schema.ts) all walk this tree, so they agree by construction.

import type { Expr, TNode } from '@errcat/runtime/internal/envelope/ast'
import { itemInfo, type RootInfo } from '@errcat/runtime/internal/envelope/context'
import type { EnvelopeProblem } from '@errcat/runtime/internal/envelope/types'
import { checkExpression } from './check-expression.ts'
import { parseExpression } from './expression.ts'

export type { TNode }

export type Path = (string | number)[]

type StringPart = { text: string } | { source: string; offset: number }

/**
 * Splits a template string at `{{ }}`. Quotes inside an expression are honoured, so
 * `{{ '}}' }}` is one expression; a literal `{{` in text is written `{{ '{{' }}`.
 */
export function splitTemplateString(
  value: string,
):
  | { ok: true; parts: StringPart[] }
  | { ok: false; offset: number; message: string; hint: string } {
  const parts: StringPart[] = []
  let i = 0
  while (i < value.length) {
    const open = value.indexOf('{{', i)
    if (open < 0) {
      parts.push({ text: value.slice(i) })
      break
    }
    if (open > i) parts.push({ text: value.slice(i, open) })
    let j = open + 2
    let close = -1
    while (j < value.length) {
      const c = value[j]
      if (c === "'" || c === '"') {
        j++
        while (j < value.length && value[j] !== c) j += value[j] === '\\' ? 2 : 1
        j++
        continue
      }
      if (c === '}' && value[j + 1] === '}') {
        close = j
        break
      }
      j++
    }
    if (close < 0) {
      return {
        ok: false,
        offset: open,
        message: '`{{` is not closed with `}}`',
        hint: "Close the expression with `}}`. To write `{{` as text, write `{{ '{{' }}`.",
      }
    }
    parts.push({ source: value.slice(open + 2, close), offset: open + 2 })
    i = close + 2
  }
  return { ok: true, parts }
}

const RESERVED = new Set(['error', 'request', 'api', 'body', 'status', 'true', 'false', 'null'])
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

export class TemplateParser {
  readonly problems: EnvelopeProblem[] = []

  /** Parses an expression-valued string (`$if`, `$each`, `errorWhen`): bare, or wrapped in `{{ }}`. */
  condition(
    value: unknown,
    path: Path,
    roots: ReadonlyMap<string, RootInfo>,
    what: string,
  ): Expr | undefined {
    if (typeof value !== 'string') {
      this.problem(
        path,
        undefined,
        `${what} must be an expression, written as a string`,
        'For example `"error.status == 404"`.',
      )
      return undefined
    }
    let source = value
    let base = 0
    const wrapped = /^\s*\{\{([\s\S]*)\}\}\s*$/.exec(value)
    if (wrapped && !wrapped[1]!.includes('}}')) {
      source = wrapped[1]!
      base = value.indexOf('{{') + 2
    }
    return this.expression(source, base, path, roots)
  }

  /** Parses and checks one expression found at `offset` in the string at `path`. */
  expression(
    source: string,
    offset: number,
    path: Path,
    roots: ReadonlyMap<string, RootInfo>,
  ): Expr | undefined {
    const parsed = parseExpression(source)
    if (!parsed.ok) {
      this.problem(path, offset + parsed.offset, parsed.message, parsed.hint)
      return undefined
    }
    const problems = checkExpression(parsed.expr, roots)
    for (const p of problems) this.problem(path, offset + p.offset, p.message, p.hint)
    return problems.length ? undefined : parsed.expr
  }

  /** A template string: constant, one typed expression, or interpolated text. */
  string(value: string, path: Path, roots: ReadonlyMap<string, RootInfo>): TNode | undefined {
    const split = splitTemplateString(value)
    if (!split.ok) {
      this.problem(path, split.offset, split.message, split.hint)
      return undefined
    }
    const exprs = split.parts.filter((p) => 'source' in p)
    if (exprs.length === 0) return { kind: 'const', value }
    const parts: (string | Expr)[] = []
    let ok = true
    for (const part of split.parts) {
      if ('text' in part) parts.push(part.text)
      else {
        const expr = this.expression(part.source, part.offset, path, roots)
        if (expr) parts.push(expr)
        else ok = false
      }
    }
    if (!ok) return undefined
    const onlyExpression =
      exprs.length === 1 && parts.every((p) => typeof p !== 'string' || p.trim() === '')
    if (onlyExpression)
      return { kind: 'expr', expr: parts.find((p) => typeof p !== 'string') as Expr }
    return { kind: 'text', parts: parts.filter((p) => p !== '') }
  }

  /** Any JSON value of a body template. */
  node(value: unknown, path: Path, roots: ReadonlyMap<string, RootInfo>): TNode | undefined {
    if (typeof value === 'string') return this.string(value, path, roots)
    if (value === null || typeof value === 'number' || typeof value === 'boolean') {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        this.problem(path, undefined, 'numbers must be finite', 'JSON has no NaN or Infinity.')
        return undefined
      }
      return { kind: 'const', value }
    }
    if (Array.isArray(value)) {
      const items: TNode[] = []
      value.forEach((item, i) => {
        const node = this.node(item, [...path, i], roots)
        if (node) items.push(node)
      })
      return { kind: 'array', items }
    }
    if (typeof value === 'object') {
      const record = value as Record<string, unknown>
      if (Object.hasOwn(record, '$if')) return this.ifDirective(record, path, roots)
      if (Object.hasOwn(record, '$each')) return this.eachDirective(record, path, roots)
      const members: { key: string; node: TNode }[] = []
      for (const [key, child] of Object.entries(record)) {
        if (key === '__proto__') {
          this.problem(
            [...path, key],
            undefined,
            '`__proto__` cannot be a member name',
            'Rename the member.',
          )
          continue
        }
        let name = key
        if (key.startsWith('$$')) name = key.slice(1)
        else if (key.startsWith('$')) {
          this.problem(
            [...path, key],
            undefined,
            `unknown directive \`${key}\``,
            `Directives are \`$if\` (with \`then\`, \`else\`) and \`$each\` (with \`as\`, \`do\`). For a member whose name starts with \`$\`, double the dollar: \`$${key}\`.`,
          )
          continue
        }
        const node = this.node(child, [...path, key], roots)
        if (node) members.push({ key: name, node })
      }
      return { kind: 'object', members }
    }
    this.problem(
      path,
      undefined,
      `a template holds JSON values, not ${typeof value}`,
      'Use strings, numbers, booleans, null, arrays and objects.',
    )
    return undefined
  }

  private ifDirective(
    record: Record<string, unknown>,
    path: Path,
    roots: ReadonlyMap<string, RootInfo>,
  ): TNode | undefined {
    this.onlyKeys(record, path, '$if', ['$if', 'then', 'else'])
    const cond = this.condition(record.$if, [...path, '$if'], roots, '`$if`')
    if (!Object.hasOwn(record, 'then')) {
      this.problem(
        path,
        undefined,
        '`$if` has no `then`',
        'Add `then:` with the value to use when the condition holds (and `else:` for the other case).',
      )
      return undefined
    }
    const then = this.node(record.then, [...path, 'then'], roots)
    const otherwise = Object.hasOwn(record, 'else')
      ? this.node(record.else, [...path, 'else'], roots)
      : undefined
    if (!cond || !then || (Object.hasOwn(record, 'else') && !otherwise)) return undefined
    return otherwise ? { kind: 'if', cond, then, else: otherwise } : { kind: 'if', cond, then }
  }

  private eachDirective(
    record: Record<string, unknown>,
    path: Path,
    roots: ReadonlyMap<string, RootInfo>,
  ): TNode | undefined {
    this.onlyKeys(record, path, '$each', ['$each', 'as', 'do'])
    const source = this.condition(record.$each, [...path, '$each'], roots, '`$each`')
    const as = record.as
    let name: string | undefined
    if (typeof as !== 'string' || !IDENTIFIER.test(as)) {
      this.problem(
        [...path, Object.hasOwn(record, 'as') ? 'as' : '$each'],
        undefined,
        '`$each` needs `as`: the name of the current item',
        'For example `as: v`, then `{{ v.field }}` inside `do`.',
      )
    } else if (RESERVED.has(as)) {
      this.problem(
        [...path, 'as'],
        undefined,
        `\`${as}\` is already a name`,
        'Choose another name for the item, e.g. `item` or `v`.',
      )
    } else name = as
    if (!Object.hasOwn(record, 'do')) {
      this.problem(
        path,
        undefined,
        '`$each` has no `do`',
        'Add `do:` with the template of one item.',
      )
      return undefined
    }
    const itemRoots = new Map(roots)
    if (name) itemRoots.set(name, itemInfo(source))
    const body = this.node(record.do, [...path, 'do'], itemRoots)
    if (!source || !name || !body) return undefined
    return { kind: 'each', source, as: name, do: body }
  }

  private onlyKeys(
    record: Record<string, unknown>,
    path: Path,
    directive: string,
    allowed: string[],
  ): void {
    for (const key of Object.keys(record)) {
      if (allowed.includes(key)) continue
      this.problem(
        [...path, key],
        undefined,
        `\`${key}\` has no meaning in a \`${directive}\``,
        `A \`${directive}\` object holds only ${allowed.map((k) => `\`${k}\``).join(', ')}; put other members in the object around it, or inside \`${allowed[1]}\`.`,
      )
    }
  }

  problem(path: Path, offset: number | undefined, message: string, hint: string): void {
    this.problems.push({ path, ...(offset !== undefined ? { offset } : {}), message, hint })
  }
}
