// Seed 001's plain-text table lost its cell borders: `100301Invalid request
// parametersInvalid request parameters (missing required fields, …)` is code,
// message and description run together. The description usually repeats or
// extends the message, so the split is where the rest starts repeating the
// start (case-insensitively); failing that, at a lowercase→capital boundary,
// which is where one cell ended and the next began.

export interface RunTogether {
  message: string
  description?: string
  /** How the split was found: `repeat` is certain, `capital` a guess, `none` no split. */
  how: 'repeat' | 'capital' | 'none'
}

const UPPER = /\p{Lu}/u
const BEFORE = /[\p{Ll}\d).'"’]/u
const WORD_START = /^\p{Lu}\p{Ll}+[\s,]/u
// A message cell is a short sentence: look for the boundary in the first
// characters only, and compare repeats over a bounded length, so the work
// stays linear whatever the input.
const MAX_MESSAGE = 400
const MAX_REPEAT = 200

/** Case-insensitive length of the common prefix of `text` and `text.slice(at)`, at most `at`. */
function repeatLength(lower: string, at: number): number {
  let n = 0
  while (n < at && n < MAX_REPEAT && at + n < lower.length && lower[n] === lower[at + n]) n++
  return n
}

export function splitRunTogether(text: string): RunTogether {
  const trimmed = text.trim()
  const lower = trimmed.toLowerCase()
  const candidates: number[] = []
  for (let i = 1; i < Math.min(trimmed.length, MAX_MESSAGE); i++) {
    if (UPPER.test(trimmed[i]!) && BEFORE.test(trimmed[i - 1]!)) candidates.push(i)
  }
  if (candidates.length === 0) return { message: trimmed, how: 'none' }
  let best = -1
  let bestLength = 0
  for (const i of candidates) {
    const length = repeatLength(lower, i)
    if (length > bestLength) {
      best = i
      bestLength = length
    }
  }
  // A repeat of a word or more ("Too many " in "…categoryToo many QR codes").
  const repeat = best > 0 && (bestLength >= 4 || bestLength === best)
  const at = repeat
    ? best
    : (candidates.find((i) => WORD_START.test(trimmed.slice(i))) ?? candidates[0]!)
  const message = trimmed.slice(0, at).trim()
  const description = trimmed.slice(at).trim()
  return { message, ...(description ? { description } : {}), how: repeat ? 'repeat' : 'capital' }
}
