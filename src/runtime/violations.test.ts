import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Ajv } from 'ajv'
import * as v from 'valibot'
import { z } from 'zod'
import { MAX_VIOLATIONS, readViolations } from './violations.ts'

const Order = z.object({
  user: z.object({ email: z.email(), 'a/b~c': z.number() }),
  items: z.array(z.object({ sku: z.string() })).min(1),
})
const OrderV = v.object({
  user: v.object({ email: v.pipe(v.string(), v.email()) }),
  items: v.array(v.object({ sku: v.string() })),
})
const bad = { user: { email: 'nope', 'a/b~c': 'x' }, items: [{ sku: 1 }] }

describe('readViolations', () => {
  it('maps a thrown ZodError to JSON Pointers with zod codes as reasons', () => {
    let thrown: unknown
    try {
      Order.parse(bad)
    } catch (e) {
      thrown = e
    }
    assert.deepEqual(readViolations(thrown), [
      { field: '/user/email', message: 'Invalid email address', reason: 'invalid_format' },
      {
        field: '/user/a~1b~0c',
        message: 'Invalid input: expected number, received string',
        reason: 'invalid_type',
      },
      {
        field: '/items/0/sku',
        message: 'Invalid input: expected string, received number',
        reason: 'invalid_type',
      },
    ])
  })

  it('maps a thrown valibot ValiError, whose path segments are `{ key }` objects', () => {
    let thrown: unknown
    try {
      v.parse(OrderV, bad)
    } catch (e) {
      thrown = e
    }
    const violations = readViolations(thrown)
    assert.deepEqual(
      violations?.map((x) => [x.field, x.reason]),
      [
        ['/user/email', 'email'],
        ['/items/0/sku', 'string'],
      ],
    )
    assert.match(violations![0]!.message, /email/i)
  })

  it('maps Standard Schema failure results and bare issue arrays, from any library', async () => {
    const zodResult = await Order['~standard'].validate({ items: [] })
    assert.ok(zodResult.issues)
    assert.deepEqual(
      readViolations(zodResult)?.map((x) => x.field),
      ['/user', '/items'],
    )
    const valibotResult = await OrderV['~standard'].validate({ user: {}, items: 'x' })
    assert.ok(valibotResult.issues)
    assert.deepEqual(
      readViolations(valibotResult.issues)?.map((x) => x.field),
      ['/user/email', '/items'],
    )
    assert.deepEqual(readViolations([{ message: 'Required' }]), [
      { field: '', message: 'Required' },
    ])
    assert.deepEqual(readViolations([{ message: 'x', path: [Symbol('s'), 2] }]), [
      { field: '/s/2', message: 'x' },
    ])
  })

  it('maps ajv errors, naming the missing or extra member for required and additionalProperties', () => {
    const ajv = new Ajv({ allErrors: true })
    const validate = ajv.compile({
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id'],
            additionalProperties: false,
            properties: { id: { type: 'integer' } },
          },
        },
      },
    })
    assert.equal(validate({ items: [{ 'x/y': 1 }] }), false)
    const expected = [
      { field: '/name', message: "must have required property 'name'", reason: 'required' },
      { field: '/items/0/id', message: "must have required property 'id'", reason: 'required' },
      {
        field: '/items/0/x~1y',
        message: 'must NOT have additional properties',
        reason: 'additionalProperties',
      },
    ]
    assert.deepEqual(readViolations(validate.errors), expected)
    // Fastify attaches ajv's errors as `validation`.
    assert.deepEqual(readViolations({ statusCode: 400, validation: validate.errors }), expected)
  })

  it("maps ajv's ValidationError thrown by async schemas", async () => {
    const ajv = new Ajv()
    const validate = ajv.compile({
      $async: true,
      type: 'object',
      properties: { age: { type: 'integer', minimum: 0 } },
    })
    const thrown = await validate({ age: -1 }).then(
      () => undefined,
      (e: unknown) => e,
    )
    assert.ok(thrown instanceof Ajv.ValidationError)
    assert.deepEqual(readViolations(thrown), [
      { field: '/age', message: 'must be >= 0', reason: 'minimum' },
    ])
  })

  it('caps the number of violations', () => {
    const issues = Array.from({ length: 5000 }, (_, i) => ({ message: 'bad', path: [i] }))
    assert.equal(readViolations({ issues })?.length, MAX_VIOLATIONS)
  })

  it('says "not a validation failure" for everything else', () => {
    for (const value of [
      undefined,
      null,
      'invalid',
      42,
      new Error('issues'),
      [],
      { issues: [] },
      { issues: 'x' },
      { issues: [{ msg: 'no message' }] },
      new AggregateError([new Error('a')], 'x'),
      { errors: [{ message: 'x' }] },
      [1, 2, 3],
    ])
      assert.equal(readViolations(value), undefined, String(value))
  })
})
