// A single linear pass over JSON text that JSON.parse cannot give: where a
// syntax error is (line and column, on every Node version), and on which line
// each element of one chosen array or object starts, so imported errors point
// back into the file. Iterative, so deep nesting cannot overflow the stack.

import { lineLocator } from '../find/text.ts'

export type JsonPath = readonly (string | number)[]

export interface JsonSyntaxError {
  message: string
  line: number
  column: number
}

export interface ScanResult {
  error?: JsonSyntaxError
  /** Elements of the container at `target`, in file order: array index or object key, and line. */
  elements: { key: string | number; line: number }[]
  /** Object keys of the target that appear more than once, with the line of each repeat. */
  duplicates: { key: string; line: number }[]
}

interface Frame {
  kind: 'array' | 'object'
  /** Current element: array index, or the last object key read. */
  key: string | number
  isTarget: boolean
  seen?: Set<string>
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
const WHITESPACE = /[ \t\n\r]*/y

export function scanJson(text: string, target: JsonPath = []): ScanResult {
  const result: ScanResult = { elements: [], duplicates: [] }
  const offsets: { key: string | number; offset: number }[] = []
  const duplicateOffsets: { key: string; offset: number }[] = []
  const stack: Frame[] = []
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0

  const skipWhitespace = () => {
    WHITESPACE.lastIndex = pos
    WHITESPACE.exec(text)
    pos = WHITESPACE.lastIndex
  }
  const fail = (message: string): ScanResult => {
    const { line, column } = lineAndColumn(text, pos)
    result.error = { message, line, column }
    return result
  }
  // Reads a string starting at `pos` (on its quote); returns its raw slice, or undefined.
  const readString = (): string | undefined => {
    const start = pos
    pos++
    while (pos < text.length) {
      const c = text.charCodeAt(pos)
      if (c === 0x22) {
        pos++
        return text.slice(start, pos)
      }
      if (c === 0x5c) {
        const escaped = text[pos + 1] ?? ''
        if (escaped === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(pos + 2, pos + 6))) return undefined
          pos += 6
        } else if ('"\\/bfnrt'.includes(escaped) && escaped !== '') pos += 2
        else return undefined
      } else if (c < 0x20) return undefined
      else pos++
    }
    return undefined
  }
  const enterValue = () => {
    const parent = stack[stack.length - 1]
    if (parent?.isTarget) offsets.push({ key: parent.key, offset: pos })
  }
  const opensTarget = () =>
    stack.length === target.length && stack.every((f, i) => f.key === target[i])

  // Expect a value, then unwind the containers that close after it.
  for (;;) {
    skipWhitespace()
    if (pos >= text.length) return fail('unexpected end of input, a value was expected')
    enterValue()
    const c = text[pos]!
    let opened = false
    if (c === '{' || c === '[') {
      const frame: Frame = {
        kind: c === '{' ? 'object' : 'array',
        key: 0,
        isTarget: opensTarget(),
      }
      pos++
      skipWhitespace()
      if (text[pos] === (c === '{' ? '}' : ']')) {
        pos++
      } else {
        stack.push(frame)
        if (frame.kind === 'object') {
          const error = readKey(frame)
          if (error) return fail(error)
        }
        opened = true
      }
    } else if (c === '"') {
      if (readString() === undefined) return fail('unterminated string or bad escape in a string')
    } else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null'
      if (!text.startsWith(word, pos))
        return fail(`unexpected ${describe(c)}, a value was expected`)
      pos += word.length
    } else {
      NUMBER.lastIndex = pos
      if (!NUMBER.test(text)) return fail(`unexpected ${describe(c)}, a value was expected`)
      pos = NUMBER.lastIndex
    }
    if (opened) continue

    // After a value: `,` continues the innermost container, its closer ends it.
    for (;;) {
      const frame = stack[stack.length - 1]
      skipWhitespace()
      if (!frame) {
        if (pos < text.length)
          return fail(`unexpected ${describe(text[pos]!)} after the end of the JSON value`)
        result.elements = toLines(text, offsets)
        result.duplicates = toLines(text, duplicateOffsets) as { key: string; line: number }[]
        return result
      }
      const closer = frame.kind === 'object' ? '}' : ']'
      if (pos >= text.length) return fail(`unexpected end of input, \`${closer}\` was expected`)
      if (text[pos] === ',') {
        pos++
        if (frame.kind === 'array') {
          frame.key = (frame.key as number) + 1
        } else {
          skipWhitespace()
          const error = readKey(frame)
          if (error) return fail(error)
        }
        break
      }
      if (text[pos] === closer) {
        pos++
        stack.pop()
        continue
      }
      return fail(`unexpected ${describe(text[pos]!)}, \`,\` or \`${closer}\` was expected`)
    }
  }

  // Reads `"key":` into the frame; returns an error message on failure.
  function readKey(frame: Frame): string | undefined {
    if (text[pos] !== '"') {
      return pos >= text.length
        ? 'unexpected end of input, an object key was expected'
        : `unexpected ${describe(text[pos]!)}, an object key in double quotes was expected`
    }
    const keyOffset = pos
    const raw = readString()
    if (raw === undefined) return 'unterminated string or bad escape in a key'
    // Keys only matter on the way to the target and inside it.
    if (frame.isTarget || stack.length <= target.length) {
      const key = decodeKey(raw)
      frame.key = key
      if (frame.isTarget) {
        frame.seen ??= new Set()
        if (frame.seen.has(key)) duplicateOffsets.push({ key, offset: keyOffset })
        frame.seen.add(key)
      }
    }
    skipWhitespace()
    if (text[pos] !== ':') {
      return pos >= text.length
        ? 'unexpected end of input, `:` was expected'
        : `unexpected ${describe(text[pos]!)}, \`:\` was expected after the key`
    }
    pos++
    return undefined
  }
}

function decodeKey(raw: string): string {
  try {
    return JSON.parse(raw) as string
  } catch {
    return raw.slice(1, -1)
  }
}

function describe(c: string): string {
  return /[\x21-\x7e]/.test(c)
    ? `\`${c}\``
    : `character U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

function toLines<K>(
  text: string,
  offsets: readonly { key: K; offset: number }[],
): { key: K; line: number }[] {
  if (offsets.length === 0) return []
  const lineOf = lineLocator(text)
  return offsets.map(({ key, offset }) => ({ key, line: lineOf(offset) }))
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const line = lineLocator(text)(offset)
  const lineStart =
    Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1
  return { line, column: offset - lineStart + 1 }
}
