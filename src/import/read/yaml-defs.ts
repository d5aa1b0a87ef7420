// YAML files of error definitions (see definitions.ts for the layouts read).
// The `yaml` package parses with a line counter, so every key keeps its line;
// nesting is measured first, in one pass, because a parser's recursion is
// not a limit a hostile file should find.
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import type { Importer, PageImport } from '../find/page.ts'
import { splitLines } from '../find/text.ts'
import { commentsAbove, type DataNode, readDefinitions } from './definitions.ts'
import { deepNesting, MAX_NESTING, nestingError } from './limits.ts'

export const yamlImporter: Importer = { format: 'yaml', detect: detectYaml, parse: parseYaml }

// A line of a block mapping or sequence, or a comment: what YAML data is made of.
const YAML_LINE =
  /^\s*(?:#.*|---|\.\.\.|-(?:\s.*)?|(?:"[^"]*"|'[^']*'|[\w$][\w .$/@:-]*?)\s*:(?:\s.*)?)$/

let cache: { text: string; tree: DataNode | undefined; errorLine?: number } | undefined

/** The text as a tree with lines; undefined when it is not YAML (or not a map or list). */
export function yamlTree(text: string): { tree: DataNode | undefined; errorLine?: number } {
  if (cache?.text === text) return cache
  const deep = deepNesting(text, MAX_NESTING, `"'`)
  if (deep) {
    cache = { text, tree: undefined, errorLine: deep.line }
    return cache
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false })
  const lineOf = (offset: number | undefined) => lineCounter.linePos(offset ?? 0).line
  const convert = (node: unknown, line: number, depth: number): DataNode => {
    if (depth > MAX_NESTING) return { kind: 'scalar', line, value: null }
    if (isMap(node)) {
      const entries: { key: string; line: number; value: DataNode }[] = []
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode ?? '')
        const keyLine = lineOf(keyNode?.range?.[0])
        entries.push({ key, line: keyLine, value: convert(pair.value, keyLine, depth + 1) })
      }
      return { kind: 'map', line: lineOf((node as Node).range?.[0]), entries }
    }
    if (isSeq(node)) {
      const items = node.items.map((item) =>
        convert(item, lineOf((item as Node | null)?.range?.[0]), depth + 1),
      )
      return { kind: 'list', line: lineOf((node as Node).range?.[0]), items }
    }
    if (isScalar(node)) {
      const v = node.value
      const value =
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null
      return { kind: 'scalar', line: lineOf(node.range?.[0]), value }
    }
    return { kind: 'scalar', line, value: null }
  }
  const tree = doc.errors.length === 0 ? convert(doc.contents, 1, 0) : undefined
  cache = {
    text,
    tree: tree && tree.kind !== 'scalar' ? tree : undefined,
    ...(doc.errors.length ? { errorLine: lineOf(doc.errors[0]!.pos[0]) } : {}),
  }
  return cache
}

export function detectYaml(text: string): number {
  // Only text whose first lines are all YAML's block syntax is parsed.
  let seen = 0
  let nested = 0
  let comments = 0
  let scalarValues = 0
  for (const line of splitLines(text.slice(0, 4000)).slice(0, 60)) {
    if (line.trim() === '') continue
    if (!YAML_LINE.test(line) && !/^\s+\S/.test(line)) return 0
    seen++
    if (/^\s+\S/.test(line)) nested++
    if (/^\s*#/.test(line)) comments++
    if (/^[\w-]+:\s+-?\d+\s*(?:#.*)?$/.test(line)) scalarValues++
  }
  if (seen < 3) return 0
  // `1001: Invalid token` lines are also a plain-text list: YAML claims them
  // only with YAML's own marks (nesting, comments, name → number pairs).
  if (nested === 0 && comments === 0 && scalarValues < 3) return 0
  const { tree } = yamlTree(text)
  if (!tree) return 0
  const page = readDefinitions('yaml', tree, () => undefined)
  if (page.rows.length >= 3) return 0.8
  return page.rows.length > 0 ? 0.35 : 0
}

export function parseYaml(text: string): PageImport {
  const { tree, errorLine } = yamlTree(text)
  cache = undefined
  if (errorLine !== undefined && deepNesting(text, MAX_NESTING, `"'`)) {
    throw nestingError('yaml', errorLine)
  }
  if (!tree) {
    return {
      format: 'yaml',
      groups: [],
      rows: [],
      notes: [
        {
          line: errorLine ?? 1,
          kind: 'skipped',
          message:
            errorLine !== undefined
              ? `not valid YAML at line ${errorLine}; nothing imported`
              : 'the YAML holds no map or list; nothing imported',
        },
      ],
    }
  }
  return readDefinitions('yaml', tree, commentsAbove(splitLines(text)))
}
