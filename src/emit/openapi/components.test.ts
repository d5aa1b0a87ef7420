import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { LoadedCatalog } from '../../catalog/model.ts'
import { loadCatalog } from '../../load/load.ts'
import { buildComponents, type ErrcatComponents } from './components.ts'
import { errorBodies } from './error-bodies.ts'

// biome-ignore lint/suspicious/noExplicitAny: parsed documents, read member by member.
type Json = Record<string, any>

let dir: string
let count = 0
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-openapi-components-'))
})
after(() => rm(dir, { recursive: true, force: true }))

async function components(envelope: string, errors: string): Promise<ErrcatComponents> {
  const file = join(dir, `catalog-${count++}.yaml`)
  await writeFile(
    file,
    `api: { name: Demo, docs: https://docs.demo.example/errors }\nenvelope: ${envelope}\nerrors:\n${errors}`,
  )
  const { catalog, findings } = await loadCatalog(file)
  assert.ok(catalog, JSON.stringify(findings))
  return buildComponents(catalog as LoadedCatalog, errorBodies(catalog as LoadedCatalog))
}

const schemaOf = (c: ErrcatComponents, status: number, type = 'application/problem+json') =>
  (c.responses[`ErrcatError${status}`] as Json).content[type].schema as Json

// Two 404s and a 401, with keys: the problem preset's `code` is the key.
const KEYED = `
  NO_USER: { code: 2001, key: no_user, status: 404, title: No such user }
  NO_ORDER: { code: 2002, key: no_order, status: 404, title: No such order, deprecated: { replacedBy: NO_USER } }
  BAD_TOKEN: { code: 1001, key: bad_token, status: 401, title: Bad token }
  OK: { code: 0, status: 200, title: Fine, success: true }
  OLD: { code: 9, status: 404, title: Gone, obsolete: true }
`

describe('OpenAPI components', () => {
  it('names schemas after symbols, marks them, and leaves out success and obsolete codes', async () => {
    const c = await components('{ preset: problem }', KEYED)
    assert.deepEqual(Object.keys(c.schemas), [
      'ErrcatError',
      'ErrcatError_NO_USER',
      'ErrcatError_NO_ORDER',
      'ErrcatError_BAD_TOKEN',
    ])
    assert.deepEqual(Object.keys(c.responses), ['ErrcatError401', 'ErrcatError404'])
    for (const value of [...Object.values(c.schemas), ...Object.values(c.responses)])
      assert.equal(value['x-errcat'], 'generated')
    assert.equal(c.schemas.ErrcatError_NO_ORDER!.deprecated, true)
    assert.equal(c.schemas.ErrcatError_NO_USER!.deprecated, undefined)
    assert.equal((c.schemas.ErrcatError_NO_USER as Json).properties.code.const, 'no_user')
    assert.deepEqual(
      [...c.statusOf],
      [
        ['NO_USER', 404],
        ['NO_ORDER', 404],
        ['BAD_TOKEN', 401],
      ],
    )
  })

  it('writes an error’s schema as the general one plus what differs for that error', async () => {
    const c = await components('{ preset: problem }', KEYED)
    assert.deepEqual(c.schemas.ErrcatError_NO_ORDER, {
      'x-errcat': 'generated',
      title: 'No such order',
      deprecated: true,
      allOf: [{ $ref: '#/components/schemas/ErrcatError' }],
      type: 'object',
      properties: {
        type: { const: 'https://docs.demo.example/errors#no_order' },
        status: { const: 404 },
        code: { const: 'no_order' },
      },
      required: ['type', 'status', 'code'],
    })
    // The general schema's member descriptions are said once, there.
    const described = JSON.stringify(c.schemas).match(/Short, stable summary/g)
    assert.equal(described?.length, 1)
  })

  it('discriminates the errors of a status by their string code, mapping each to its schema', async () => {
    const c = await components('{ preset: problem }', KEYED)
    assert.deepEqual(schemaOf(c, 404), {
      oneOf: [
        { $ref: '#/components/schemas/ErrcatError_NO_USER' },
        { $ref: '#/components/schemas/ErrcatError_NO_ORDER' },
      ],
      discriminator: {
        propertyName: 'code',
        mapping: {
          no_user: '#/components/schemas/ErrcatError_NO_USER',
          no_order: '#/components/schemas/ErrcatError_NO_ORDER',
        },
      },
    })
    // One error: its own schema, nothing to discriminate.
    assert.deepEqual(schemaOf(c, 401), { $ref: '#/components/schemas/ErrcatError_BAD_TOKEN' })
  })

  it('gives each error an example named by its symbol, as the runtime sends it', async () => {
    const c = await components('{ preset: problem }', KEYED)
    const media = (c.responses.ErrcatError404 as Json).content['application/problem+json']
    assert.deepEqual(Object.keys(media.examples), ['NO_USER', 'NO_ORDER'])
    assert.equal(media.examples.NO_USER.summary, 'No such user')
    assert.equal(media.examples.NO_USER.value.code, 'no_user')
    assert.equal(media.examples.NO_USER.value.status, 404)
    assert.match(
      (c.responses.ErrcatError404 as Json).description,
      /^2 errors sent with HTTP 404: `NO_USER`, `NO_ORDER`\.$/,
    )
  })

  it('numeric codes: oneOf without discriminator, and the description says why', async () => {
    const c = await components(
      '{ body: { code: "{{ error.code }}", message: "{{ error.message }}" } }',
      KEYED,
    )
    const schema = schemaOf(c, 404, 'application/json')
    assert.equal(schema.discriminator, undefined)
    assert.equal(schema.oneOf.length, 2)
    assert.match(
      schema.description,
      /No discriminator: `code` is not a string \(2001 for `NO_USER`\)/,
    )
  })

  it('a code in a nested member: no discriminator', async () => {
    const c = await components(
      '{ status: 200, errorWhen: "body.opstat == \'error\'", body: { opstat: error, err: { code: "{{ error.code }}" } } }',
      KEYED,
    )
    // The envelope answers every error with 200: one response for all of them.
    assert.deepEqual(Object.keys(c.responses), ['ErrcatError200'])
    const schema = schemaOf(c, 200, 'application/json')
    assert.equal(schema.oneOf.length, 3)
    assert.match(schema.description, /nested member `err\.code`/)
    assert.match((c.responses.ErrcatError200 as Json).description, /signals errors in the body/)
  })

  it('an envelope with neither code nor key (google): no discriminator', async () => {
    const c = await components('{ preset: google }', KEYED)
    const schema = schemaOf(c, 404, 'application/json')
    assert.equal(schema.discriminator, undefined)
    assert.match(schema.description, /carries neither the code nor the key/)
  })

  it('a code some errors lack: no discriminator, but oneOf still tells them apart', async () => {
    const c = await components(
      '{ body: { code: "{{ error.key }}", status: "{{ error.status }}", number: "{{ error.code }}" } }',
      `
  KEYED: { code: 1, key: keyed, status: 400, title: Keyed }
  BARE: { code: 2, status: 400, title: Bare }
`,
    )
    const schema = schemaOf(c, 400, 'application/json')
    assert.equal(schema.discriminator, undefined)
    assert.match(schema.description, /`BARE` sends no `code` member/)
    assert.equal(schema.oneOf.length, 2)
  })

  it('two errors sharing their code value: the general schema, and why', async () => {
    const c = await components(
      '{ body: { code: "{{ error.key ?? error.code | string }}", message: "{{ error.message }}" } }',
      `
  BY_KEY: { key: "1001", status: 400, title: By key }
  BY_CODE: { code: 1001, status: 400, title: By code }
`,
    )
    const schema = schemaOf(c, 400, 'application/json')
    assert.equal(schema.oneOf, undefined)
    assert.equal(schema.$ref, '#/components/schemas/ErrcatError')
    assert.match(schema.description, /`BY_KEY` and `BY_CODE` send the same identifying members/)
    assert.match(schema.description, /share the `code` "1001"/)
  })
})

describe('OpenAPI params', () => {
  it('types the params of each exposed error where the envelope puts error.params', async () => {
    const c = await components(
      '{ preset: problem }',
      `
  LIMIT: { key: limit, status: 409, title: Limit, message: "{max} {kind}", params: { max: { type: integer, description: The limit }, kind: { type: enum, values: [a, b], optional: true } } }
  SECRET: { key: secret, status: 500, title: Secret, message: "{detail}", params: { detail: { type: string } } }
`,
    )
    const params = (name: string) => (c.schemas[name] as Json).properties.params
    // The overlay types them; the general schema (`allOf`) says the rest of `params`.
    assert.deepEqual(params('ErrcatError_LIMIT'), {
      type: 'object',
      properties: {
        max: { description: 'The limit', type: 'integer' },
        kind: { type: 'string', enum: ['a', 'b'] },
      },
      required: ['max'],
    })
    // Not exposed (a 5xx): its params never go on the wire, so nothing narrows the general `params`.
    assert.equal(params('ErrcatError_SECRET'), undefined)
    assert.equal(params('ErrcatError').additionalProperties, true)
    assert.equal(params('ErrcatError').description, 'Values of the message parameters.')
  })

  it('types a member that holds one param, in the errors that have it', async () => {
    const c = await components(
      '{ body: { error: "{{ error.code }}", field: "{{ error.params.field }}" } }',
      `
  MISSING: { code: 14, status: 400, title: Missing, message: "{field}", params: { field: { type: string, description: The field } } }
  OTHER: { code: 15, status: 400, title: Other }
`,
    )
    const field = (name: string) => (c.schemas[name] as Json).properties.field
    assert.deepEqual(field('ErrcatError_MISSING'), { description: 'The field', type: 'string' })
    assert.equal(field('ErrcatError_OTHER'), undefined)
  })
})

describe('OpenAPI response headers', () => {
  it('declares what the runtime sends, required when every error of the status sends it', async () => {
    const c = await components(
      '{ preset: azure }',
      `
  LIMITED: { key: limited, status: 429, title: Limited, rateLimit: { policy: minute, quota: 60, window: 60 } }
  BUSY: { key: busy, status: 503, title: Busy, retry: { after: 5 } }
  DOWN: { key: down, status: 503, title: Down, retry: never }
`,
    )
    const limited = (c.responses.ErrcatError429 as Json).headers
    assert.deepEqual(Object.keys(limited), [
      'X-Request-Id',
      'Content-Language',
      'Retry-After',
      'RateLimit-Policy',
      'RateLimit',
      'x-ms-error-code',
    ])
    assert.equal(limited['Retry-After'].required, true)
    assert.deepEqual(limited['Retry-After'].schema, { type: 'integer', minimum: 0 })
    assert.equal(limited['Retry-After'].example, 60)
    assert.equal(limited.RateLimit.example, '"minute";r=0;t=60')
    const busy = (c.responses.ErrcatError503 as Json).headers
    // BUSY sends Retry-After, DOWN does not.
    assert.equal(busy['Retry-After'].required, undefined)
    assert.equal(busy['X-Request-Id'].required, true)
    assert.equal(busy['x-ms-error-code'].required, true)
    assert.equal(busy.RateLimit, undefined)
  })
})
