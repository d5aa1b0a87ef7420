// The placeholders of an error's message or of a translation, for the rules
// that compare them with params and translations. The loader parsed every
// message and kept its placeholders; a catalog built by hand (tests, tools)
// may lack them, and then the message is parsed here.
import { type Placeholder, parseMessage } from '../catalog/message.ts'
import type { LoadedError, LoadedTranslation } from '../catalog/model.ts'

/** The placeholders of a message, or undefined when it does not parse (the loader reports that). */
export function placeholdersOf(owner: LoadedError | LoadedTranslation): Placeholder[] | undefined {
  if (owner.placeholders) return owner.placeholders
  if (!owner.message.includes('{')) return []
  const parsed = parseMessage(owner.message)
  return parsed.ok ? parsed.placeholders : undefined
}

/** `{a}, {b}` for messages. */
export function listPlaceholders(names: Iterable<string>): string {
  return [...names].map((n) => `{${n}}`).join(', ')
}

/**
 * The text of a message outside its placeholders: `{detail}` has none,
 * `Token {hint} is not valid` has "Token  is not valid". Plural and select
 * cases count as placeholders here; this is for telling wording from
 * pass-through messages, not for rendering.
 */
export function literalText(message: string): string {
  let depth = 0
  let out = ''
  for (const char of message) {
    if (char === '{') depth++
    else if (char === '}') depth = Math.max(0, depth - 1)
    else if (depth === 0) out += char
  }
  return out
}
