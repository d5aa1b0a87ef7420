// Titles are short, stable summaries: the first sentence of the message, or
// the page's name of the error in words.
import { trimEndWhile } from '../../text/trim.ts'
import { normalizeSpace } from '../find/text.ts'

/** What a cut title should not end with. */
const isTrailingPunctuation = (char: string) => /[\s,;:]/.test(char)

const MAX = 80
// Where a long first sentence can end early without losing its point.
const BREAK = /\s\(|,\s(?:but|or|and|e\.g\.|i\.e\.|which|because)\s|;\s|\s[—–-]\s/

function capitalize(text: string): string {
  // Only plain words: `api_sig is required` and `iOS` keep their spelling.
  return /^[a-z]+\b(?![_\d])/.test(text) && !/^[a-z]+[A-Z]/.test(text)
    ? text[0]!.toUpperCase() + text.slice(1)
    : text
}

export function summarize(message: string): string {
  const text = normalizeSpace(message)
  const end = /[.!?](?=\s+[A-Z(`"']|$)/.exec(text)
  let first = (end ? text.slice(0, end.index) : text).trim()
  if (first.length > 60) {
    const brk = BREAK.exec(first)
    if (brk && brk.index >= 15)
      first = trimEndWhile(first.slice(0, brk.index), isTrailingPunctuation)
  }
  if (first.length > MAX) {
    const cut = first.lastIndexOf(' ', MAX - 1)
    first = `${trimEndWhile(first.slice(0, cut > 20 ? cut : MAX - 1), isTrailingPunctuation)}…`
  }
  return capitalize(first)
}

/** `SUCCESSFUL_COMPLETION` → `Successful completion`. */
export function humanize(symbol: string): string {
  const words = symbol.toLowerCase().split('_').filter(Boolean).join(' ')
  return capitalize(words)
}
