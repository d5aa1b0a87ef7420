// The expression language inside `{{ }}`: a small, side-effect-free subset of
// JavaScript expressions plus `| filter`. Parsing happens once, when the
// envelope is compiled; rendering only runs the closures built from this AST.
//
// Precedence, lowest first:
//   expr | filter      (a filter applies to everything on its left)
//   ??
//   ||
//   &&
//   == !=
//   < <= > >=
//   !
//   paths, literals, ( … )

import type { BinaryOp, Expr, Span } from '@errcat/runtime/internal/envelope/ast'

export type { BinaryOp, Expr }

export type ParsedExpression =
  | { ok: true; expr: Expr }
  | { ok: false; message: string; hint: string; offset: number }

type TokenType = 'number' | 'string' | 'ident' | 'op' | 'end'
interface Token extends Span {
  type: TokenType
  /** Operator text, identifier name, string contents or number source. */
  text: string
  value?: string | number
}

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly hint: string,
  ) {
    super(message)
  }
}

const OPERATORS = [
  '??',
  '||',
  '&&',
  '==',
  '!=',
  '<=',
  '>=',
  '<',
  '>',
  '!',
  '|',
  '.',
  '(',
  ')',
  '[',
  ']',
  '-',
]
const EXPRESSION_HINT =
  "Expressions use paths (`error.code`), literals (42, 'text', true, null), `??`, `==`, `!=`, `<`, `>`, `&&`, `||`, `!`, parentheses and filters (`error.status | string`)."

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const c = source[i]!
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++
      continue
    }
    const start = i
    if (isDigit(c)) {
      while (i < source.length && isDigit(source[i]!)) i++
      if (source[i] === '.' && isDigit(source[i + 1] ?? '')) {
        i++
        while (i < source.length && isDigit(source[i]!)) i++
      }
      if (source[i] === 'e' || source[i] === 'E') {
        let j = i + 1
        if (source[j] === '+' || source[j] === '-') j++
        if (isDigit(source[j] ?? '')) {
          i = j
          while (i < source.length && isDigit(source[i]!)) i++
        }
      }
      if (isIdentStart(source[i] ?? '')) {
        throw new SyntaxProblem(
          `\`${source.slice(start, i + 1)}\` is not a number nor a name`,
          start,
          'Names start with a letter or `_`; separate a number from what follows with an operator.',
        )
      }
      const text = source.slice(start, i)
      tokens.push({ type: 'number', text, value: Number(text), start, end: i })
      continue
    }
    if (isIdentStart(c)) {
      while (i < source.length && isIdentPart(source[i]!)) i++
      const text = source.slice(start, i)
      tokens.push({ type: 'ident', text, start, end: i })
      continue
    }
    if (c === "'" || c === '"') {
      const { value, end } = readString(source, i)
      tokens.push({ type: 'string', text: value, value, start, end })
      i = end
      continue
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i))
    if (op) {
      tokens.push({ type: 'op', text: op, start, end: i + op.length })
      i += op.length
      continue
    }
    if (c === '=') {
      throw new SyntaxProblem(
        '`=` is not an operator here',
        i,
        'Compare with `==` (or `!=`); templates cannot assign.',
      )
    }
    if (c === '&' || c === '?') {
      throw new SyntaxProblem(
        `\`${c}\` is not an operator`,
        i,
        c === '&' ? 'Write `&&` for "and".' : 'Write `??` for "if undefined or null, use".',
      )
    }
    throw new SyntaxProblem(`unexpected character \`${c}\``, i, EXPRESSION_HINT)
  }
  tokens.push({ type: 'end', text: '', start: source.length, end: source.length })
  return tokens
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '/': '/',
}

function readString(source: string, start: number): { value: string; end: number } {
  const quote = source[start]!
  let value = ''
  let i = start + 1
  while (i < source.length) {
    const c = source[i]!
    if (c === quote) return { value, end: i + 1 }
    if (c === '\\') {
      const next = source[i + 1]
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
        value += String.fromCharCode(Number.parseInt(source.slice(i + 2, i + 6), 16))
        i += 6
        continue
      }
      const escaped = next === undefined ? undefined : ESCAPES[next]
      if (escaped === undefined) {
        throw new SyntaxProblem(
          `unknown escape \`\\${next ?? ''}\` in a string`,
          i,
          'Escapes are \\\\, \\\', \\", \\n, \\t, \\r and \\uXXXX.',
        )
      }
      value += escaped
      i += 2
      continue
    }
    value += c
    i++
  }
  throw new SyntaxProblem(
    'string is not closed',
    start,
    `Close the string with ${quote}, or escape a quote inside it with a backslash.`,
  )
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9'
}
function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$'
}
function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c)
}

const BINARY_LEVELS: BinaryOp[][] = [['??'], ['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>=']]

class Parser {
  private index = 0
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.pipe()
    const next = this.peek()
    if (next.type !== 'end') {
      if (next.type === 'op' && (next.text === ')' || next.text === ']')) {
        throw new SyntaxProblem(
          `\`${next.text}\` has no matching opening bracket`,
          next.start,
          'Remove it, or add the missing opening bracket.',
        )
      }
      throw new SyntaxProblem(
        `unexpected \`${next.text}\` after a complete expression`,
        next.start,
        expr.kind === 'filter'
          ? 'A filter applies to everything on its left; to filter part of an expression, put it in parentheses: `(error.status | string) == "400"`.'
          : 'Join two expressions with an operator (`??`, `==`, `&&`, `||`, …).',
      )
    }
    return expr
  }

  private peek(): Token {
    return this.tokens[this.index]!
  }
  private take(): Token {
    return this.tokens[this.index++]!
  }
  private isOp(text: string): boolean {
    const t = this.peek()
    return t.type === 'op' && t.text === text
  }

  private pipe(): Expr {
    let expr = this.binary(0)
    while (this.isOp('|')) {
      this.take()
      const name = this.take()
      if (name.type !== 'ident') {
        throw new SyntaxProblem(
          name.type === 'end'
            ? 'a filter name is missing after `|`'
            : `\`${name.text}\` is not a filter name`,
          name.start,
          'Write a filter name after `|`, e.g. `error.status | string`. For "or", write `||`.',
        )
      }
      expr = {
        kind: 'filter',
        name: name.text,
        input: expr,
        nameStart: name.start,
        start: expr.start,
        end: name.end,
      }
    }
    return expr
  }

  private binary(level: number): Expr {
    if (level === BINARY_LEVELS.length) return this.unary()
    const ops = BINARY_LEVELS[level]!
    let left = this.binary(level + 1)
    for (;;) {
      const t = this.peek()
      if (t.type !== 'op' || !(ops as string[]).includes(t.text)) return left
      this.take()
      const right = this.binary(level + 1)
      left = {
        kind: 'binary',
        op: t.text as BinaryOp,
        left,
        right,
        start: left.start,
        end: right.end,
      }
    }
  }

  private unary(): Expr {
    if (this.isOp('!')) {
      const bang = this.take()
      const operand = this.unary()
      return { kind: 'not', operand, start: bang.start, end: operand.end }
    }
    return this.postfix()
  }

  private postfix(): Expr {
    const base = this.primary()
    if (base.kind !== 'path') {
      if (this.isOp('.') || this.isOp('[')) {
        throw new SyntaxProblem(
          'only names have members',
          this.peek().start,
          'Member access (`.name`, `[0]`) works on paths such as `error.params.hint`, not on literals or parenthesized expressions.',
        )
      }
      return base
    }
    for (;;) {
      if (this.isOp('.')) {
        this.take()
        const name = this.take()
        if (name.type !== 'ident') {
          throw new SyntaxProblem(
            'a member name is missing after `.`',
            name.start,
            "Write a name after the dot (`error.code`), or use brackets for other names: `error.params['max-size']`.",
          )
        }
        base.members.push(name.text)
        base.end = name.end
      } else if (this.isOp('[')) {
        this.take()
        const key = this.take()
        if (key.type === 'number' && Number.isInteger(key.value))
          base.members.push(key.value as number)
        else if (key.type === 'string') base.members.push(key.text)
        else {
          throw new SyntaxProblem(
            'a bracket holds an array index or a quoted name',
            key.start,
            "Write `[0]` for an item of an array or `['some-name']` for a member.",
          )
        }
        const close = this.take()
        if (close.type !== 'op' || close.text !== ']') {
          throw new SyntaxProblem('`]` is missing', close.start, 'Close the bracket with `]`.')
        }
        base.end = close.end
      } else return base
    }
  }

  private primary(): Expr {
    const t = this.take()
    switch (t.type) {
      case 'number':
        return { kind: 'literal', value: t.value as number, start: t.start, end: t.end }
      case 'string':
        return { kind: 'literal', value: t.text, start: t.start, end: t.end }
      case 'ident':
        if (t.text === 'true' || t.text === 'false')
          return { kind: 'literal', value: t.text === 'true', start: t.start, end: t.end }
        if (t.text === 'null') return { kind: 'literal', value: null, start: t.start, end: t.end }
        return { kind: 'path', root: t.text, members: [], start: t.start, end: t.end }
      case 'op':
        if (t.text === '(') {
          const inner = this.pipe()
          const close = this.take()
          if (close.type !== 'op' || close.text !== ')') {
            throw new SyntaxProblem(
              close.type === 'end'
                ? '`(` is not closed'
                : `expected \`)\`, found \`${close.text}\``,
              close.type === 'end' ? t.start : close.start,
              'Close the parenthesis with `)`.',
            )
          }
          return { ...inner, start: t.start, end: close.end }
        }
        if (t.text === '-') {
          const n = this.take()
          if (n.type === 'number') {
            return { kind: 'literal', value: -(n.value as number), start: t.start, end: n.end }
          }
          throw new SyntaxProblem(
            '`-` only makes negative numbers',
            t.start,
            'Templates have no arithmetic; write a negative number as `-1`.',
          )
        }
        throw new SyntaxProblem(
          `expected a value, found \`${t.text}\``,
          t.start,
          t.text === '|'
            ? 'A filter needs a value on its left: `error.status | string`.'
            : EXPRESSION_HINT,
        )
      case 'end':
        throw new SyntaxProblem('the expression is incomplete', t.start, EXPRESSION_HINT)
    }
  }
}

/** Parses the source of one expression (the text between `{{` and `}}`). Never throws. */
export function parseExpression(source: string): ParsedExpression {
  try {
    const tokens = tokenize(source)
    if (tokens.length === 1) {
      return {
        ok: false,
        message: 'the expression is empty',
        hint: 'Write what to insert between the braces, e.g. `{{ error.code }}`.',
        offset: 0,
      }
    }
    return { ok: true, expr: new Parser(tokens).parse() }
  } catch (error) {
    if (error instanceof SyntaxProblem) {
      return { ok: false, message: error.message, hint: error.hint, offset: error.offset }
    }
    throw error
  }
}

/** The expression back as source text, normalized: for messages and docs. */
export function printExpression(expr: Expr): string {
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'string'
        ? `'${expr.value.replace(/[\\']/g, '\\$&')}'`
        : String(expr.value)
    case 'path':
      return expr.root + expr.members.map(printMember).join('')
    case 'not':
      return `!${wrap(expr.operand)}`
    case 'binary':
      return `${wrap(expr.left)} ${expr.op} ${wrap(expr.right)}`
    case 'filter':
      return `${expr.input.kind === 'binary' ? wrap(expr.input) : printExpression(expr.input)} | ${expr.name}`
  }
}

function wrap(expr: Expr): string {
  return expr.kind === 'binary' || expr.kind === 'filter'
    ? `(${printExpression(expr)})`
    : printExpression(expr)
}

function printMember(member: string | number): string {
  if (typeof member === 'number') return `[${member}]`
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(member)
    ? `.${member}`
    : `['${member.replace(/[\\']/g, '\\$&')}']`
}
