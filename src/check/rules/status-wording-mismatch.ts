import { errorAt, messageField } from '../locate.ts'
import type { Rule } from '../rule.ts'
import { statusCarriesMeaning } from '../status.ts'

/**
 * Phrases that name a status, and the statuses that fit them. Phrases are
 * narrow on purpose: "permission" alone is also a field name ("permission is
 * required" is a fine 400), "unavailable" alone also a plan limit.
 */
const WORDINGS: { words: RegExp; statuses: number[]; name: string }[] = [
  {
    name: 'not found',
    words: /\bnot found\b|\bdoes not exist\b|\bdoesn't exist\b|\bno such\b/,
    statuses: [404, 410],
  },
  {
    name: 'unauthenticated',
    words:
      /\bunauthenticated\b|\bnot authenticated\b|\bauthentication (?:failed|required|is required|error)\b/,
    statuses: [401, 407],
  },
  {
    // HTTP names 401 "Unauthorized", but APIs say "unauthorized access" for
    // missing permissions (403) just as often (Gengo 2100, 2200, 2600).
    name: 'unauthorized',
    words: /\bunauthori[sz]ed\b/,
    statuses: [401, 403, 407],
  },
  {
    name: 'forbidden',
    words:
      /\bforbidden\b|\bpermission denied\b|\bno permission\b|\binsufficient permissions?\b|\b(?:do|does|did) not have (?:the )?permissions?\b|\baccess (?:is )?denied\b|\bnot permitted\b/,
    statuses: [403],
  },
  {
    name: 'rate limited',
    words: /\brate[- ]limit(?:ed|s)?\b|\btoo many requests\b/,
    statuses: [429, 503],
  },
  {
    name: 'conflict',
    words: /\bconflicts?\b|\bconflicting\b|\balready exists?\b/,
    statuses: [409, 412, 422],
  },
  {
    name: 'unavailable',
    words:
      /\b(?:service|server|system|upstream|backend) (?:is )?(?:temporarily |currently )?unavailable\b|\btemporarily unavailable\b/,
    statuses: [502, 503, 504],
  },
]

/** Statuses the wording suggests, when the text names one and the status fits none of them. */
export function wordingMismatch(text: string, status: number): string[] | undefined {
  const lower = text.toLowerCase()
  const named = WORDINGS.filter((w) => w.words.test(lower))
  if (named.length === 0 || named.some((w) => w.statuses.includes(status))) return undefined
  // Quote the words the text uses ("not permitted"), not the category's name.
  return named.map((w) => `"${lower.match(w.words)![0]}" (${w.statuses.join('/')})`)
}

export const statusWordingMismatch: Rule = {
  id: 'status-wording-mismatch',
  severity: 'warning',
  description:
    'The title or message names a status that the error does not have: "not found" on a 400, "authentication failed" on a 403, "rate limit" on a 400, "already exists" on a 500, "service unavailable" on a 500. Clients and proxies act on the status, people on the words.',
  hint: 'Fix the status (404 for not found, 401 for authentication, 403 for permission, 409 for conflicts, 429 for rate limits, 503 for unavailability) or reword the message.',
  check(catalog, report) {
    for (const error of catalog.errors) {
      if (error.status < 400 || !statusCarriesMeaning(catalog, error)) continue
      const inMessage = wordingMismatch(error.message, error.status)
      // Without a `message`, the message is the title: checked once.
      const inTitle =
        error.title !== error.message ? wordingMismatch(error.title, error.status) : undefined
      const suggested = inMessage ?? inTitle
      if (!suggested) continue
      const { field, at } = inMessage
        ? messageField(catalog, error)
        : { field: 'title', at: errorAt(catalog, error, 'title') }
      report({
        message: `${error.symbol} has status ${error.status}, but its ${field} says ${suggested.join(' and ')}`,
        at,
        error,
      })
    }
  },
}
