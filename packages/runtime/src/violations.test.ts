import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Ajv } from 'ajv'
import * as v from 'valibot'
import { z } from 'zod'
import { SchemaValidationError } from './schema-validation-error.ts'
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

  it('maps zod errors that parse did not throw: safeParse, and ZodError built by hand', () => {
    const safe = Order.safeParse({ items: [] })
    assert.deepEqual(
      readViolations(safe.error)?.map((x) => x.field),
      ['/user', '/items'],
    )
    const built = new z.ZodError([
      { code: 'custom', message: 'Taken', path: ['user', 'email'], input: 'x' },
    ])
    assert.deepEqual(readViolations(built), [
      { field: '/user/email', message: 'Taken', reason: 'custom' },
    ])
  })

  it('maps Standard Schema issues thrown in a SchemaValidationError, from any library', async () => {
    const zodResult = await Order['~standard'].validate({ items: [] })
    assert.ok(zodResult.issues)
    assert.deepEqual(
      readViolations(new SchemaValidationError(zodResult.issues))?.map((x) => x.field),
      ['/user', '/items'],
    )
    const valibotResult = await OrderV['~standard'].validate({ user: {}, items: 'x' })
    assert.ok(valibotResult.issues)
    assert.deepEqual(
      readViolations(new SchemaValidationError(valibotResult.issues))?.map((x) => x.field),
      ['/user/email', '/items'],
    )
    assert.deepEqual(readViolations(new SchemaValidationError([{ message: 'Required' }])), [
      { field: '', message: 'Required' },
    ])
    assert.deepEqual(
      readViolations(new SchemaValidationError([{ message: 'x', path: [Symbol('s'), 2] }])),
      [{ field: '/s/2', message: 'x' }],
    )
    // Another copy of errcat (two installs, a bundle) marks it the same way.
    const foreign = Object.assign(Object.create(Error.prototype), {
      [Symbol.for('errcat.SchemaValidationError')]: true,
      issues: [{ message: 'Required', path: ['a'] }],
    })
    assert.deepEqual(readViolations(foreign), [{ field: '/a', message: 'Required' }])
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
    assert.deepEqual(readViolations(new Ajv.ValidationError(validate.errors ?? [])), expected)
    // Fastify attaches ajv's errors as `validation`, and marks the error as its own
    // (lib/validation.js, wrapValidationError).
    const fastify = Object.assign(new Error('body/name must be string'), {
      statusCode: 400,
      code: 'FST_ERR_VALIDATION',
      validation: validate.errors,
      validationContext: 'body',
    })
    assert.deepEqual(readViolations(fastify), expected)
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
    assert.equal(readViolations(new SchemaValidationError(issues))?.length, MAX_VIOLATIONS)
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
      new SchemaValidationError([]),
    ])
      assert.equal(readViolations(value), undefined, String(value))
  })

  it('never takes a value that only looks like a validation failure for one', () => {
    // What an application may throw by accident, with what must not reach the client.
    const secret = 'postgres://app:hunter2@db.internal:5432/shop'
    const ajvLike = { instancePath: '/db', keyword: 'connect', message: secret, params: {} }
    const lookalikes: [string, unknown][] = [
      ['an array of Errors', [new Error(`connect ${secret}`), new Error(secret)]],
      ['an array of issue-like objects', [{ message: secret, path: ['db'] }]],
      ['an array of ajv-like errors', [ajvLike]],
      ['a plain object with issues', { issues: [{ message: secret }] }],
      ['a Standard Schema failure result', { issues: [{ message: secret, path: ['x'] }] }],
      [
        'an Error with issues',
        Object.assign(new Error('failed'), { issues: [{ message: secret }] }),
      ],
      ['a plain object with ajv-like errors', { errors: [ajvLike] }],
      ['an Error with ajv-like errors', Object.assign(new Error('failed'), { errors: [ajvLike] })],
      ['an AggregateError of issue-likes', new AggregateError([{ message: secret }], 'x')],
      ['an object with a validation array', { statusCode: 400, validation: [ajvLike] }],
      [
        'an Error with a validation array and a context, without Fastify’s code',
        Object.assign(new Error('x'), { validation: [ajvLike], validationContext: 'body' }),
      ],
      [
        'a plain object with all of Fastify’s markers but not an Error',
        {
          code: 'FST_ERR_VALIDATION',
          validation: [ajvLike],
          validationContext: 'body',
        },
      ],
      [
        'an Error with an ajv-like flag but no `ajv`',
        Object.assign(new Error('x'), { validation: true, errors: [ajvLike] }),
      ],
      [
        'an Error named ValiError whose issues are not valibot’s',
        Object.assign(new Error('x'), { name: 'ValiError', issues: [{ message: secret }] }),
      ],
      [
        'an object with a zod-like `_zod`',
        { _zod: { traits: ['$ZodError'] }, issues: [{ message: secret }] },
      ],
      ['an object named ZodError', { name: 'ZodError', issues: [{ message: secret, path: [] }] }],
    ]
    for (const [what, value] of lookalikes) assert.equal(readViolations(value), undefined, what)
  })
})
