import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { distinguishes, findOverlap, signatureOf } from './body-signature.ts'
import type { ErrorBody } from './error-bodies.ts'

/** An error body whose schema pins the given members (`undefined`: optional, `false`: left out). */
function body(symbol: string, members: Record<string, unknown>): ErrorBody {
  const properties: Record<string, unknown> = {}
  const required: string[] = []
  for (const [name, value] of Object.entries(members)) {
    if (value === false) properties[name] = false
    else if (value === undefined) properties[name] = { type: 'string' }
    else {
      properties[name] = { const: value }
      required.push(name)
    }
  }
  const schema = { type: 'object', properties, required }
  return { meta: { symbol }, schema } as unknown as ErrorBody
}

/** Every pair in catalog order: what findOverlap must agree with. */
function bruteForce(bodies: ErrorBody[]): [string, string] | undefined {
  const signatures = bodies.map((b) => signatureOf(b.schema))
  for (let i = 0; i < bodies.length; i++)
    for (let j = i + 1; j < bodies.length; j++)
      if (!distinguishes(signatures[i]!, signatures[j]!))
        return [bodies[i]!.meta.symbol, bodies[j]!.meta.symbol]
  return undefined
}

const symbols = (pair: [ErrorBody, ErrorBody] | undefined) =>
  pair && [pair[0].meta.symbol, pair[1].meta.symbol]

describe('findOverlap', () => {
  it('finds the first pair of errors that one body could match, as comparing every pair does', () => {
    let seed = 42
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const choices = [undefined, false, 'a', 'b', 'c', 1]
    for (let round = 0; round < 300; round++) {
      const bodies = Array.from({ length: 2 + random(12) }, (_, i) => {
        const members: Record<string, unknown> = {}
        for (const name of ['code', 'status', 'kind'])
          if (random(4) > 0) members[name] = choices[random(choices.length)]
        return body(`E${i}`, members)
      })
      assert.deepEqual(symbols(findOverlap(bodies)), bruteForce(bodies), `round ${round}`)
    }
  })

  it('tells 20,000 errors with distinct codes apart without comparing every pair', () => {
    const bodies = Array.from({ length: 20_000 }, (_, i) =>
      body(`E${i}`, { status: 400, code: `c${i}` }),
    )
    const start = performance.now()
    assert.equal(findOverlap(bodies), undefined)
    assert.ok(performance.now() - start < 5_000)
    bodies.push(body('DUPLICATE', { status: 400, code: 'c7' }))
    assert.deepEqual(symbols(findOverlap(bodies)), ['E7', 'DUPLICATE'])
  })
})
