// The envelope template → the source of a writer (src/runtime/envelope.ts):
// plain JavaScript that builds the body as object literals, so a server runs
// no template interpreter and ships no parser. Semantics are those of the
// interpreter in src/envelope/ (compileEnvelope), which the tests hold it to:
// members that render `undefined` are left out, paths into data read own
// members only, `$if`/`$each`/filters/operators as documented in envelope.md.

import { nodeDependencies } from '@errcat/runtime/internal/envelope/dependencies'
import { EnvelopeError } from '@errcat/runtime/internal/envelope/types'
import type { EnvelopeTemplate } from '../catalog/schema.ts'
import type { Expr } from '../envelope/expression.ts'
import { type ParsedEnvelope, parseEnvelope } from '../envelope/parse-envelope.ts'
import type { TNode } from '../envelope/template.ts'
import { printKey } from './print.ts'

/** The filters' functions in src/runtime/envelope.ts, by filter name. */
const FILTER_FUNCTIONS: Record<string, string> = {
  string: 'filterString',
  number: 'filterNumber',
  upper: 'filterUpper',
  lower: 'filterLower',
  seconds: 'filterSeconds',
  grpcStatus: 'filterGrpcStatus',
  stringMap: 'filterStringMap',
  fieldPath: 'filterFieldPath',
}

/** What the error view holds for one error whatever the occurrence: a body reading only these is cacheable. */
const PER_DEFINITION = new Set([
  'error.symbol',
  'error.code',
  'error.key',
  'error.status',
  'error.title',
  'error.message',
  'error.type',
  'error.docsUrl',
  'error.group',
  'error.locale',
])

export interface WriterSource {
  /** A JavaScript expression: the argument of `defineEnvelope(…)`. */
  code: string
  /** The helpers of src/runtime/envelope.ts the code calls. */
  helpers: string[]
}

export function writerSource(template: EnvelopeTemplate | undefined): WriterSource {
  const { envelope, problems } = parseEnvelope(template)
  if (!envelope) throw new EnvelopeError(problems)
  const gen = new CodeGen()
  const members = [`contentType: ${JSON.stringify(envelope.contentType)}`]
  const status = envelope.status
  if (status.kind === 'const' && typeof status.value === 'number')
    members.push(`status: ${status.value}`)
  else if (!isErrorStatus(status)) members.push(`status: (e, r, a) => ${gen.node(status)}`)
  if (envelope.headers.length > 0) {
    const headers = envelope.headers.map((h) => `${printKey(h.name)}: ${gen.node(h.node)}`)
    members.push(`headers: (e, r, a) => ({ ${headers.join(', ')} })`)
  }
  members.push(`body: (e, r, a) => ${gen.node(envelope.body)}`)
  members.push(`cacheable: ${isCacheable(envelope.body)}`)
  if (envelope.errorWhen) {
    const client = new CodeGen(CLIENT_ROOTS)
    members.push(`errorWhen: (b, s) => tTruthy(${client.expr(envelope.errorWhen)})`)
    for (const h of client.used) gen.used.add(h)
    gen.used.add('tTruthy')
  }
  return { code: `{\n  ${members.join(',\n  ')},\n}`, helpers: [...gen.used].sort() }
}

function isErrorStatus(node: TNode): boolean {
  return (
    node.kind === 'expr' &&
    node.expr.kind === 'path' &&
    node.expr.root === 'error' &&
    node.expr.members.length === 1 &&
    node.expr.members[0] === 'status'
  )
}

function isCacheable(body: TNode): boolean {
  for (const dep of nodeDependencies(body)) {
    if (dep.startsWith('api')) continue
    if (!PER_DEFINITION.has(dep)) return false
  }
  return true
}

const RENDER_ROOTS: Record<string, string> = { error: 'e', request: 'r', api: 'a' }
const CLIENT_ROOTS: Record<string, string> = { body: 'b', status: 's' }
// Our own views (error, request, api) are read with plain property access; bodies,
// params and `$each` items only through own members (`tMember`), so `__proto__` or
// `constructor` in a path never reaches a prototype.
const TRUSTED = new Set(['e', 'r', 'a'])
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

class CodeGen {
  readonly used = new Set<string>()
  /** Template names → JavaScript variables; `$each` adds its item variables. */
  private readonly names: Map<string, string>
  private items = 0

  constructor(roots: Record<string, string> = RENDER_ROOTS) {
    this.names = new Map(Object.entries(roots))
  }

  private call(helper: string, ...args: string[]): string {
    this.used.add(helper)
    return `${helper}(${args.join(', ')})`
  }

  node(node: TNode): string {
    switch (node.kind) {
      case 'const':
        return JSON.stringify(node.value)
      case 'expr':
        return this.expr(node.expr)
      case 'text':
        return this.text(node.parts)
      case 'object':
        // Parenthesised: an arrow function's body must not read as a block.
        return `({ ${node.members.map((m) => `${printKey(m.key)}: ${this.node(m.node)}`).join(', ')} })`
      case 'array': {
        const items = node.items.map((item) =>
          item.kind === 'each' ? `...(${this.node(item)} ?? [])` : this.node(item),
        )
        const list = `[${items.join(', ')}]`
        // Constant items are never undefined; anything else may be left out.
        return node.items.every((i) => i.kind === 'const') ? list : this.call('tCompact', list)
      }
      case 'if': {
        const then = this.node(node.then)
        const otherwise = node.else ? this.node(node.else) : 'undefined'
        return `(${this.call('tTruthy', this.expr(node.cond))} ? ${then} : ${otherwise})`
      }
      case 'each': {
        const source = this.expr(node.source)
        const variable = `v${this.items++}`
        const saved = this.names.get(node.as)
        this.names.set(node.as, variable)
        const body = this.node(node.do)
        if (saved === undefined) this.names.delete(node.as)
        else this.names.set(node.as, saved)
        return this.call('tEach', source, `(${variable}) => ${body}`)
      }
    }
  }

  private text(parts: (string | Expr)[]): string {
    const pieces = parts.map((p) =>
      typeof p === 'string' ? JSON.stringify(p) : this.call('tText', this.expr(p)),
    )
    // A leading string keeps `+` a concatenation.
    return `(${typeof parts[0] === 'string' ? '' : '"" + '}${pieces.join(' + ')})`
  }

  expr(expr: Expr): string {
    switch (expr.kind) {
      case 'literal':
        return JSON.stringify(expr.value)
      case 'path':
        return this.path(expr.root, expr.members)
      case 'not':
        return `!${this.call('tTruthy', this.expr(expr.operand))}`
      case 'filter': {
        const fn = FILTER_FUNCTIONS[expr.name]
        if (!fn) throw new Error(`unknown filter ${expr.name}`)
        return this.call(fn, this.expr(expr.input))
      }
      case 'binary': {
        const left = this.expr(expr.left)
        const right = this.expr(expr.right)
        switch (expr.op) {
          case '??':
            return `(${left} ?? ${right})`
          case '||':
            return this.call('tOr', left, right)
          case '&&':
            return this.call('tAnd', left, right)
          case '==':
            return this.call('tEquals', left, right)
          case '!=':
            return `!${this.call('tEquals', left, right)}`
          default:
            return `(${this.call('tOrder', left, right)} ${expr.op} 0)`
        }
      }
    }
  }

  private path(root: string, members: (string | number)[]): string {
    const variable = this.names.get(root)
    if (variable === undefined) throw new Error(`unknown name ${root}`)
    let code = variable
    members.forEach((m, i) => {
      if (i > 0 || !TRUSTED.has(variable)) code = this.call('tMember', code, JSON.stringify(m))
      else code = IDENTIFIER.test(String(m)) ? `${code}.${m}` : `${code}[${JSON.stringify(m)}]`
    })
    return code
  }
}

/**
 * The parsed template as data for `defineEnvelopeReader` (src/runtime/reader.ts):
 * what clients and gateways need to read bodies, without the parser. Source
 * positions, which only error messages use, are left out.
 */
export function readerData(template: EnvelopeTemplate | undefined): ParsedEnvelope {
  const { envelope, problems } = parseEnvelope(template)
  if (!envelope) throw new EnvelopeError(problems)
  return withoutSpans(envelope) as ParsedEnvelope
}

const SPAN_KEYS = new Set(['start', 'end', 'nameStart'])

function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans)
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  const isExpr = 'kind' in value && 'start' in value
  for (const [key, member] of Object.entries(value)) {
    if (isExpr && SPAN_KEYS.has(key)) continue
    out[key] = withoutSpans(member)
  }
  return out
}
