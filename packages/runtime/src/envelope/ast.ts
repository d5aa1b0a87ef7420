// The parsed form of an envelope template: what errcat's template parser (in
// the errcat package, at build time) produces, and what the reader here walks.
// Generated modules carry it as data (`envelopeReader`), without source spans.

export type BinaryOp = '??' | '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>='

export interface Span {
  /** Offsets in the expression source, end exclusive. */
  start: number
  end: number
}

export type Expr =
  | (Span & { kind: 'literal'; value: string | number | boolean | null })
  | (Span & { kind: 'path'; root: string; members: (string | number)[] })
  | (Span & { kind: 'not'; operand: Expr })
  | (Span & { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr })
  | (Span & { kind: 'filter'; name: string; input: Expr; nameStart: number })

export type TNode =
  /** A JSON value without expressions: a number, boolean, null or plain string. */
  | { kind: 'const'; value: string | number | boolean | null }
  /** A string that is exactly one `{{ expr }}`: the value keeps its type. */
  | { kind: 'expr'; expr: Expr }
  /** A string mixing text and expressions: interpolated. */
  | { kind: 'text'; parts: (string | Expr)[] }
  | { kind: 'object'; members: { key: string; node: TNode }[] }
  | { kind: 'array'; items: TNode[] }
  | { kind: 'if'; cond: Expr; then: TNode; else?: TNode }
  | { kind: 'each'; source: Expr; as: string; do: TNode }

export interface ParsedEnvelope {
  /** A constant number, or one expression. */
  status: TNode
  contentType: string
  headers: { name: string; node: TNode }[]
  body: TNode
  errorWhen?: Expr
}
