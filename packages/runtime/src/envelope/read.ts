// Telling which catalog error a body carries, from the template alone. The
// "identifying" locations of a template are those whose value depends only on
// error.symbol / code / key / status / type / group and literals; rendering
// them for each catalog error gives that error's signature. A body is read at
// the same locations and looked up: whole signature first, then the members it
// has, then the most specific single member that names one error.
import { isIdentifying, specificity } from './dependencies.ts'
import { truthy } from './evaluate.ts'
import { type Assignment, assign, invertTarget } from './invert.ts'
import {
  ABSENT,
  type Analysis,
  emptyObserved,
  type Location,
  type Observed,
  runPlan,
} from './reader.ts'
import type { ErrorIndex, ErrorMeta, FieldViolation, ReadResult } from './types.ts'
import type { Roots } from './types-of.ts'

/** A location that can take part in a signature. */
interface IdentifyingLocation {
  location: Location
  /** The pseudo-location of the HTTP status, rather than a body member. */
  fromStatus: boolean
  specificity: number
}

/** Everything read needs, derived once per compiled envelope. */
export interface ReadModel {
  analysis: Analysis
  /** The location of the response status, when the envelope's status is an expression. */
  status?: Location
  identifying: IdentifyingLocation[]
  /** Indexes into `identifying` of the locations that name an error on their own, best first. */
  bySpecificity: number[]
  roots: Roots
  scopeSize: number
  normalizeStatus(value: unknown): unknown
}

interface Lookup {
  exact: Map<string, ErrorMeta[]>
  /** Per identifying location: encoded value → errors. */
  byLocation: Map<string, ErrorMeta[]>[]
  keys: Set<string>
  /** Catalog errors by the value of each member that can name one. */
  byMember: Map<unknown, ErrorMeta[]>[]
}

/** The members that name an error on their own, in the order they are trusted. */
const NAMING_MEMBERS = ['code', 'key', 'symbol', 'type'] as const

/** Indexes of the locations that can name an error on their own, most specific first. */
export function specificOrder(identifying: IdentifyingLocation[]): number[] {
  return identifying
    .map((id, i) => ({ rank: id.specificity, i }))
    .filter((x) => x.rank < Number.POSITIVE_INFINITY)
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.i)
}

export function identifyingLocations(
  analysis: Analysis,
  status: Location | undefined,
): IdentifyingLocation[] {
  const all = [
    ...analysis.locations.map((location) => ({ location, fromStatus: false })),
    ...(status ? [{ location: status, fromStatus: true }] : []),
  ]
  return all.flatMap(({ location, fromStatus }) => {
    const deps = new Set<string>()
    for (const v of location.variants) {
      for (const d of v.deps) deps.add(d)
      for (const g of v.guards) for (const d of g.deps) deps.add(d)
    }
    return isIdentifying(deps) ? [{ location, fromStatus, specificity: specificity(deps) }] : []
  })
}

/** The value a location takes for an error; ABSENT when the error leaves it out. */
export function expectedValue(location: Location, scope: unknown[]): unknown {
  for (const variant of location.variants) {
    if (!variant.guards.every((g) => truthy(g.cond(scope)) === g.want)) continue
    const value = variant.render(scope)
    if (value !== undefined) return value
  }
  return ABSENT
}

/** A view of a catalog error with only what identifying members can read. */
export function metaScope(meta: ErrorMeta, size: number): unknown[] {
  const scope = new Array<unknown>(size)
  scope[0] = { ...meta, message: '', params: {} }
  scope[1] = {}
  scope[2] = { name: '' }
  return scope
}

export function buildLookup(model: ReadModel, errors: readonly ErrorMeta[]): Lookup {
  const exact = new Map<string, ErrorMeta[]>()
  const byLocation = model.identifying.map(() => new Map<string, ErrorMeta[]>())
  const keys = new Set<string>()
  const byMember = NAMING_MEMBERS.map(() => new Map<unknown, ErrorMeta[]>())
  for (const meta of errors) {
    if (meta.key !== undefined) keys.add(meta.key)
    NAMING_MEMBERS.forEach((name, i) => {
      if (meta[name] !== undefined) push(byMember[i]!, meta[name], meta)
    })
    const scope = metaScope(meta, model.scopeSize)
    const encoded = model.identifying.map((id, i) => {
      let value = expectedValue(id.location, scope)
      if (id.fromStatus) value = model.normalizeStatus(value)
      const code = encode(value, 'expected')
      push(byLocation[i]!, code, meta)
      return code
    })
    push(exact, encoded.join('\u0000'), meta)
  }
  return { exact, byLocation, keys, byMember }
}

function push<K>(map: Map<K, ErrorMeta[]>, key: K, meta: ErrorMeta): void {
  const list = map.get(key)
  if (list) list.push(meta)
  else map.set(key, [meta])
}

/** Identifying values are compared as JSON; objects never identify anything. */
function encode(value: unknown, side: 'expected' | 'observed'): string {
  if (value === ABSENT || value === undefined) return '~'
  if (value === null || typeof value === 'string' || typeof value === 'boolean')
    return JSON.stringify(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `#${side}`
  return `#${side}`
}

export function readBody(
  model: ReadModel,
  status: number,
  body: unknown,
  index: ErrorIndex,
): ReadResult {
  const observed = emptyObserved(model.analysis.locations.length)
  if (model.analysis.plan) runPlan(model.analysis.plan, body, observed)
  const statusValue = typeof status === 'number' && Number.isFinite(status) ? status : ABSENT

  const lookup = index.lookup as Lookup
  let error = identify(model, lookup, observed, statusValue)

  const fields: Record<string, unknown> = {}
  const request: Record<string, unknown> = {}
  const write = (assignments: Assignment[]) => {
    for (const a of assignments) {
      if (a.root === 'error') assign(fields, a.members, a.value)
      else if (a.root === 'request') assign(request, a.members, a.value)
    }
  }
  for (const location of model.analysis.locations) {
    const value = observed.values[location.id]
    if (value !== ABSENT) write(pick(location, value, model.roots, error, lookup))
  }
  if (model.status && statusValue !== ABSENT)
    write(pick(model.status, statusValue, model.roots, error, lookup))
  for (const { plan, items } of observed.eaches) {
    if (plan.source.kind !== 'path' || plan.source.root !== 'error') continue
    const values = items.map((item) => itemValue(plan.as, plan.locations, plan.roots, item))
    const list = values.filter((v) => v !== undefined)
    if (list.length) write([{ root: 'error', members: plan.source.members, value: list }])
  }

  // A code inside text (`"E{{ error.code }}: …"`) is only known once the text is split.
  error ??= byFields(fields, lookup)

  const result: ReadResult = { fields }
  if (error) result.error = error
  if (typeof fields.message === 'string') result.message = fields.message
  if (typeof request.id === 'string') result.requestId = request.id
  if (typeof fields.retryAfter === 'number' && fields.retryAfter >= 0)
    result.retryAfter = fields.retryAfter
  if (
    typeof fields.params === 'object' &&
    fields.params !== null &&
    !Array.isArray(fields.params)
  ) {
    result.params = fields.params as Record<string, unknown>
  }
  const violations = toViolations(fields.violations)
  if (violations) result.violations = violations
  return result
}

function identify(
  model: ReadModel,
  lookup: Lookup,
  observed: Observed,
  status: unknown,
): ErrorMeta | undefined {
  const ids = model.identifying
  const codes = new Array<string>(ids.length)
  // Without any member in the body (an HTML page, an empty body), the HTTP status
  // alone does not say which catalog error this is.
  let inBody = false
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!
    codes[i] = encode(id.fromStatus ? status : observed.values[id.location.id], 'observed')
    if (!id.fromStatus && codes[i] !== '~') inBody = true
  }
  if (!inBody) return undefined

  const exact = lookup.exact.get(codes.join('\u0000'))
  if (exact?.length === 1) return exact[0]

  // The members the body has, ignoring those it lacks.
  let candidates: ErrorMeta[] | undefined
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] === '~') continue
    const list = lookup.byLocation[i]!.get(codes[i]!) ?? []
    if (candidates === undefined) candidates = list
    else {
      const allowed = new Set(list)
      candidates = candidates.filter((e) => allowed.has(e))
    }
    if (candidates.length === 0) break
  }
  if (candidates?.length === 1) return candidates[0]

  // One member that names exactly one error, most specific first (code, key, symbol, type).
  for (const i of model.bySpecificity) {
    if (codes[i] === '~') continue
    const list = lookup.byLocation[i]!.get(codes[i]!)
    if (list?.length === 1) return list[0]
  }
  return undefined
}

function byFields(fields: Record<string, unknown>, lookup: Lookup): ErrorMeta | undefined {
  for (let i = 0; i < NAMING_MEMBERS.length; i++) {
    const value = fields[NAMING_MEMBERS[i]!]
    if (value === undefined) continue
    const list = lookup.byMember[i]!.get(value)
    if (list?.length === 1) return list[0]
  }
  return undefined
}

const IDENTITY_MEMBERS = ['symbol', 'code', 'key', 'status', 'type', 'group'] as const

/**
 * Chooses how a value was produced when the template allows several ways
 * (`error.key ?? error.code`): the way that agrees with the identified error; else,
 * for digits, the numeric code (keys are rarely all digits); else the first that fits.
 */
function pick(
  location: Location,
  value: unknown,
  roots: Roots,
  error: ErrorMeta | undefined,
  lookup: Lookup,
): Assignment[] {
  const alternatives = alternativesOf(location, value, roots)
  if (alternatives.length <= 1) return alternatives[0] ?? []
  const agrees = (alt: Assignment[]) =>
    alt.every((a) => {
      const name = a.members[0]
      if (a.root !== 'error' || a.members.length !== 1 || !IDENTITY_MEMBERS.includes(name as never))
        return true
      return error?.[name as keyof ErrorMeta] === a.value
    })
  return (
    (error && alternatives.find(agrees)) ||
    (typeof value === 'string' && /^-?\d+$/.test(value) && !lookup.keys.has(value)
      ? alternatives.find((alt) => alt.some((a) => a.root === 'error' && a.members[0] === 'code'))
      : undefined) ||
    alternatives[0]!
  )
}

function alternativesOf(location: Location, value: unknown, roots: Roots): Assignment[][] {
  const out: Assignment[][] = []
  for (const variant of location.variants) {
    for (const target of variant.targets) {
      for (const alternative of invertTarget(target, value, roots)) out.push(alternative)
    }
  }
  return out
}

function itemValue(as: string, locations: Location[], roots: Roots, observed: Observed): unknown {
  const item: Record<string, unknown> = {}
  let whole: unknown
  for (const location of locations) {
    const value = observed.values[location.id]
    if (value === ABSENT) continue
    const alternatives = alternativesOf(location, value, roots)
    for (const a of alternatives[0] ?? []) {
      if (a.root !== as) continue
      if (a.members.length === 0) whole ??= a.value
      else assign(item, a.members, a.value)
    }
  }
  for (const { plan, items } of observed.eaches) {
    if (plan.source.kind !== 'path' || plan.source.root !== as) continue
    const list = items
      .map((i) => itemValue(plan.as, plan.locations, plan.roots, i))
      .filter((v) => v !== undefined)
    if (list.length) assign(item, plan.source.members, list)
  }
  if (whole !== undefined) return whole
  return Object.keys(item).length ? item : undefined
}

function toViolations(value: unknown): FieldViolation[] | undefined {
  if (!Array.isArray(value)) return undefined
  const out: FieldViolation[] = []
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue
    const { field, message, reason } = item as Record<string, unknown>
    if (typeof field !== 'string' && typeof message !== 'string') continue
    out.push({
      field: typeof field === 'string' ? field : '',
      message: typeof message === 'string' ? message : '',
      ...(typeof reason === 'string' ? { reason } : {}),
    })
  }
  return out.length ? out : undefined
}
