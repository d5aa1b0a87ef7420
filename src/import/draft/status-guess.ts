// An HTTP status for an error whose page gives none, from its wording. The
// phrase found earliest in the text wins (the page's own name of the error
// comes first, so `ERROR_TOKEN_NOT_FOUND` is an auth error before it is a
// "not found"); generic validation words decide only when nothing more
// specific is said. The phrase goes in the import report so a reviewer sees
// why. Anything else is a client error, 400.

const RULES: [RegExp, number][] = [
  [/rate.?limit|too many requests|throttl|quota (?:is )?(?:exceeded|reached)|daily quota/, 429],
  [/method not allowed|unsupported http method/, 405],
  [/unsupported media type|content.?type (?:is )?(?:invalid|not supported)/, 415],
  [
    /unavailable|maintenance|temporarily|\bbusy\b|overloaded|enough resources|out of resources|try again later/,
    503,
  ],
  [/timed? ?out\b|timeout/, 504],
  [/upstream|bad gateway/, 502],
  [
    /internal|server (?:error|issue)|unexpected|unclassified|system error|exception|something went wrong|unknown error/,
    500,
  ],
  [
    /not enough credits|insufficient (?:credits?|funds|balance)|payment required|payment (?:failed|declined)|invoice not paid|outstanding invoice|top up|suspended/,
    402,
  ],
  [/already exists?|already exist\b|conflict|duplicate|identical payload/, 409],
  [
    /forbidden|permission|privilege|not allowed|access denied|not a member|no rights|not entitled|cannot access/,
    403,
  ],
  [
    /api.?key|\btoken\b|credential|signature|unauthori[sz]ed|unauthenticated|authentication|not authenticated|auth failed/,
    401,
  ],
  [
    /not found|does not exist|doesn't exist|do not exist|cannot find|can't find|could not find|cannot locate|no such|unknown (?:account|user|resource|channel|project|file)/,
    404,
  ],
]

const CLIENT_ERROR =
  /invalid|required|missing|must|malformed|bad request|not valid|validation|incorrect|expect|wrong|illegal|empty|exceed|too (?:long|large|many|short)|not supported|unsupported|cannot be|mismatch|limit/

export interface StatusGuess {
  status: number
  /** The words that decided it, or undefined for the default. */
  because?: string
}

export function guessStatus(text: string): StatusGuess {
  const lower = text.toLowerCase().replace(/_/g, ' ')
  let best: { index: number; status: number; because: string } | undefined
  for (const [pattern, status] of RULES) {
    const m = pattern.exec(lower)
    if (m && (!best || m.index < best.index)) best = { index: m.index, status, because: m[0] }
  }
  if (best) return { status: best.status, because: best.because }
  const generic = CLIENT_ERROR.exec(lower)
  return generic ? { status: 400, because: generic[0] } : { status: 400 }
}

/** Wording of a success entry (Qencode `ERROR_OK`, "0: success", PostgreSQL `successful_completion`). */
export function looksLikeSuccess(text: string, symbol?: string): boolean {
  if (symbol && /(?:^|_)(?:OK|SUCCESS|SUCCESSFUL_COMPLETION|NO_ERROR)$/.test(symbol)) return true
  return /^(?:success|successful|succeeded|ok|no error)\b|completed successfully|^all fine\b/i.test(
    text.trim(),
  )
}

// IANA-registered statuses: a group whose codes are all among these (and 0)
// uses HTTP statuses as its codes, as seed 001's top-level `code` does.
const HTTP_STATUSES = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304,
  305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,
  416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505,
  506, 507, 508, 510, 511,
])

/** Whether numeric codes are HTTP statuses: two or more, each a registered status (or 0), one an error. */
export function codesAreStatuses(codes: readonly number[]): boolean {
  const nonZero = codes.filter((c) => c !== 0)
  return (
    nonZero.length >= 2 &&
    nonZero.every((c) => HTTP_STATUSES.has(c)) &&
    nonZero.some((c) => c >= 400)
  )
}
