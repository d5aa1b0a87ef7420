// Symbols (UPPER_SNAKE_CASE) for imported errors: the page's own name when it
// has one (`ERROR_BAD_TOKEN`, `successful_completion`, `NoSuchKey`), else the
// string code (`invalid_request`), else a few words of the message.
import { trimRuns } from '../../text/trim.ts'

// Words that add length but no meaning to a symbol; "not", "must", "be" stay.
const STOPWORDS = new Set(
  'a an the please is are was were currently this that these those your our its their we you'.split(
    ' ',
  ),
)
// A symbol cut short must not end on a word that announces more.
const DANGLING = new Set(
  'of to for in on at by with and or from into during but does do not must be can cannot should will has have no'.split(
    ' ',
  ),
)
// Long phrases that error messages repeat, said in fewer words.
const PHRASES: [RegExp, string][] = [
  [
    /\b(?:(?:does|do|did) not|doesn't|don't) exist\b|\b(?:was|is|could|can) ?not be found\b/gi,
    'not found',
  ],
  [/\bmust not be (?:null|empty)(?: or (?:an )?empty(?: string| value)?)?/gi, 'required'],
  [/\bis (?:a )?required(?: field)?\b/gi, 'required'],
  [/\b(?:insufficient|not enough) privileges to access\b/gi, 'no access to'],
]
const MAX_WORDS = 6
const MAX_LENGTH = 48

/** `NoSuchKey` → `NO_SUCH_KEY`, `successful_completion` → `SUCCESSFUL_COMPLETION`, `HTTPError` → `HTTP_ERROR`. */
export function toUpperSnake(name: string): string | undefined {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    // A lookahead rather than `([A-Z]+)([A-Z][a-z])`, which backtracks over long capital runs.
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1_')
    .replace(/[^A-Za-z0-9]+/g, '_')
  const snake = trimRuns(words, '_').toUpperCase()
  if (snake === '') return undefined
  return /^[0-9]/.test(snake) ? `ERR_${snake}` : snake
}

/** A short symbol from a message: its first sentence, parentheses dropped, at most six words. */
export function symbolFromText(text: string): string | undefined {
  let sentence = text
  for (const [pattern, short] of PHRASES) sentence = sentence.replace(pattern, short)
  sentence = sentence
    .replace(/`/g, '')
    .replace(/\([^()]{0,200}\)/g, ' ')
    .split(/[.!?](?:\s|$)/)[0]!
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
  const words = sentence
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '' && !STOPWORDS.has(w.toLowerCase()))
  const kept: string[] = []
  let length = 0
  for (const word of words) {
    if (kept.length >= MAX_WORDS || (kept.length > 0 && length + word.length + 1 > MAX_LENGTH))
      break
    kept.push(word.toUpperCase())
    length += word.length + 1
  }
  while (kept.length > 1 && DANGLING.has(kept[kept.length - 1]!.toLowerCase())) kept.pop()
  if (kept.length === 0) return undefined
  const symbol = kept.join('_')
  return /^[0-9]/.test(symbol) ? `ERR_${symbol}` : symbol
}

export interface SymbolRequest {
  /** The symbol the page gave, or one derived from its string code: kept as is when unique. */
  given?: string
  /** A symbol derived from the message: suffixed with the code on any collision. */
  derived?: string
  /** Fallback and collision suffix: the code as the page showed it. */
  code: string
}

/**
 * Unique symbols for a list of errors. A page's own names win; derived names
 * that collide (Seven Bridges' three "Requested file does not exist.") all
 * get their code appended, so none looks like the "real" one.
 */
export function assignSymbols(requests: readonly SymbolRequest[]): string[] {
  const suffix = (code: string) =>
    toUpperSnake(code.replace(/^-/, 'MINUS_'))?.replace(/^ERR_/, '') ?? 'X'
  const bases = requests.map((r) => r.given ?? r.derived ?? `ERR_${suffix(r.code)}`)
  const counts = new Map<string, number>()
  for (const b of bases) counts.set(b, (counts.get(b) ?? 0) + 1)
  const used = new Set<string>()
  // Next free `_N` per symbol, so a thousand identical names stay linear.
  const next = new Map<string, number>()
  const seenGiven = new Set<string>()
  const result: string[] = []
  for (const [i, request] of requests.entries()) {
    let symbol = bases[i]!
    if (counts.get(symbol)! > 1) {
      const isGiven = request.given !== undefined
      // A code that is the symbol itself (a repeated key) adds nothing: those get `_2`, `_3`.
      const tail = suffix(request.code)
      if ((!isGiven || seenGiven.has(symbol)) && tail !== symbol) symbol = `${symbol}_${tail}`
      if (isGiven) seenGiven.add(bases[i]!)
    }
    let unique = symbol
    let n = next.get(symbol) ?? 2
    while (used.has(unique)) unique = `${symbol}_${n++}`
    next.set(symbol, n)
    used.add(unique)
    result.push(unique)
  }
  return result
}
