// Reading a body with the template that wrote it. The template is turned once
// into a read plan: where in a body each expression's value lands (a
// "location"), how array items are found (by position, by their literal
// members such as Google's `@type`, or as the items of an `$each`). Running
// the plan on a body walks the template's shape, never the body's, so junk of
// any depth costs nothing and cannot throw.

import type { Expr, TNode } from './ast.ts'
import { expressionDependencies, nodeDependencies } from './dependencies.ts'
import { compileExpression, type Evaluate, member, type ScopeNames } from './evaluate.ts'
import { compileNode, type SlotCounter } from './render.ts'
import { isAlwaysOne, type Roots, withItem } from './types-of.ts'

/** Marks a location the body does not have. */
export const ABSENT: unique symbol = Symbol('absent')

/** A `$if` around a location: the location exists only when `cond` is `want`. */
export interface Guard {
  cond: Evaluate
  want: boolean
  deps: Set<string>
}

/** One way a location gets its value: a template node under some guards. */
export interface Variant {
  guards: Guard[]
  /** Renders the node (the value the location takes for an error). */
  render: Evaluate
  /** The expressions (or interpolations) that produced the value, to invert. */
  targets: Target[]
  deps: Set<string>
}

export type Target = { kind: 'expr'; expr: Expr } | { kind: 'text'; parts: (string | Expr)[] }

export interface Location {
  id: number
  variants: Variant[]
}

export interface EachPlan {
  source: Expr
  as: string
  roots: Roots
  /** Index of the first body item it can take, in an array. */
  from: number
  /** Literal members an item must have (when the item template has some). */
  match: [string, unknown][]
  item?: ReadPlan
  locations: Location[]
}

export type ReadPlan =
  | { kind: 'loc'; id: number }
  | { kind: 'all'; plans: ReadPlan[] }
  | { kind: 'object'; members: { key: string; plan: ReadPlan }[] }
  | {
      kind: 'array'
      fixed: { position: number; plan: ReadPlan }[]
      finds: { match: [string, unknown][]; plan: ReadPlan }[]
      eaches: EachPlan[]
    }
  | { kind: 'each'; each: EachPlan }

/** What one run of a plan found. */
export interface Observed {
  /** By location id; ABSENT where the body has nothing. */
  values: unknown[]
  eaches: { plan: EachPlan; items: Observed[] }[]
}

export interface Analysis {
  plan?: ReadPlan
  locations: Location[]
}

/** Builds the read plan of a body template. `names`/`slots` are the render scope. */
export function analyze(
  node: TNode,
  roots: Roots,
  names: ScopeNames,
  slots: SlotCounter,
): Analysis {
  const builder = new PlanBuilder(roots, names, slots)
  const plan = builder.build(node, '', [])
  return { ...(plan ? { plan } : {}), locations: builder.locations }
}

class PlanBuilder {
  readonly locations: Location[] = []
  private readonly byKey = new Map<string, Location>()

  constructor(
    private readonly roots: Roots,
    private readonly names: ScopeNames,
    private readonly slots: SlotCounter,
  ) {}

  build(node: TNode, key: string, guards: Guard[]): ReadPlan | undefined {
    switch (node.kind) {
      case 'const':
        return undefined
      case 'expr':
      case 'text':
        return this.location(node, key, guards)
      case 'if': {
        if (isScalar(node)) return this.location(node, key, guards)
        const cond = compileExpression(node.cond, this.names)
        const deps = expressionDependencies(node.cond)
        const plans = [
          this.build(node.then, key, [...guards, { cond, want: true, deps }]),
          node.else
            ? this.build(node.else, key, [...guards, { cond, want: false, deps }])
            : undefined,
        ].filter((p): p is ReadPlan => p !== undefined)
        return plans.length === 0
          ? undefined
          : plans.length === 1
            ? plans[0]
            : { kind: 'all', plans }
      }
      case 'object': {
        const members: { key: string; plan: ReadPlan }[] = []
        for (const m of node.members) {
          const plan = this.build(m.node, `${key}.${JSON.stringify(m.key)}`, guards)
          if (plan) members.push({ key: m.key, plan })
        }
        return members.length ? { kind: 'object', members } : undefined
      }
      case 'array':
        return this.array(node, key, guards)
      case 'each':
        return { kind: 'each', each: this.each(node, 0, []) }
    }
  }

  private location(node: TNode, key: string, guards: Guard[]): ReadPlan {
    let location = this.byKey.get(key)
    if (!location) {
      location = { id: this.locations.length, variants: [] }
      this.locations.push(location)
      this.byKey.set(key, location)
    }
    location.variants.push({
      guards,
      render: compileNode(node, this.names, this.slots),
      targets: targetsOf(node),
      deps: nodeDependencies(node),
    })
    return { kind: 'loc', id: location.id }
  }

  private array(
    node: Extract<TNode, { kind: 'array' }>,
    key: string,
    guards: Guard[],
  ): ReadPlan | undefined {
    const fixed: { position: number; plan: ReadPlan }[] = []
    const finds: { match: [string, unknown][]; plan: ReadPlan }[] = []
    const eaches: EachPlan[] = []
    let inPrefix = true
    let position = 0
    for (const item of node.items) {
      if (item.kind === 'each') {
        eaches.push(
          this.each(item, position, item.do.kind === 'object' ? literalMembers(item.do) : []),
        )
        inPrefix = false
        continue
      }
      // An item with literal members of its own (Google's `@type`) is found by them,
      // wherever it is; others by position, while positions are known: up to the
      // first item that may be left out.
      const found = shapes(item, guards, this.names).filter((s) => literalMembers(s.node).length)
      const fixedHere = inPrefix && isAlwaysOne(item, this.roots)
      if (found.length === 0 && fixedHere) {
        const plan = this.build(item, `${key}[${position}]`, guards)
        if (plan) fixed.push({ position, plan })
      }
      for (const shape of found) {
        const match = literalMembers(shape.node)
        const plan = this.build(shape.node, `${key}[${JSON.stringify(match)}]`, shape.guards)
        if (plan) finds.push({ match, plan })
      }
      if (fixedHere) position++
      else inPrefix = false
    }
    return fixed.length || finds.length || eaches.length
      ? { kind: 'array', fixed, finds, eaches }
      : undefined
  }

  private each(
    node: Extract<TNode, { kind: 'each' }>,
    from: number,
    match: [string, unknown][],
  ): EachPlan {
    const slot = { index: this.slots.count++, trusted: false }
    const roots = withItem(this.roots, node)
    const inner = new PlanBuilder(roots, new Map(this.names).set(node.as, slot), this.slots)
    const item = inner.build(node.do, '', [])
    return {
      source: node.source,
      as: node.as,
      roots,
      from,
      match,
      ...(item ? { item } : {}),
      locations: inner.locations,
    }
  }
}

/** An `$if` whose branches are all values (not objects or arrays) is one location. */
function isScalar(node: TNode): boolean {
  if (node.kind === 'expr' || node.kind === 'text' || node.kind === 'const') return true
  if (node.kind === 'if') return isScalar(node.then) && (!node.else || isScalar(node.else))
  return false
}

function targetsOf(node: TNode): Target[] {
  switch (node.kind) {
    case 'expr':
      return [{ kind: 'expr', expr: node.expr }]
    case 'text':
      return [{ kind: 'text', parts: node.parts }]
    case 'if':
      return [...targetsOf(node.then), ...(node.else ? targetsOf(node.else) : [])]
    default:
      return []
  }
}

/** The objects an array item can render, with the `$if` conditions that choose each. */
function shapes(
  node: TNode,
  guards: Guard[],
  names: ScopeNames,
): { node: Extract<TNode, { kind: 'object' }>; guards: Guard[] }[] {
  if (node.kind === 'object') return [{ node, guards }]
  if (node.kind !== 'if') return []
  const cond = compileExpression(node.cond, names)
  const deps = expressionDependencies(node.cond)
  return [
    ...shapes(node.then, [...guards, { cond, want: true, deps }], names),
    ...(node.else ? shapes(node.else, [...guards, { cond, want: false, deps }], names) : []),
  ]
}

function literalMembers(node: Extract<TNode, { kind: 'object' }>): [string, unknown][] {
  return node.members.flatMap((m) =>
    m.node.kind === 'const' ? [[m.key, m.node.value] as [string, unknown]] : [],
  )
}

export function emptyObserved(size: number): Observed {
  return { values: new Array<unknown>(size).fill(ABSENT), eaches: [] }
}

export function runPlan(plan: ReadPlan, value: unknown, observed: Observed): void {
  switch (plan.kind) {
    case 'loc':
      if (value !== undefined && observed.values[plan.id] === ABSENT)
        observed.values[plan.id] = value
      return
    case 'all':
      for (const p of plan.plans) runPlan(p, value, observed)
      return
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return
      for (const m of plan.members) {
        if (Object.hasOwn(value, m.key))
          runPlan(m.plan, (value as Record<string, unknown>)[m.key], observed)
      }
      return
    case 'each':
      if (Array.isArray(value)) runEach(plan.each, value, observed)
      return
    case 'array': {
      if (!Array.isArray(value)) return
      const claimed = new Set<number>()
      for (const f of plan.fixed) {
        if (f.position >= value.length) continue
        claimed.add(f.position)
        runPlan(f.plan, value[f.position], observed)
      }
      for (const f of plan.finds) {
        const index = value.findIndex((item, i) => !claimed.has(i) && matches(item, f.match))
        if (index < 0) continue
        claimed.add(index)
        runPlan(f.plan, value[index], observed)
      }
      for (const each of plan.eaches) {
        const items = value.filter(
          (item, i) => i >= each.from && !claimed.has(i) && matches(item, each.match),
        )
        runEach(each, items, observed)
      }
      return
    }
  }
}

function runEach(plan: EachPlan, items: unknown[], observed: Observed): void {
  const results: Observed[] = []
  for (const item of items) {
    const inner = emptyObserved(plan.locations.length)
    if (plan.item) runPlan(plan.item, item, inner)
    results.push(inner)
  }
  observed.eaches.push({ plan, items: results })
}

function matches(item: unknown, match: [string, unknown][]): boolean {
  if (match.length === 0) return true
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false
  for (const [key, value] of match) if (member(item, key) !== value) return false
  return true
}
