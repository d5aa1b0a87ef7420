// Reading the OpenAPI document errcat merges into: YAML or JSON, kept as the
// yaml package's Document (with source ranges, for editing the text in place)
// and as plain data (for deciding what to change). Only OpenAPI 3.1 is
// accepted: errcat's schemas are JSON Schema 2020-12.
import { readFile } from 'node:fs/promises'
import { isAbsolute, relative } from 'node:path'
import { type Document, isMap, LineCounter, type Node, parseDocument } from 'yaml'
import { CliError } from '../../cli/errors.ts'

export interface MergeSource {
  file: string
  /** The path as messages show it. */
  display: string
  text: string
  format: 'yaml' | 'json'
  doc: Document
  data: Record<string, unknown>
  /** `display:line:column` of a source offset. */
  at(offset: number): string
}

const MIGRATION_GUIDE =
  'https://www.openapis.org/blog/2021/02/16/migrating-from-openapi-3-0-to-3-1-0'

export async function readMergeSource(file: string): Promise<MergeSource> {
  const display = shown(file)
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(
      `${display}: cannot read the OpenAPI document to merge into (${error.code === 'ENOENT' ? 'file not found' : error.code})`,
      2,
      'Check `merge` under `build.openapi` in the catalog, or the --merge path. To write a separate document instead, leave `merge` out.',
    )
  })
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return `${display}:${line}:${col}`
  }
  const syntax = doc.errors[0]
  if (syntax)
    throw new CliError(
      `${at(syntax.pos[0])}: ${syntax.message.split('\n')[0]}`,
      2,
      'Fix the syntax of the OpenAPI document (YAML, or JSON) and build again.',
    )
  if (!isMap(doc.contents))
    throw new CliError(
      `${display}: not an OpenAPI document (it is not a mapping)`,
      2,
      'Point `merge` at an OpenAPI 3.1 document, or leave it out to write a separate one.',
    )
  const data = doc.toJS() as Record<string, unknown>
  checkVersion(doc, data, display, at)
  const format = /\.json$/i.test(file) || text.trimStart().startsWith('{') ? 'json' : 'yaml'
  return { file, display, text, format, doc, data, at }
}

function checkVersion(
  doc: Document,
  data: Record<string, unknown>,
  display: string,
  at: (offset: number) => string,
): void {
  const where = (key: string) => {
    const node = doc.get(key, true) as Node | undefined
    return node?.range ? at(node.range[0]) : display
  }
  if (data.swagger !== undefined)
    throw new CliError(
      `${where('swagger')}: a Swagger ${String(data.swagger)} document; errcat merges into OpenAPI 3.1 documents only`,
      2,
      'Convert it to OpenAPI 3.1 first (swagger2openapi converts to 3.0; then follow the 3.0 → 3.1 migration guide), or leave `merge` out to write a separate 3.1 document.',
    )
  const version = data.openapi
  if (version === undefined)
    throw new CliError(
      `${display}: not an OpenAPI document (no \`openapi\` field)`,
      2,
      'Point `merge` at an OpenAPI 3.1 document (`openapi: 3.1.0`), or leave it out to write a separate one.',
    )
  const text = String(version)
  if (/^3\.1(\.\d+)?$/.test(text)) return
  if (/^3\.0(\.\d+)?$/.test(text))
    throw new CliError(
      `${where('openapi')}: an OpenAPI ${text} document; errcat writes OpenAPI 3.1 schemas (JSON Schema 2020-12: \`const\`, \`prefixItems\`, type lists), which 3.0 cannot hold`,
      2,
      `Upgrade the document to 3.1 (set \`openapi: 3.1.0\`, replace \`nullable: true\` with a type list such as \`type: [string, "null"]\`; see ${MIGRATION_GUIDE}), or leave \`merge\` out to write a separate 3.1 document.`,
    )
  throw new CliError(
    `${where('openapi')}: OpenAPI ${text} is not supported; errcat merges into OpenAPI 3.1 documents`,
    2,
    'Set `openapi: 3.1.0` if the document is 3.1, or leave `merge` out to write a separate 3.1 document.',
  )
}

/** Relative to the current folder when inside it, as the build command shows paths. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel
}
