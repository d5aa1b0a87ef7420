// biome-ignore-all lint/suspicious/noThenProperty: `then` is the branch of an `$if` template.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { EnvelopeTemplate } from '../catalog/schema.ts'
import { compileEnvelope, type ErrorMeta, type ErrorView } from './index.ts'

const ajv = new Ajv2020({ strict: false, allErrors: true })
ajv.addFormat('uri', true)
ajv.addFormat('uri-reference', true)

const API = { name: 'Demo', version: '1', domain: 'demo.example.com' }
const BAD_TOKEN: ErrorMeta = {
  symbol: 'BAD_TOKEN',
  code: 1001,
  key: 'bad_token',
  status: 401,
  type: 'https://docs.example.com/errors#bad_token',
  title: 'Bad token',
}
const INVALID: ErrorMeta = {
  symbol: 'INVALID',
  code: 1300,
  status: 400,
  type: 'https://docs.example.com/errors#1300',
  title: 'Invalid',
}

/** The error in every shape a template must accept: bare, and with everything set. */
function variants(meta: ErrorMeta): ErrorView[] {
  const bare: ErrorView = { ...meta, message: meta.title, params: {} }
  return [
    bare,
    {
      ...bare,
      params: { hint: 'x', n: 2 },
      docsUrl: meta.type,
      retryAfter: 3,
      locale: 'en',
      violations: [
        { field: '/a', message: 'Required', reason: 'required' },
        { field: '/b/0', message: 'Bad' },
      ],
    },
  ]
}

function validate(schema: object, body: unknown): string[] {
  const check = ajv.compile(schema)
  return check(body) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

const TEMPLATES: Record<string, EnvelopeTemplate> = {
  problem: { preset: 'problem' },
  google: { preset: 'google' },
  azure: { preset: 'azure' },
  jsonapi: { preset: 'jsonapi' },
  openapiV2: {
    status: 200,
    errorWhen: 'body.code != 0',
    body: {
      code: '{{ error.status }}',
      error_code: { $if: "error.group == 'module'", then: '{{ error.code }}' },
      message: '{{ error.message }}',
    },
  },
}

describe('bodySchema', () => {
  for (const [name, template] of Object.entries(TEMPLATES)) {
    test(`${name}: every rendered body matches the schema, generic and per error`, () => {
      const compiled = compileEnvelope(template)
      for (const meta of [BAD_TOKEN, INVALID]) {
        for (const error of variants(meta)) {
          const { body } = compiled.render(error, { id: 'r', path: '/p' }, API)
          assert.deepEqual(validate(compiled.bodySchema(), body), [], `${meta.symbol} generic`)
          assert.deepEqual(validate(compiled.bodySchema(meta), body), [], `${meta.symbol} own`)
        }
      }
    })
  }

  test('per error, identifying members are constants that reject other errors', () => {
    for (const name of ['problem', 'google', 'azure', 'jsonapi']) {
      const compiled = compileEnvelope(TEMPLATES[name])
      const other = compiled.render(variants(INVALID)[0]!, {}, API).body
      assert.notDeepEqual(validate(compiled.bodySchema(BAD_TOKEN), other), [], name)
    }
  })

  test('the problem schema types and describes its members', () => {
    const schema = compileEnvelope({ preset: 'problem' }).bodySchema() as {
      properties: Record<string, Record<string, unknown>>
      required: string[]
    }
    assert.deepEqual(schema.required, ['type', 'title', 'status', 'detail'])
    assert.deepEqual(schema.properties.status, {
      description: 'HTTP status of the error.',
      type: 'integer',
      minimum: 100,
      maximum: 599,
    })
    assert.deepEqual(schema.properties.code, {
      anyOf: [
        { description: 'String error code.', type: 'string' },
        { description: 'Numeric error code.', type: 'integer' },
      ],
    })
    assert.deepEqual(schema.properties.errors, {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          detail: { description: 'What is wrong with the field.', type: 'string' },
          pointer: {
            description: 'JSON Pointer to the invalid field of the request.',
            type: 'string',
          },
        },
        required: ['detail', 'pointer'],
      },
    })
  })

  test('a member an error leaves out is forbidden in its own schema', () => {
    const compiled = compileEnvelope(TEMPLATES.openapiV2)
    const general = { ...INVALID, code: 400, group: 'general' }
    const module = { ...INVALID, code: 100301, group: 'module' }
    const own = compiled.bodySchema(general) as { properties: Record<string, unknown> }
    assert.equal(own.properties.error_code, false)
    assert.deepEqual(own.properties.code, { const: 400 })
    const moduleSchema = compiled.bodySchema(module) as {
      properties: Record<string, unknown>
      required: string[]
    }
    assert.deepEqual(moduleSchema.properties.error_code, { const: 100301 })
    assert.deepEqual(moduleSchema.required, ['code', 'error_code', 'message'])
  })

  test('the google schema lists each detail type', () => {
    const schema = compileEnvelope({ preset: 'google' }).bodySchema() as {
      properties: {
        error: {
          properties: {
            details: { prefixItems: object[]; items: { anyOf: { properties: object }[] } }
          }
        }
      }
    }
    const details = schema.properties.error.properties.details
    // ErrorInfo always comes first; the others when they apply, in any order.
    const types = [details.prefixItems[0]!, ...details.items.anyOf].map(
      (d) => (d as { properties: { '@type': { const: string } } }).properties['@type'].const,
    )
    assert.deepEqual(
      types.map((t) => t.replace('type.googleapis.com/google.rpc.', '')),
      ['ErrorInfo', 'RetryInfo', 'BadRequest', 'RequestInfo', 'LocalizedMessage', 'Help'],
    )
  })
})
