// Values an application might throw that must never reach the client: each
// holds a secret somewhere (message, cause, a member, a header it asks for,
// a getter) or is hostile to read. Generated with fast-check from a fixed
// seed, so a failure names a value that can be reproduced.
import createFastifyError from '@fastify/error'
import { badData, badRequest, conflict, forbidden, notFound } from '@hapi/boom'
import fc from 'fast-check'
import { HTTPException } from 'hono/http-exception'
import createHttpError from 'http-errors'

/** Every secret starts with this, so a response can be searched for any of them. */
export const SECRET_PREFIX = 'sekret'

export interface LeakValue {
  kind: string
  value: unknown
  /** The secret it holds, if any (numbers and null hold none). */
  secret?: string
}

const secretArb = fc.stringMatching(/^[a-z0-9]{10}$/).map((tail) => `${SECRET_PREFIX}_${tail}`)

/** Members that frameworks and loggers read from errors. */
const READ_MEMBERS = [
  'message',
  'stack',
  'name',
  'status',
  'statusCode',
  'code',
  'expose',
  'headers',
  'cause',
  'toJSON',
  'validation',
  'issues',
  'errors',
  'data',
  'output',
]

const builders: fc.Arbitrary<LeakValue>[] = [
  // Errors whose message and cause chain hold the secret.
  fc.tuple(secretArb, fc.integer({ min: 0, max: 3 })).map(([secret, depth]) => {
    let cause: unknown = new Error(`db password ${secret}`)
    for (let i = 0; i < depth; i++) cause = new Error(`layer ${i}: ${secret}`, { cause })
    return { kind: 'error with cause', value: new Error(`failed: ${secret}`, { cause }), secret }
  }),
  fc
    .tuple(secretArb, fc.constantFrom(TypeError, RangeError, SyntaxError))
    .map(([secret, Kind]) => ({
      kind: `${Kind.name}`,
      value: new Kind(`unexpected ${secret}`),
      secret,
    })),
  // Plain objects and arrays carrying the secret.
  secretArb.map((secret) => ({
    kind: 'object with secrets',
    value: { password: secret, nested: { token: secret, list: [secret] } },
    secret,
  })),
  secretArb.map((secret) => ({ kind: 'array', value: [secret, 42, { why: secret }], secret })),
  // Strings and other primitives.
  secretArb.map((secret) => ({ kind: 'string', value: `boom ${secret}`, secret })),
  fc.oneof(fc.integer(), fc.double()).map((n) => ({ kind: 'number', value: n })),
  fc.constantFrom<LeakValue>(
    { kind: 'null', value: null },
    { kind: 'undefined', value: undefined },
    { kind: 'false', value: false },
    { kind: 'empty string', value: '' },
    { kind: 'symbol', value: Symbol('thrown') },
    { kind: 'bigint', value: 12345678901234567890n },
  ),
  // Circular structures.
  secretArb.map((secret) => {
    const value: Record<string, unknown> = { message: secret }
    value.self = value
    value.list = [value, { parent: value }]
    return { kind: 'circular object', value, secret }
  }),
  secretArb.map((secret) => {
    const value = new Error(secret) as Error & { self?: unknown }
    value.self = value
    value.cause = value
    return { kind: 'circular error', value, secret }
  }),
  // Values whose getters throw (the thrown error holds the secret too).
  fc.tuple(secretArb, fc.subarray(READ_MEMBERS, { minLength: 1 })).map(([secret, members]) => {
    // An Error by its prototype, without the own `stack` that V8 would format eagerly.
    const value = Object.create(Error.prototype) as Error
    for (const member of members)
      Object.defineProperty(value, member, {
        get() {
          throw new Error(`getter ${member} ${secret}`)
        },
      })
    if (!members.includes('message')) (value as { why?: string }).why = secret
    return { kind: `getters that throw (${members.join(', ')})`, value, secret }
  }),
  secretArb.map((secret) => ({
    kind: 'proxy whose get throws',
    value: new Proxy(
      { secret },
      {
        get() {
          throw new Error(`proxy ${secret}`)
        },
      },
    ),
    secret,
  })),
  // Objects that look like HTTP errors: a status, an `expose`, headers to set.
  fc
    .tuple(secretArb, fc.constantFrom(400, 401, 403, 404, 409, 422, 429, 502))
    .map(([secret, status]) => ({
      kind: `status-like object (${status})`,
      value: {
        status,
        statusCode: status,
        expose: true,
        message: secret,
        headers: { 'x-secret': secret, 'set-cookie': `session=${secret}` },
      },
      secret,
    })),
  fc.tuple(secretArb, fc.constantFrom(400, 401, 404, 418, 503)).map(([secret, status]) => {
    const value = Object.assign(new Error(secret), { status, expose: true })
    return { kind: `Error with status ${status}`, value, secret }
  }),
  // The peers' errors.
  fc.tuple(secretArb, fc.constantFrom(400, 401, 404, 409, 500)).map(([secret, status]) => ({
    kind: `http-errors ${status}`,
    value: createHttpError(status, `http-errors ${secret}`, { expose: true, why: secret }),
    secret,
  })),
  fc
    .tuple(secretArb, fc.constantFrom(badRequest, forbidden, notFound, conflict))
    .map(([secret, factory]) => ({
      kind: `Boom.${factory.name}`,
      value: factory(`boom ${secret}`, { secret }),
      secret,
    })),
  secretArb.map((secret) => {
    const value = badData(`boom ${secret}`)
    value.output.headers['X-Secret'] = secret
    return { kind: 'Boom with output headers', value, secret }
  }),
  secretArb.map((secret) => {
    const FstError = createFastifyError('APP_SECRET', 'fastify-error %s', 400)
    return { kind: '@fastify/error', value: new FstError(secret), secret }
  }),
  fc.tuple(secretArb, fc.constantFrom(401, 403, 418, 500, 503)).map(([secret, status]) => ({
    kind: `Hono HTTPException ${status}`,
    value: new HTTPException(status as 401, {
      message: `hono ${secret}`,
      res: new Response(secret, { status, headers: { 'x-secret': secret } }),
    }),
    secret,
  })),
  // An object whose toJSON and toString give the secret away.
  secretArb.map((secret) => ({
    kind: 'toJSON/toString',
    value: {
      toJSON: () => ({ secret }),
      toString: () => secret,
      [Symbol.toPrimitive]: () => secret,
    },
    secret,
  })),
]

/** `count` values, the same ones for the same seed. */
export function leakValues(count: number, seed = 20250601): LeakValue[] {
  return fc.sample(fc.oneof(...builders), { seed, numRuns: count })
}

/**
 * Values shaped like validation failures (an `issues` list, ajv's `errors`,
 * Fastify's `validation`) that no validation library made: what a database
 * driver or an AggregateError may carry. Taken for validation failures, their
 * messages would go on the wire as field violations.
 */
export function validationLookalikes(): LeakValue[] {
  const secret = `${SECRET_PREFIX}_pw`
  const address = `postgres://app:${secret}@db.internal:5432/shop`
  const ajvLike = { instancePath: '/db', keyword: 'connect', message: address, params: {} }
  return [
    {
      kind: 'array of Errors',
      value: [new Error(`connect ECONNREFUSED ${address}`), new Error(`password ${secret}`)],
    },
    { kind: 'array of issue-like objects', value: [{ message: address, path: ['db'] }] },
    { kind: 'array of ajv-like errors', value: [ajvLike] },
    { kind: 'object with issues', value: { issues: [{ message: address }] } },
    {
      kind: 'Error with issues',
      value: Object.assign(new Error('pool failed'), { issues: [{ message: address }] }),
    },
    { kind: 'object with ajv-like errors', value: { errors: [ajvLike] } },
    {
      kind: 'Error with ajv-like errors',
      value: Object.assign(new Error('pool failed'), { errors: [ajvLike] }),
    },
    { kind: 'object with a validation array', value: { statusCode: 400, validation: [ajvLike] } },
    {
      kind: 'Error with validation and validationContext, not from Fastify',
      value: Object.assign(new Error('x'), { validation: [ajvLike], validationContext: 'body' }),
    },
  ].map((leak) => ({ ...leak, secret }))
}
