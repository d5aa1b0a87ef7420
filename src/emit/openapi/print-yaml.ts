// YAML text of the standalone OpenAPI document: plain JSON data (objects,
// arrays, strings, finite numbers, booleans, null), so a small writer
// suffices. The yaml package's Document builds a node per value first: on
// the document of 10,000 errors it took six times as long as this writer, and
// most of the time of the whole target. (A merge still edits the user's
// document with the yaml package, which keeps its layout.)
//
// What it writes reads the same with YAML 1.2 and 1.1 parsers: a string is
// plain only when no parser could take it for anything else (a number, a
// boolean, `null`, `~`, `<<`, an indicator), else double-quoted with JSON's
// escapes (valid YAML ones), plus escapes for what YAML does not allow
// unescaped; multi-line text is a literal block when it can be one. Small
// collections that fit on a line are written in flow style, `{ const: 400 }`.

import { trimEndRun } from '../../text/trim.ts'

/** Longest line a flow collection may make, indentation and key included. */
const FLOW_WIDTH = 80

export function printYaml(value: unknown): string {
  if (isCollection(value) && !isEmpty(value)) return block(value, '', '')
  return `${inline(value, false)}\n`
}

type Json = Record<string, unknown> | unknown[]

/** The entries of a collection, one per line; the first one's line starts with `first`. */
function block(value: Json, indent: string, first: string): string {
  let text = ''
  let lead = first
  if (Array.isArray(value)) {
    for (const item of value) {
      text += entry(`${lead}-`, item === undefined ? null : item, indent)
      lead = indent
    }
  } else {
    for (const key in value) {
      const item = value[key]
      if (item === undefined) continue
      text += entry(`${lead}${mappingKey(key, indent)}:`, item, indent)
      lead = indent
    }
  }
  return text
}

/** One `key: value` or `- value`, its value on the line or in a block below. */
function entry(head: string, item: unknown, indent: string): string {
  const inner = `${indent}  `
  if (!isCollection(item) || isEmpty(item)) {
    if (typeof item === 'string' && item.includes('\n')) {
      const literal = literalBlock(item, inner)
      if (literal) return `${head} ${literal}`
    }
    return `${head} ${inline(item, false)}\n`
  }
  const flowText = flow(item, FLOW_WIDTH - head.length - 1)
  if (flowText !== undefined) return `${head} ${flowText}\n`
  // `- key: value`: the first member shares the dash's line, the others align with it.
  if (head.endsWith('-') && !Array.isArray(item)) return block(item, inner, `${head} `)
  return `${head}\n${block(item, inner, inner)}`
}

/** A key as written before its `:`; YAML limits implicit keys to 1024 characters. */
function mappingKey(key: string, indent: string): string {
  const text = scalar(key, false)
  return text.length <= 1024 ? text : `? ${text}\n${indent}`
}

/** The collection in flow style if it fits in `budget` characters, else undefined. */
function flow(value: unknown, budget: number): string | undefined {
  if (!isCollection(value)) {
    const text = inline(value, true)
    return text.length <= budget ? text : undefined
  }
  if (isEmpty(value)) return Array.isArray(value) ? '[]' : '{}'
  const parts: string[] = []
  // `{ ` and ` }`, or `[` and `]`, then `, ` between members.
  let left = budget - (Array.isArray(value) ? 2 : 4)
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = flow(item === undefined ? null : item, left)
      if (text === undefined) return undefined
      parts.push(text)
      left -= text.length + 2
    }
    return left + 2 >= 0 ? `[${parts.join(', ')}]` : undefined
  }
  for (const key in value) {
    const item = value[key]
    if (item === undefined) continue
    const name = scalar(key, true)
    const text = flow(item, left - name.length - 2)
    if (text === undefined) return undefined
    parts.push(`${name}: ${text}`)
    left -= name.length + text.length + 4
  }
  return left + 2 >= 0 ? `{ ${parts.join(', ')} }` : undefined
}

function inline(value: unknown, inFlow: boolean): string {
  if (typeof value === 'string') return scalar(value, inFlow)
  if (typeof value === 'number') return number(value)
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return '[]'
  if (typeof value === 'object' && value !== null) return '{}'
  return 'null'
}

function number(value: number): string {
  if (!Number.isFinite(value)) return 'null' // as JSON.stringify has it
  const text = String(value)
  // YAML 1.1 reads `1e+21` as a string: its floats have a dot.
  return /^-?\d+e/.test(text) ? text.replace('e', '.0e') : text
}

// Keys and many values repeat thousands of times (`type`, `const`, the request id).
const blockScalars = new Map<string, string>()
const flowScalars = new Map<string, string>()
const MEMO_LIMIT = 100_000

/** A string as a plain scalar when that is safe, else double-quoted. */
export function scalar(text: string, inFlow: boolean): string {
  const memo = inFlow ? flowScalars : blockScalars
  let written = memo.get(text)
  if (written === undefined) {
    written = isPlainSafe(text, inFlow) ? text : doubleQuoted(text)
    if (memo.size >= MEMO_LIMIT) memo.clear()
    memo.set(text, written)
  }
  return written
}

// Characters a plain scalar may hold: printable, no line breaks, no escapes
// needed (no tab, DEL, C1 controls, NEL, LS/PS, BOM, U+FFFE/F, surrogates).
const PLAIN_CHARS = /^[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]+$/
// A first character that is an indicator, or starts a number, or a space.
const UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`+.0-9 ]/
// YAML 1.1 booleans and nulls (1.2's are among them), and the merge and value keys.
const RESERVED =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|<<|=)$/
// Flow indicators, and `:`, which some YAML 1.1 parsers reject in a flow collection's plain scalars.
const FLOW_UNSAFE = /[,[\]{}:]/

function isPlainSafe(text: string, inFlow: boolean): boolean {
  return (
    PLAIN_CHARS.test(text) &&
    !UNSAFE_START.test(text) &&
    !text.endsWith(' ') &&
    !text.endsWith(':') &&
    !text.includes(': ') &&
    !text.includes(' #') &&
    !RESERVED.test(text) &&
    !(inFlow && FLOW_UNSAFE.test(text))
  )
}

// JSON's escapes are YAML's; these characters JSON leaves as they are, but a
// YAML stream may not hold them unescaped (or a 1.1 parser reads a line break).
const YAML_ESCAPE = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g

function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(
    YAML_ESCAPE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/**
 * Multi-line text as a literal block (`|-`, `|`, or `|+` by its final line
 * breaks), lines indented by `indent`; undefined when one cannot hold it as it
 * is: characters that need escapes, a first line that starts with a space
 * (the block's indentation would be misread), trailing spaces.
 */
function literalBlock(text: string, indent: string): string | undefined {
  const body = trimEndRun(text, '\n')
  const breaks = text.length - body.length
  const lines = body.split('\n')
  const first = lines.find((line) => line !== '')
  if (first === undefined || first.startsWith(' ')) return undefined
  for (const line of lines) {
    if (line === '') continue
    if (!PLAIN_CHARS.test(line) || line.endsWith(' ')) return undefined
  }
  const chomp = breaks === 0 ? '-' : breaks === 1 ? '' : '+'
  const trailing = '\n'.repeat(Math.max(0, breaks - 1))
  return `|${chomp}\n${lines.map((line) => (line === '' ? '\n' : `${indent}${line}\n`)).join('')}${trailing}`
}

function isCollection(value: unknown): value is Json {
  return typeof value === 'object' && value !== null
}

function isEmpty(value: Json): boolean {
  if (Array.isArray(value)) return value.length === 0
  for (const key in value) if (value[key] !== undefined) return false
  return true
}
