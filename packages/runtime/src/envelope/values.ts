// How rendered values become a response's status and header values: shared by
// the generated writer's helpers (../envelope.ts), the interpreter (errcat's
// compileEnvelope) and the reader, so all three treat odd values alike.
import { textOf } from './render.ts'

/** A status from a template: an integer from 100 to 599, or its digits as text. */
export function asStatus(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : value
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined
}

const UNSAFE_HEADER_CHARS = /[^\t\x20-\x7e]/

/**
 * Header values cannot hold line breaks (they would split the response: header
 * injection) nor text outside Latin-1 (Node and fetch reject it): breaks become
 * spaces, other control characters go, non-ASCII text is percent-encoded.
 */
export function headerValue(value: unknown): string {
  const text = typeof value === 'string' ? value : textOf(value)
  if (!UNSAFE_HEADER_CHARS.test(text)) return text
  return text.replace(/[\r\n]+/g, ' ').replace(/[^\t\x20-\x7e]/gu, (c) => {
    if (c < ' ' || c === '\x7f') return ''
    try {
      return encodeURIComponent(c)
    } catch {
      return '' // a lone surrogate
    }
  })
}
