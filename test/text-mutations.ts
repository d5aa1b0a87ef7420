// Line-level mutations of real files, for fuzzers: a line deleted, duplicated
// or swapped, the file cut short, bytes inserted. Real files reach deep into a
// parser; their mutations reach the error paths next to the happy one.
import fc from 'fast-check'

export type Mutation =
  | { op: 'delete' | 'duplicate'; at: number }
  | { op: 'swap'; at: number; other: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: string }

/** Mutations whose inserts are random bytes or pieces of the format's syntax (`tokens`). */
export function mutation(tokens: readonly string[]): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      op: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.oneof(fc.string({ unit: 'binary', maxLength: 16 }), fc.constantFrom(...tokens)),
    }),
  )
}

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n')
  for (const m of mutations) {
    const i = lines.length === 0 ? 0 : m.at % lines.length
    if (m.op === 'delete') lines.splice(i, 1)
    else if (m.op === 'duplicate') lines.splice(i, 0, lines[i] ?? '')
    else if (m.op === 'swap') {
      const j = lines.length === 0 ? 0 : m.other % lines.length
      ;[lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? '']
    } else if (m.op === 'truncate') {
      const joined = lines.join('\n')
      lines = joined.slice(0, m.at % (joined.length + 1)).split('\n')
    } else if (m.op === 'insert') {
      const line = lines[i] ?? ''
      const at = m.at % (line.length + 1)
      lines[i] = line.slice(0, at) + m.bytes + line.slice(at)
    }
  }
  return lines.join('\n')
}
