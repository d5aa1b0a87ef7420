// One source file → the catalog errors it refers to, with positions, read
// from a real parse (Babel's parser, with TypeScript and JSX): named imports
// and re-exports of the generated module, members of its namespace import
// (`errors.BAD_TOKEN`, `errors['BAD_TOKEN']`) and of `allErrors`, and symbols
// passed as strings to `isCatalogError(e, 'BAD_TOKEN')`. Only names shaped
// like symbols (UPPER_SNAKE_CASE) count: the module's other exports are not errors.
import { type ParserPlugin, parse } from '@babel/parser'

export interface SourceUse {
  symbol: string
  line: number
  column: number
}

export type FileUses =
  | { ok: true; uses: SourceUse[] }
  | { ok: false; message: string; line: number; column: number }

const SYMBOL = /^[A-Z][A-Z0-9_]*$/

interface Node {
  type: string
  loc?: { start: { line: number; column: number } }
  [key: string]: unknown
}

function pluginsFor(file: string): ParserPlugin[] {
  if (/\.tsx$/.test(file)) return ['typescript', 'jsx']
  if (/\.[cm]?ts$/.test(file)) return ['typescript']
  return ['jsx']
}

export function usesIn(
  text: string,
  file: string,
  isGenerated: (specifier: string) => boolean,
): FileUses {
  let program: Node
  try {
    program = parse(text, {
      sourceType: 'unambiguous',
      plugins: pluginsFor(file),
      errorRecovery: true,
    }).program as unknown as Node
  } catch (error) {
    const e = error as { message?: string; loc?: { line: number; column: number } }
    return {
      ok: false,
      message: (e.message ?? 'cannot be parsed').replace(/ ?\(\d+:\d+\)$/, ''),
      line: e.loc?.line ?? 1,
      column: (e.loc?.column ?? 0) + 1,
    }
  }
  const uses: SourceUse[] = []
  const at = (node: Node) => ({ line: node.loc!.start.line, column: node.loc!.start.column + 1 })
  const add = (symbol: string, node: Node) => {
    if (SYMBOL.test(symbol)) uses.push({ symbol, ...at(node) })
  }
  // Local names bound to the module's namespace, to `allErrors`, to `isCatalogError`.
  const namespaces = new Set<string>()
  const guards = new Set<string>()
  for (const statement of program.body as Node[]) {
    const source = (statement.source as Node | null | undefined)?.value
    if (typeof source !== 'string' || !isGenerated(source)) continue
    if (statement.type === 'ImportDeclaration') {
      for (const spec of statement.specifiers as Node[]) {
        const local = (spec.local as Node).name as string
        if (spec.type === 'ImportNamespaceSpecifier') namespaces.add(local)
        else if (spec.type === 'ImportSpecifier') {
          const imported = nameOf(spec.imported as Node)
          if (imported === 'allErrors') namespaces.add(local)
          else if (imported === 'isCatalogError') guards.add(local)
          else add(imported, spec.imported as Node)
        }
      }
    } else if (statement.type === 'ExportNamedDeclaration') {
      for (const spec of (statement.specifiers as Node[]) ?? []) {
        if (spec.type === 'ExportSpecifier') add(nameOf(spec.local as Node), spec.local as Node)
      }
    }
  }
  walk(program, (node) => {
    if (node.type === 'MemberExpression' || node.type === 'TSQualifiedName') {
      const object = (node.object ?? node.left) as Node
      const property = (node.property ?? node.right) as Node
      if (isNamespace(object, namespaces)) {
        const name = memberName(node, property)
        if (name !== undefined) add(name, property)
      }
    } else if (node.type === 'CallExpression') {
      const callee = node.callee as Node
      const guard =
        (callee.type === 'Identifier' && guards.has(callee.name as string)) ||
        (callee.type === 'MemberExpression' &&
          isNamespace(callee.object as Node, namespaces) &&
          memberName(callee, callee.property as Node) === 'isCatalogError')
      const [, symbol] = node.arguments as Node[]
      if (guard && symbol?.type === 'StringLiteral') add(symbol.value as string, symbol)
    }
  })
  return { ok: true, uses }
}

function nameOf(node: Node): string {
  return node.type === 'StringLiteral' ? (node.value as string) : (node.name as string)
}

function isNamespace(node: Node, namespaces: Set<string>): boolean {
  if (node.type === 'Identifier') return namespaces.has(node.name as string)
  // `errors.allErrors.X`: the namespace's own `allErrors`.
  return (
    node.type === 'MemberExpression' &&
    isNamespace(node.object as Node, namespaces) &&
    memberName(node, node.property as Node) === 'allErrors'
  )
}

function memberName(node: Node, property: Node): string | undefined {
  if (node.computed)
    return property.type === 'StringLiteral' ? (property.value as string) : undefined
  return property.type === 'Identifier' ? (property.name as string) : undefined
}

// A generic walk: Babel nodes are plain objects with a `type`; positions and comments are skipped.
function walk(node: Node, visit: (node: Node) => void): void {
  visit(node)
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walk(item, visit)
    } else if (isNode(value)) walk(value, visit)
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'
}
