// ICU AST (formatjs, parsed at build time) → the compact runtime message
// (src/runtime/message.ts): literals as plain strings, adjacent literals
// merged, simple styles and `::` skeletons resolved to Intl options.

import type { Message, MessagePart } from '@errcat/runtime/internal/message'
import { type MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser'
import { parseMessage } from '../catalog/message.ts'

/** Parses and converts an ICU template; throws on invalid syntax (the loader has reported it). */
export function compileMessage(template: string): Message {
  const parsed = parseMessage(template)
  if (!parsed.ok) throw new Error(`invalid ICU message: ${parsed.reason}`)
  return toMessage(parsed.ast)
}

function toMessage(ast: MessageFormatElement[]): Message {
  const parts: MessagePart[] = []
  for (const element of ast) {
    const part = toPart(element)
    const last = parts[parts.length - 1]
    if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part
    else parts.push(part)
  }
  if (parts.length === 0) return ''
  return parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : parts
}

function toPart(element: MessageFormatElement): MessagePart {
  switch (element.type) {
    case TYPE.literal:
      return element.value
    case TYPE.argument:
      return { type: 'arg', name: element.value }
    case TYPE.number: {
      const style = element.style
      if (!style) return { type: 'number', name: element.value }
      if (typeof style === 'string') {
        const options = Object.hasOwn(NUMBER_STYLES, style) ? NUMBER_STYLES[style] : undefined
        return options
          ? { type: 'number', name: element.value, options }
          : { type: 'number', name: element.value }
      }
      const { scale, ...options } = style.parsedOptions
      return {
        type: 'number',
        name: element.value,
        options: options as Intl.NumberFormatOptions,
        ...(scale !== undefined && scale !== 1 ? { scale } : {}),
      }
    }
    case TYPE.date:
    case TYPE.time: {
      const type = element.type === TYPE.date ? 'date' : 'time'
      const style = element.style
      if (!style) return { type, name: element.value }
      const options =
        typeof style === 'string'
          ? DATE_STYLES.has(style)
            ? type === 'date'
              ? { dateStyle: style as Intl.DateTimeFormatOptions['dateStyle'] }
              : { timeStyle: style as Intl.DateTimeFormatOptions['timeStyle'] }
            : undefined
          : (style.parsedOptions as Intl.DateTimeFormatOptions)
      return options ? { type, name: element.value, options } : { type, name: element.value }
    }
    case TYPE.plural:
      return {
        type: 'plural',
        name: element.value,
        ...(element.offset ? { offset: element.offset } : {}),
        ...(element.pluralType === 'ordinal' ? { ordinal: true } : {}),
        cases: toCases(element.options),
      }
    case TYPE.select:
      return { type: 'select', name: element.value, cases: toCases(element.options) }
    case TYPE.pound:
      return { type: 'pound' }
    case TYPE.tag:
      // parseMessage sets `ignoreTag`, so `<b>` is literal text and this cannot happen.
      throw new Error(`unexpected tag <${element.value}> in a message`)
  }
}

function toCases(options: Record<string, { value: MessageFormatElement[] }>) {
  const cases: Record<string, Message> = {}
  for (const [key, option] of Object.entries(options)) cases[key] = toMessage(option.value)
  return cases
}

/** ICU's predefined number styles (`{n, number, percent}`). */
const NUMBER_STYLES: Record<string, Intl.NumberFormatOptions> = {
  integer: { maximumFractionDigits: 0 },
  percent: { style: 'percent' },
}

/** ICU's predefined date and time styles map onto Intl's `dateStyle`/`timeStyle`. */
const DATE_STYLES = new Set(['short', 'medium', 'long', 'full'])
