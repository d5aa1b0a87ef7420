// Response headers as a plain record with lower-case names, from a fetch
// `Headers`, a Node-style record or pairs, and the one header the parser
// itself reads for retries: `Retry-After` (RFC 9110 §10.2.3).

export type HeadersInput =
  | { forEach(callback: (value: string, name: string) => void): void }
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | Iterable<readonly [string, string]>

/** Never throws: anything that is not a header source gives no headers. */
export function headerRecord(input: HeadersInput | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  const add = (name: unknown, value: unknown) => {
    if (typeof name !== 'string') return
    const text = Array.isArray(value) ? value.join(', ') : value
    if (typeof text === 'string') out[name.toLowerCase()] = text
  }
  try {
    if (!input || typeof input !== 'object') return out
    if (typeof (input as { forEach?: unknown }).forEach === 'function' && !Array.isArray(input))
      (input as { forEach(cb: (v: string, n: string) => void): void }).forEach((v, n) => {
        add(n, v)
      })
    else if (Symbol.iterator in input)
      for (const pair of input as Iterable<readonly [string, string]>) add(pair[0], pair[1])
    else for (const [name, value] of Object.entries(input)) add(name, value)
  } catch {
    // A hostile header source: what was read so far stands.
  }
  return out
}

/** `Retry-After` in seconds (a delay, or an HTTP date measured from `now`), else undefined. */
export function retryAfterSeconds(value: string | undefined, now: number): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text)
  // An HTTP date names its day and month; Date.parse also takes `-5` or `2024` as dates.
  if (!/[a-z]/i.test(text)) return undefined
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000)
}
