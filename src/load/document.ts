// Reads one YAML or JSON file into plain data while keeping the source
// positions of every node, so findings can point at file:line:column.
import { join } from 'node:path'
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
  type YAMLMap,
} from 'yaml'
import type { Finding, Position } from '../catalog/diagnostic.ts'
import { NotUtf8Error, readUtf8 } from './utf8.ts'

export type JsonPath = readonly (string | number)[]

export interface SourceDocument {
  file: string
  data: unknown
  /** Position of the key (for map entries) or of the value at `path`; the nearest existing ancestor when absent. */
  locate(path: JsonPath, part?: 'key' | 'value'): Position
  /** Offset in the file of a character of the string scalar at `path`, for positions inside messages. */
  locateInString(path: JsonPath, offset: number): Position
  /** Duplicate map keys found while reading, with the path of their map. */
  duplicateKeys: { path: JsonPath; key: string; at: Position; first: Position }[]
}

export interface ReadResult {
  document?: SourceDocument
  findings: Finding[]
}

/** Reads a file's text; a failure carries a Node error `code` (ENOENT, EISDIR, …). */
export type ReadText = (file: string) => Promise<string>

const readFromDisk: ReadText = readUtf8

export async function readSourceFile(
  file: string,
  displayName = file,
  readText: ReadText = readFromDisk,
): Promise<ReadResult> {
  let text: string
  try {
    text = await readText(file)
  } catch (error) {
    if (error instanceof NotUtf8Error)
      return {
        findings: [
          {
            rule: 'load/syntax',
            severity: 'error',
            message: `${displayName} is not UTF-8: the byte here is in another encoding`,
            hint: 'Save the file as UTF-8 (most editors: "Save with Encoding"), or retype the character here.',
            file: displayName,
            line: error.line,
            column: error.column,
          },
        ],
      }
    const code = (error as NodeJS.ErrnoException).code
    const what =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory'
          : `cannot read (${code})`
    return {
      findings: [
        {
          rule: 'load/missing-file',
          severity: 'error',
          message: `${displayName}: ${what}`,
          hint:
            code === 'EISDIR'
              ? `Pass the catalog file in it (${join(displayName, 'errors.yaml')}), not the folder.`
              : 'Check the path, or run `errcat init` to create a starter catalog.',
          file: displayName,
          line: 1,
          column: 1,
        },
      ],
    }
  }
  return parseSourceText(text, displayName)
}

export function parseSourceText(text: string, file: string): ReadResult {
  const lineCounter = new LineCounter()
  const doc = withPlainEnv(() =>
    parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true }),
  )
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset)
    return { file, line, column: col }
  }
  // Only the first syntax error: the parser resynchronises badly, and one
  // unquoted `{` made it report every token after it (hundreds of findings).
  const findings: Finding[] = [...doc.errors.slice(0, 1), ...doc.warnings].map((problem) =>
    STACK_EXHAUSTED.test(problem.message)
      ? tooDeep(file, at(problem.pos[0]))
      : {
          rule: 'load/syntax',
          severity: 'error' as const,
          message:
            problem.code === 'MULTIPLE_DOCS'
              ? 'a catalog is one YAML document; a second one starts here'
              : `${problem.message.split('\n')[0]}`,
          hint: syntaxHint(problem.code, file),
          file,
          ...lineColumn(at(problem.pos[0])),
        },
  )
  if (doc.errors.length > 0) return { findings }

  const duplicateKeys: SourceDocument['duplicateKeys'] = []
  let data: unknown
  try {
    collectDuplicateKeys(doc.contents, [], at, duplicateKeys)
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    // The two limits that keep loading bounded: nesting (the stack) and alias expansion.
    if (error instanceof RangeError) return { findings: [tooDeep(file, at(0))] }
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      return { findings: [aliasBomb(file, at(firstAliasOffset(doc)))] }
    throw error
  }
  // `&a [*a]` loads as a list that contains itself: data without end for every reader after.
  const selfAlias = selfAliasOffset(doc)
  if (selfAlias !== undefined) return { findings: [aliasCycle(file, at(selfAlias))] }

  const nodeAt = (path: JsonPath): { node: Node | null; keyNode: Node | null; depth: number } => {
    let node: Node | null = doc.contents as Node | null
    let keyNode: Node | null = null
    let depth = 0
    for (const segment of path) {
      if (isMap(node)) {
        const pair = findPair(node, String(segment))
        if (!pair) break
        keyNode = pair.key as Node
        node = (pair.value as Node | null) ?? keyNode
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        keyNode = null
        node = node.items[segment] as Node
      } else break
      depth++
    }
    return { node, keyNode, depth }
  }

  const document: SourceDocument = {
    file,
    data,
    duplicateKeys,
    locate(path, part = 'value') {
      const { node, keyNode, depth } = nodeAt(path)
      const complete = depth === path.length
      const target =
        part === 'key' && complete && keyNode ? keyNode : complete ? node : (keyNode ?? node)
      return at(target?.range?.[0] ?? 0)
    },
    locateInString(path, offset) {
      const { node, depth } = nodeAt(path)
      if (depth !== path.length || !isScalar(node) || !node.range) return document.locate(path)
      // Plain and quoted single-line scalars map offsets directly; block scalars
      // are folded by YAML, so only their start is reliable.
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
      const raw = text.slice(node.range[0], node.range[1])
      if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' || raw.includes('\n'))
        return at(node.range[0])
      return at(node.range[0] + (quoted ? 1 : 0) + offset)
    },
  }
  return { document, findings }
}

/** How many times one anchor may be expanded: enough for reuse, not for a billion laughs. */
const MAX_ALIAS_COUNT = 100
const STACK_EXHAUSTED = /maximum call stack size exceeded/i

function tooDeep(file: string, where: Position): Finding {
  return {
    rule: 'load/limit',
    severity: 'error',
    message: 'collections nest deeper than errcat reads (the parser ran out of stack here)',
    hint: 'A catalog needs a few levels of nesting: look for a runaway run of `[`, `{` or indentation.',
    file,
    ...lineColumn(where),
  }
}

function aliasBomb(file: string, where: Position): Finding {
  return {
    rule: 'load/limit',
    severity: 'error',
    message: `aliases expand to more data than errcat reads (an anchor used more than ${MAX_ALIAS_COUNT} times over, as in a "billion laughs" file)`,
    hint: 'Write the repeated values out, or reuse each anchor fewer times.',
    file,
    ...lineColumn(where),
  }
}

function aliasCycle(file: string, where: Position): Finding {
  return {
    rule: 'load/limit',
    severity: 'error',
    message:
      'this alias is inside the collection its anchor names, which would then contain itself without end',
    hint: 'An alias can repeat a value defined elsewhere, not the collection it sits in.',
    file,
    ...lineColumn(where),
  }
}

/** Where the first alias inside its own anchored collection starts; undefined when there is none. */
function selfAliasOffset(doc: ReturnType<typeof parseDocument>): number | undefined {
  let offset: number | undefined
  try {
    visit(doc, {
      Alias(_key, alias) {
        const target = alias.resolve(doc)
        const [start, end] = alias.range ?? [0, 0]
        if (target?.range && target.range[0] <= start && end <= target.range[1]) {
          offset = start
          return visit.BREAK
        }
        return undefined
      },
    })
  } catch {
    // Too deep to walk: toJS read it, so nesting is what the reader's own limits face.
  }
  return offset
}

/** Where the first alias (`*name`) starts, to point at the expansion that grew too large. */
function firstAliasOffset(doc: ReturnType<typeof parseDocument>): number {
  let offset = 0
  try {
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0
        return visit.BREAK
      },
    })
  } catch {
    // Too deep to walk: the start of the file is the best position left.
  }
  return offset
}

/**
 * Runs `parse` with `process.env` swapped for a plain copy. The `yaml` parser
 * reads `process.env.LOG_TOKENS` once per token, and process.env is a native
 * getter: on a 10,000-error catalog those reads were a tenth of the load time.
 * Parsing is synchronous, so no other code can observe the swap.
 */
function withPlainEnv<T>(parse: () => T): T {
  const env = process.env
  process.env = { ...env }
  try {
    return parse()
  } finally {
    process.env = env
  }
}

function lineColumn(p: Position) {
  return { line: p.line, column: p.column }
}

// Maps are indexed on first lookup: a scan per lookup made locating every
// entry of a 10,000-error catalog quadratic. Documents are never mutated.
const pairIndex = new WeakMap<YAMLMap, Map<string, YAMLMap['items'][number]>>()

function findPair(map: YAMLMap, key: string) {
  let index = pairIndex.get(map)
  if (!index) {
    index = new Map()
    // The last occurrence wins, as in toJS(); duplicates are reported separately.
    for (const pair of map.items) {
      index.set(isScalar(pair.key) ? String(pair.key.value) : String(pair.key), pair)
    }
    pairIndex.set(map, index)
  }
  return index.get(key)
}

function collectDuplicateKeys(
  node: unknown,
  path: (string | number)[],
  at: (offset: number) => Position,
  out: SourceDocument['duplicateKeys'],
): void {
  // Runs over every node of the file: the path is shared (push/pop) and
  // positions are computed only for duplicates, to keep large catalogs fast.
  if (isMap(node)) {
    const seen = new Map<string, number>()
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
      const offset = (pair.key as Node | null)?.range?.[0] ?? 0
      const first = seen.get(key)
      if (first !== undefined) out.push({ path: [...path], key, at: at(offset), first: at(first) })
      else seen.set(key, offset)
      path.push(key)
      collectDuplicateKeys(pair.value, path, at, out)
      path.pop()
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      path.push(i)
      collectDuplicateKeys(item, path, at, out)
      path.pop()
    })
  }
}

function syntaxHint(code: string, file: string): string {
  // A JSON catalog is read as YAML; hints about indentation would mislead there.
  if (file.toLowerCase().endsWith('.json') && code !== 'MULTIPLE_DOCS')
    return 'Fix the JSON at this position: a bracket, brace, comma or quote is missing or extra.'
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'Check the indentation: nested keys need more spaces than their parent, and tabs are not allowed.'
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'A key spans lines; check for a missing `:` or an unclosed quote on the line before.'
    case 'TAB_AS_INDENT':
      return 'Indent with spaces, not tabs.'
    case 'MULTIPLE_DOCS':
      return 'Remove this `---` and what follows, or move the second document to its own file and list it under `include`.'
    default:
      return 'Fix the YAML syntax at this position (JSON is valid YAML, so JSON files are read the same way).'
  }
}
