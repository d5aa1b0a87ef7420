// The envelope: a changed template matters only if the responses it renders
// change shape. Each error of the new catalog is rendered twice, with the old
// envelope and with the new one, so that changes of the error itself (reported
// by the other rules) do not count here; the two shapes are compared.
import { isDeepStrictEqual } from 'node:util'
import type { LoadedCatalog } from '../catalog/model.ts'
import { exampleRenderer } from '../emit/example-response.ts'
import type { DiffContext } from './context.ts'

export function compareEnvelope(ctx: DiffContext): void {
  const before = ctx.old.catalog.envelope
  const after = ctx.new.catalog.envelope
  if (isDeepStrictEqual(before, after)) return
  const at = ctx.new.catalog.locate(ctx.new.catalog.root, ['envelope'], 'key')
  const old = ctx.old.catalog.locate(ctx.old.catalog.root, ['envelope'], 'key')
  const difference = firstShapeDifference(ctx.new.catalog, before)
  if (difference) {
    ctx.report('envelope-shape-changed', {
      message: `the envelope changed the shape of error responses: ${difference}`,
      at,
      old,
    })
  } else {
    ctx.report('envelope-changed', {
      message: 'the envelope template changed; responses keep their shape',
      at,
      old,
    })
  }
}

/** How the first error whose response changes shape differs, if one does. */
function firstShapeDifference(
  catalog: LoadedCatalog,
  oldEnvelope: LoadedCatalog['envelope'],
): string | undefined {
  const renderNew = exampleRenderer(catalog)
  // Same errors, old wire format: a shallow copy is a catalog of its own to the renderers.
  const renderOld = exampleRenderer({ ...catalog, envelope: oldEnvelope })
  for (const error of catalog.errors) {
    const a = renderOld(error)
    const b = renderNew(error)
    if (!a || !b) continue
    const was = shapeOf(a)
    const now = shapeOf(b)
    const lost = [...was].filter((s) => !now.has(s))
    const gained = [...now].filter((s) => !was.has(s))
    if (lost.length || gained.length) {
      const parts = [
        lost.length ? `no longer ${lost.join(', ')}` : '',
        gained.length ? `now ${gained.join(', ')}` : '',
      ].filter(Boolean)
      return `${error.symbol}: ${parts.join('; ')}`
    }
  }
  return undefined
}

/** A response as a set of facts: its status, content type, header names, body members and their types. */
export function shapeOf(response: {
  status: number
  headers: Record<string, string>
  body: string
}): Set<string> {
  const facts = new Set<string>([`status ${response.status}`])
  for (const [name, value] of Object.entries(response.headers)) {
    facts.add(name === 'content-type' ? `content-type ${value}` : `header ${name}`)
  }
  let body: unknown
  try {
    body = JSON.parse(response.body)
  } catch {
    facts.add('body text')
    return facts
  }
  addMembers(body, '$', facts)
  return facts
}

function addMembers(value: unknown, path: string, facts: Set<string>): void {
  if (Array.isArray(value)) {
    facts.add(`${path}: array`)
    for (const item of value) addMembers(item, `${path}[]`, facts)
  } else if (value !== null && typeof value === 'object') {
    facts.add(`${path}: object`)
    for (const [key, member] of Object.entries(value)) addMembers(member, `${path}.${key}`, facts)
  } else {
    facts.add(`${path}: ${value === null ? 'null' : typeof value}`)
  }
}
