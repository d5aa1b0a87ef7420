// One error's schema as an overlay on the general one: `allOf: [{ $ref:
// general }]` plus only what the error's own schema says that the general one
// does not (its constants, the members it leaves out, its typed params, the
// members it always sends). Copying the general schema into every error made a
// 10,000-error OpenAPI document 23 MB, with every member description repeated.
//
// The overlay is a diff of the two schemas, not a rule per preset: the error's
// schema comes from the same template as the general one, specialised to the
// error, so it only narrows the general one, and the overlay keeps exactly the
// narrowing keywords. An `allOf` of both accepts what the error's schema does.
import type { JsonSchema } from './error-bodies.ts'

/** The overlay's keywords, or undefined when `special` adds nothing to `general`. */
export function schemaOverlay(general: unknown, special: unknown): unknown {
  if (!isSchemaObject(general) || !isSchemaObject(special))
    return sameJson(general, special) ? undefined : special
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(special)) {
    const base = general[key]
    if (key === 'properties' && isSchemaObject(base) && isSchemaObject(value)) {
      const members = membersOverlay(base, value)
      if (members) out.properties = members
    } else if (key === 'prefixItems' && Array.isArray(base) && sameLength(base, value)) {
      const items = value.map((item, i) => schemaOverlay(base[i], item))
      while (items.length > 0 && items.at(-1) === undefined) items.pop()
      if (items.length > 0) out.prefixItems = items.map(orAnything)
    } else if (SUBSCHEMA.has(key) && isSchemaObject(base) && isSchemaObject(value)) {
      // Both apply to the same members or items, so the overlay narrows the general one.
      const narrowed = schemaOverlay(base, value)
      if (narrowed !== undefined) out[key] = narrowed
    } else if (key === 'required' && Array.isArray(value)) {
      out.required = value // narrowed below, once `out.properties` is known
    } else if (!sameJson(base, value)) {
      out[key] = value
    }
  }
  if (out.required) {
    const required = requiredOverlay(general.required, out.required as string[], out.properties)
    if (required.length > 0) out.required = required
    else delete out.required
  }
  completeSiblings(out, special)
  if (Object.keys(out).length === 0) return undefined
  // Validators in strict mode (ajv's default logs it) want the type beside the keywords of a type.
  if (!('type' in out) && 'type' in special && TYPED.some((k) => k in out))
    return { type: special.type, ...out }
  return out
}

/** Keywords holding one subschema that the general and the error's schema apply to the same values. */
const SUBSCHEMA = new Set(['items', 'additionalProperties'])

const TYPED = ['properties', 'required', 'additionalProperties', 'prefixItems', 'items', 'minItems']

function membersOverlay(general: JsonSchema, special: JsonSchema): JsonSchema | undefined {
  const out: JsonSchema = {}
  for (const [name, member] of Object.entries(special)) {
    const overlay = Object.hasOwn(general, name) ? schemaOverlay(general[name], member) : member
    if (overlay !== undefined) out[name] = overlay
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/**
 * `allOf` adds requirements up, so those of the general schema need not be
 * repeated, except for the members the overlay itself describes: the overlay
 * then reads on its own (`code` is `bad_token`, and required), and so does the
 * type a generator makes of it, where the member is not optional.
 */
function requiredOverlay(general: unknown, special: string[], members: unknown): string[] {
  const before = Array.isArray(general) ? general : []
  const described = isSchemaObject(members) ? members : {}
  return special.filter((name) => !before.includes(name) || Object.hasOwn(described, name))
}

/**
 * `additionalProperties` reads the `properties` beside it, and `items` the
 * `prefixItems` beside it: where the overlay carries one, it must name every
 * member or prefix item, or it would apply to those the general schema
 * already describes. `{}` stands for "as the general schema says".
 */
function completeSiblings(out: JsonSchema, special: JsonSchema): void {
  if ('additionalProperties' in out && isSchemaObject(special.properties)) {
    const members = (out.properties ?? {}) as JsonSchema
    out.properties = Object.fromEntries(
      Object.keys(special.properties).map((name) => [name, members[name] ?? {}]),
    )
  }
  if ('items' in out && Array.isArray(special.prefixItems)) {
    const items = (out.prefixItems ?? []) as unknown[]
    out.prefixItems = special.prefixItems.map((_, i) => items[i] ?? {})
  }
}

const orAnything = (schema: unknown) => (schema === undefined ? {} : schema)

function sameLength(a: unknown[], b: unknown): b is unknown[] {
  return Array.isArray(b) && a.length === b.length
}

function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Equal as JSON: the schemas come from one template, so members are in the same order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  return keysA.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]))
}
