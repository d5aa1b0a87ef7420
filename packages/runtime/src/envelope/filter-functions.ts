// What each filter of the expression language does when rendering, without
// the schema and inversion that filters.ts adds for build time and reading:
// generated envelope writers call these, so servers ship only this module.
import { grpcStatusName } from './grpc-status.ts'

export function filterString(v: unknown): string | undefined {
  return v === undefined
    ? undefined
    : typeof v === 'string'
      ? v
      : typeof v === 'object' && v !== null
        ? safeJson(v)
        : String(v)
}

export const filterNumber = toNumber

export function filterUpper(v: unknown): string | undefined {
  return asText(v)?.toUpperCase()
}

export function filterLower(v: unknown): string | undefined {
  return asText(v)?.toLowerCase()
}

export function filterSeconds(v: unknown): string | undefined {
  const n = toNumber(v)
  return n === undefined ? undefined : `${formatSeconds(n)}s`
}

export function filterGrpcStatus(v: unknown): string | undefined {
  const n = toNumber(v)
  return n === undefined ? undefined : grpcStatusName(n)
}

export function filterStringMap(v: unknown): Record<string, string> | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(v)) {
    if (value === undefined) continue
    out[key] = typeof value === 'string' ? value : (filterString(value) as string)
  }
  return out
}

export function filterFieldPath(v: unknown): string | undefined {
  return typeof v === 'string' ? pointerToFieldPath(v) : undefined
}

function asText(v: unknown): string | undefined {
  return typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : undefined
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v)
    return Number.isFinite(n) ? n : undefined
  }
  return undefined
}

/** Up to nanoseconds, the precision of a proto3 Duration, without trailing zeros. */
function formatSeconds(n: number): string {
  if (Number.isInteger(n)) return String(n)
  return n.toFixed(9).replace(/0+$/, '').replace(/\.$/, '')
}

function safeJson(v: object): string | undefined {
  try {
    return JSON.stringify(v)
  } catch {
    return undefined
  }
}

export function pointerToFieldPath(pointer: string): string {
  if (pointer === '' || pointer === '/') return ''
  let out = ''
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    out += /^(0|[1-9]\d*)$/.test(segment) ? `[${segment}]` : out === '' ? segment : `.${segment}`
  }
  return out
}

export function fieldPathToPointer(path: string): string {
  if (path === '') return ''
  let out = ''
  for (const part of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part)
    if (!match) {
      out += `/${escapePointer(part)}`
      continue
    }
    if (match[1]) out += `/${escapePointer(match[1])}`
    for (const index of match[2]!.match(/\d+/g) ?? []) out += `/${index}`
  }
  return out
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}
