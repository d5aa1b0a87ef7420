// Every regular expression of errcat's code, found with the TypeScript parser:
// the literals (`/…/u`) and `new RegExp(…)` calls, with their file and line.
// A RegExp built from a non-literal source is returned as `dynamic`, for a
// test to review. Used by regexes.test.ts.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

export interface FoundRegex {
  where: string
  source: string
  flags: string
}

export interface DynamicRegex {
  where: string
  text: string
}

const SKIP = new Set(['node_modules', 'dist', 'generated-fixtures'])

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) sourceFiles(path, out)
    else if (/\.(ts|js|mjs)$/.test(entry.name) && !/\.test\.ts$|\.d\.ts$/.test(entry.name))
      out.push(path)
  }
  return out
}

export function findRegexes(root: string, folders: string[]) {
  const literals: FoundRegex[] = []
  const dynamic: DynamicRegex[] = []
  for (const file of folders.flatMap((f) => sourceFiles(join(root, f)))) {
    const text = readFileSync(file, 'utf8')
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
    const where = (node: ts.Node) =>
      `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const literal = node.text
        const end = literal.lastIndexOf('/')
        literals.push({
          where: where(node),
          source: literal.slice(1, end),
          flags: literal.slice(end + 1),
        })
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const [pattern, flags] = node.arguments ?? []
        if (pattern && ts.isStringLiteralLike(pattern) && (!flags || ts.isStringLiteralLike(flags)))
          literals.push({
            where: where(node),
            source: pattern.text,
            flags: flags ? flags.text : '',
          })
        else dynamic.push({ where: where(node), text: node.getText(source) })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return { literals, dynamic }
}
