// Protocol Buffers: the values of enums (`NOT_FOUND = 5;`), with the comment
// lines directly above a value (or after it on its line) as its message, and
// the enum's name as the group. A file that names some enums as errors
// (`AuthenticationError`, `ErrorCode`, `Status`) keeps only those; messages,
// services and other enums are not errors. One pass over the text, with a
// stack of open blocks instead of recursion, so nesting depth costs nothing.

import type { Importer, PageGroup, PageImport } from '../find/page.ts'
import { PageBuilder } from '../find/page-builder.ts'
import { normalizeSpace, splitLines } from '../find/text.ts'

export const protoImporter: Importer = { format: 'proto', detect: detectProto, parse: parseProto }

const ENUM_OPEN = /^\s*enum\s+([A-Za-z_]\w*)\s*\{/
const BLOCK_OPEN = /^\s*(?:message|service|oneof|extend)\s+[A-Za-z_.]\w*\s*\{/
const VALUE =
  /^\s*([A-Za-z_]\w*)\s*=\s*(-?(?:0x[0-9A-Fa-f]+|\d+))\s*(?:\[[^\]]*\])?\s*;\s*(?:\/\/\s?(.*))?$/
const ERROR_NAME = /error|status|code|reason|fault|failure|exception/i

export function detectProto(text: string): number {
  const head = text.slice(0, 20_000)
  const syntax = /^\s*(?:syntax|edition)\s*=\s*"(?:proto[23]|\d{4})"\s*;/m.test(head)
  const enums = /^\s*enum\s+\w+\s*\{/m.test(head)
  const values = (head.match(/^\s*[A-Z_][A-Z0-9_]*\s*=\s*-?\d+\s*(?:\[[^\]]*\])?\s*;/gm) ?? [])
    .length
  if (syntax && enums) return 0.95
  if (enums && values >= 2) return 0.85
  if (syntax || /^\s*package\s+[\w.]+\s*;/m.test(head)) return 0.4
  return 0
}

interface Value {
  code: string
  symbol: string
  message?: string
  line: number
  group: PageGroup
}

export function parseProto(text: string): PageImport {
  const lines = splitLines(text)
  const stack: (PageGroup | undefined)[] = []
  const values: Value[] = []
  let comment: string[] = []
  let inBlockComment = false
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!
    if (inBlockComment) {
      const end = line.indexOf('*/')
      comment.push(line.slice(0, end === -1 ? undefined : end).replace(/^\s*\*?\s?/, ''))
      if (end === -1) continue
      inBlockComment = false
      line = line.slice(end + 2)
    }
    const trimmed = line.trim()
    if (trimmed === '') {
      comment = []
      continue
    }
    const lineComment = /^\/\/\/?\s?(.*)$/.exec(trimmed)
    if (lineComment) {
      comment.push(lineComment[1]!)
      continue
    }
    if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/')
      comment = [trimmed.slice(2, end === -1 ? undefined : end).replace(/^\*?\s?/, '')]
      if (end === -1) inBlockComment = true
      continue
    }
    const open = ENUM_OPEN.exec(line)
    const enumGroup = stack[stack.length - 1]
    if (open) {
      stack.push({ title: open[1]!, line: i + 1 })
    } else if (BLOCK_OPEN.test(line)) {
      stack.push(undefined)
    } else if (enumGroup) {
      const value = VALUE.exec(line)
      if (value) {
        const text = [...comment, value[3] ?? ''].map((c) => c.trim()).filter(Boolean)
        const message = normalizeSpace(text.join(' '))
        values.push({
          code: value[2]!,
          symbol: value[1]!,
          line: i + 1,
          group: enumGroup,
          ...(message ? { message } : {}),
        })
      }
    }
    // Braces that close blocks (a value's options never hold any).
    const closes = (line.replace(/"(?:[^"\\]|\\.)*"|\/\/.*$/g, '').match(/\}/g) ?? []).length
    for (let k = 0; k < closes && stack.length > 0; k++) stack.pop()
    comment = []
  }

  const builder = new PageBuilder('proto')
  const errorEnums = new Set(
    values.filter((v) => ERROR_NAME.test(v.group.title)).map((v) => v.group),
  )
  for (const v of values) {
    if (errorEnums.size > 0 && !errorEnums.has(v.group)) continue
    builder.enterSection(v.group)
    builder.addRow({
      code: v.code,
      symbol: v.symbol,
      line: v.line,
      ...(v.message ? { message: v.message } : {}),
    })
  }
  const left = values.filter((v) => errorEnums.size > 0 && !errorEnums.has(v.group))
  for (const title of new Set(left.map((v) => v.group))) {
    builder.skip(
      title.line,
      `enum ${title.title} is not an error enum (others in the file are named as errors); skipped`,
    )
  }
  if (values.length === 0) builder.skip(1, 'no enum values found; nothing imported')
  return builder.page
}
