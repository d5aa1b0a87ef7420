// Near matches for "did you mean": a rule id with a typo, an identifier that
// `errcat explain` does not know.
import { editDistance } from '../text/edit-distance.ts'

export { editDistance }

/**
 * Candidates close to `name`, best first: case-insensitive, a candidate that
 * contains the name (or is contained in it) counts as close, others must be
 * within a third of the name's length in edits (at least 1, at most 3).
 */
export function nearest(name: string, candidates: Iterable<string>, max = 5): string[] {
  const wanted = name.toLowerCase()
  const limit = Math.min(3, Math.max(1, Math.floor(wanted.length / 3)))
  const scored: { candidate: string; score: number }[] = []
  const seen = new Set<string>()
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue
    seen.add(candidate)
    const lower = candidate.toLowerCase()
    if (lower === wanted) scored.push({ candidate, score: 0 })
    else if (
      wanted.length >= 3 &&
      (lower.includes(wanted) || (wanted.includes(lower) && lower.length >= 3))
    ) {
      scored.push({ candidate, score: 0.5 + Math.abs(lower.length - wanted.length) / 100 })
    } else {
      const d = editDistance(wanted, lower, limit)
      if (d <= limit) scored.push({ candidate, score: d })
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, max)
    .map((s) => s.candidate)
}
