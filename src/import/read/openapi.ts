// OpenAPI (Swagger 2 and OpenAPI 3, YAML or JSON) and JSON Schema documents.
// Errors sit in three places: a response's description listing codes
// (`* \`M_USER_IN_USE\` : Desired user ID is already taken.`), a response's
// examples (`{ "errcode": "M_FORBIDDEN", "error": "…" }`), and the `enum`
// of an error schema's code field, described by `x-enum-descriptions` (or
// `oneOf` constants with descriptions). The response key is the status and
// the path the group; an example's text is what the API sends, so it is the
// message and the description's words the description. The same code with
// the same words under another operation is one entry. Prose outside
// responses (an operation's description) is not read: it mentions codes
// without defining them.
import { isProseCode, parseEntry } from '../find/code-token.ts'
import type { Importer, PageImport, PageRow } from '../find/page.ts'
import { PageBuilder } from '../find/page-builder.ts'
import { fieldRole } from '../find/record-fields.ts'
import { normalizeSpace } from '../find/text.ts'
import type { DataNode } from './definitions.ts'
import { deepNesting, MAX_NESTING, nestingError } from './limits.ts'
import { yamlTree } from './yaml-defs.ts'

export const openapiImporter: Importer = {
  format: 'openapi',
  detect: detectOpenapi,
  parse: parseOpenapi,
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])
const OPENAPI_KEY = /^(?:["']?(?:swagger|openapi)["']?\s*:\s*["']?[23]\.\d)/m
const JSON_OPENAPI = /"(?:swagger|openapi)"\s*:\s*"[23]\.\d/
const JSON_SCHEMA = /["']?\$schema["']?\s*:\s*["']?https?:\/\/json-schema\.org\//

export function detectOpenapi(text: string): number {
  const head = text.slice(0, 5000)
  if (OPENAPI_KEY.test(head) || JSON_OPENAPI.test(head)) return 0.95
  // A schema whose values are listed (`enum`, `oneOf`) is read here, not as JSON records.
  if (JSON_SCHEMA.test(head)) return /["']?(?:enum|oneOf|anyOf)["']?\s*:/.test(text) ? 0.95 : 0.6
  return 0
}

type MapNode = DataNode & { kind: 'map' }

function get(node: DataNode | undefined, key: string): DataNode | undefined {
  if (node?.kind !== 'map') return undefined
  for (const e of node.entries) if (e.key === key) return e.value
  return undefined
}

function scalar(node: DataNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined
  return String(node.value)
}

interface Found {
  code: string
  text?: string
  example?: string
  line: number
}

export function parseOpenapi(text: string): PageImport {
  const deep = deepNesting(text, MAX_NESTING, `"'`)
  if (deep) throw nestingError('openapi', deep.line)
  const { tree, errorLine } = yamlTree(text)
  const builder = new PageBuilder('openapi')
  if (tree?.kind !== 'map') {
    builder.skip(errorLine ?? 1, `not a valid OpenAPI or JSON Schema document; nothing imported`)
    return builder.page
  }
  const title = scalar(get(get(tree, 'info'), 'title')) ?? scalar(get(tree, 'title'))
  if (title) builder.page.title = title
  const seen = new Set<string>()
  readPaths(builder, get(tree, 'paths'), seen)
  const schemas: [string, DataNode][] = []
  for (const holder of [
    get(tree, 'definitions'),
    get(get(tree, 'components'), 'schemas'),
    get(tree, '$defs'),
  ]) {
    if (holder?.kind === 'map') for (const e of holder.entries) schemas.push([e.key, e.value])
  }
  if (get(tree, 'properties') || get(tree, 'enum')) schemas.push([title ?? 'schema', tree])
  for (const [name, schema] of schemas) readSchema(builder, name, schema, seen)
  if (builder.page.rows.length === 0) {
    builder.skip(
      1,
      'no error codes in response descriptions (`* CODE: text`), response examples ({code, message}) or the enum of an error schema’s code field; nothing imported',
    )
  }
  return builder.page
}

function readPaths(builder: PageBuilder, paths: DataNode | undefined, seen: Set<string>): void {
  if (paths?.kind !== 'map') return
  for (const path of paths.entries) {
    if (path.value.kind !== 'map') continue
    const group = { title: path.key, line: path.line }
    for (const op of path.value.entries) {
      if (!METHODS.has(op.key.toLowerCase())) continue
      const responses = get(op.value, 'responses')
      if (responses?.kind !== 'map') continue
      for (const response of responses.entries) {
        const status = Number(response.key)
        // Success and redirect responses define no errors.
        if (/^[123]/.test(response.key)) continue
        const found = readResponse(response.value, Number.isInteger(status) ? status : undefined)
        for (const f of found) {
          const key = `${f.code}\u0000${normalizeSpace(f.text ?? f.example ?? '')}`
          if (seen.has(key)) continue
          seen.add(key)
          seen.add(f.code)
          builder.enterSection(group)
          const row: Omit<PageRow, 'group'> = { code: f.code, line: f.line }
          if (Number.isInteger(status) && status >= 400 && status <= 599) row.status = status
          const message = f.example ?? f.text
          if (message) row.message = message
          if (f.example && f.text && f.text !== f.example) row.description = f.text
          builder.addRow(row)
        }
      }
    }
  }
}

function readResponse(response: DataNode, status: number | undefined): Found[] {
  if (response.kind !== 'map') return []
  const found: Found[] = []
  const description = get(response, 'description')
  const words = scalar(description)
  if (words && description) found.push(...listedCodes(words, description.line))
  const examples: DataNode[] = []
  const swagger2 = get(response, 'examples')
  if (swagger2?.kind === 'map') for (const e of swagger2.entries) examples.push(e.value)
  const content = get(response, 'content')
  if (content?.kind === 'map') {
    for (const media of content.entries) {
      const example = get(media.value, 'example')
      if (example) examples.push(example)
      const named = get(media.value, 'examples')
      if (named?.kind === 'map') {
        for (const e of named.entries) examples.push(get(e.value, 'value') ?? e.value)
      }
    }
  }
  for (const example of examples) {
    const read = exampleError(example, status)
    if (!read) continue
    const listed = found.find((f) => f.code === read.code && f.example === undefined)
    if (listed) listed.example = read.message
    else if (!found.some((f) => f.code === read.code)) {
      found.push({
        code: read.code,
        line: read.line,
        ...(read.message ? { example: read.message } : {}),
      })
    }
  }
  return found
}

/** `* \`CODE\` : text` items of a description, continuation lines joined. */
function listedCodes(words: string, line: number): Found[] {
  const lines = words.split('\n')
  // A block scalar's text starts on the line after its key.
  const first = words.includes('\n') ? line + 1 : line
  const found: Found[] = []
  let current: { found: Found; indent: number } | undefined
  for (const [k, l] of lines.entries()) {
    const bullet = /^(\s*)[*+-]\s+(.*)$/.exec(l)
    if (bullet) {
      current = undefined
      const entry = parseEntry(bullet[2]!)
      if (entry && isProseCode(entry.code) && (entry.text || entry.title)) {
        const f: Found = { code: entry.code, text: (entry.text ?? entry.title)!, line: first + k }
        found.push(f)
        current = { found: f, indent: bullet[1]!.length }
      }
      continue
    }
    if (current && l.trim() !== '' && /^\s*/.exec(l)![0].length > current.indent) {
      current.found.text = normalizeSpace(`${current.found.text} ${l}`)
    } else current = undefined
  }
  for (const f of found) f.text = normalizeSpace(f.text!.replace(/`([^`]*)`/g, '$1'))
  return found
}

/** The code and message of an error body example, when it is one. */
function exampleError(
  node: DataNode,
  status: number | undefined,
): { code: string; message?: string; line: number } | undefined {
  // `{ "error": { "code": …, "message": … } }` and `{ "errors": [ … ] }` wrap the body.
  const candidates: DataNode[] = [node]
  if (node.kind === 'map') {
    for (const e of node.entries) {
      if (e.value.kind === 'map') candidates.push(e.value)
      if (e.value.kind === 'list' && e.value.items[0]) candidates.push(e.value.items[0])
    }
  }
  for (const body of candidates) {
    if (body.kind !== 'map') continue
    let code: { value: string; line: number } | undefined
    let message: string | undefined
    for (const e of body.entries) {
      const role = fieldRole(e.key)
      const value = scalar(e.value)
      if (value === undefined) continue
      if (role === 'code' && !code && value !== String(status) && isProseCode(value)) {
        code = { value, line: e.line }
      } else if ((role === 'message' || role === 'title' || role === 'description') && !message) {
        message = normalizeSpace(value)
      }
    }
    if (code) return { code: code.value, line: code.line, ...(message ? { message } : {}) }
  }
  return undefined
}

const CODE_PROPERTY = /^(?:code|errcode|error_?code|errorCode|errno|type|reason|error)$/i

/** Enum values of an error schema's code field, with their descriptions. */
function readSchema(builder: PageBuilder, name: string, schema: DataNode, seen: Set<string>): void {
  const properties = get(schema, 'properties')
  const fields: [string, DataNode][] = []
  if (properties?.kind === 'map') {
    for (const e of properties.entries) {
      if (CODE_PROPERTY.test(e.key)) fields.push([e.key, e.value])
      const inner = get(e.value, 'properties')
      if (inner?.kind === 'map' && /error/i.test(e.key)) {
        for (const i of inner.entries) if (CODE_PROPERTY.test(i.key)) fields.push([i.key, i.value])
      }
    }
  }
  // A schema that is itself an enum of codes (`ErrorCode: { enum: [...] }`).
  if (/error|code|reason/i.test(name) && get(schema, 'enum')) fields.push([name, schema])
  const group = { title: name, line: schema.line }
  for (const [, field] of fields) {
    const values = enumValues(field)
    if (values.length === 0) continue
    builder.enterSection(group)
    for (const v of values) {
      // A code some response already defines is the same error, listed again.
      if (seen.has(v.code)) continue
      seen.add(v.code)
      builder.addRow({
        code: v.code,
        line: v.line,
        ...(v.symbol ? { symbol: v.symbol } : {}),
        ...(v.text ? { message: v.text } : {}),
      })
    }
  }
}

function enumValues(
  field: DataNode,
): { code: string; line: number; symbol?: string; text?: string }[] {
  const out: { code: string; line: number; symbol?: string; text?: string }[] = []
  const values = get(field, 'enum')
  if (values?.kind === 'list') {
    const descriptions =
      get(field, 'x-enum-descriptions') ??
      get(field, 'x-enumDescriptions') ??
      get(field, 'x-enum-description')
    const names = get(field, 'x-enum-varnames') ?? get(field, 'x-enumNames')
    values.items.forEach((item, i) => {
      const code = scalar(item)
      if (code === undefined) return
      const text = nth(descriptions, i, code)
      const symbol = nth(names, i, code)
      out.push({ code, line: item.line, ...(text ? { text } : {}), ...(symbol ? { symbol } : {}) })
    })
    return out
  }
  for (const list of [get(field, 'oneOf'), get(field, 'anyOf')]) {
    if (list?.kind !== 'list') continue
    for (const item of list.items) {
      const code = scalar(get(item, 'const')) ?? scalar(get(get(item, 'enum'), '0'))
      if (code === undefined) continue
      const text = scalar(get(item, 'description')) ?? scalar(get(item, 'title'))
      out.push({ code, line: item.line, ...(text ? { text: normalizeSpace(text) } : {}) })
    }
  }
  return out
}

/** The i-th entry of a parallel list, or the entry keyed by the code in a map. */
function nth(node: DataNode | undefined, i: number, code: string): string | undefined {
  if (node?.kind === 'list') {
    const v = scalar(node.items[i])
    return v === undefined ? undefined : normalizeSpace(v)
  }
  if (node?.kind === 'map') {
    const v = scalar(get(node as MapNode, code))
    return v === undefined ? undefined : normalizeSpace(v)
  }
  return undefined
}
