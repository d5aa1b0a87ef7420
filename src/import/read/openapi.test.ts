import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectFormat } from './detect.ts'
import { openapiImporter } from './openapi.ts'

const oas3 = JSON.stringify(
  {
    openapi: '3.0.3',
    info: { title: 'Shop', version: '1' },
    paths: {
      '/orders': {
        post: {
          description: 'Mentions `ORDER_IN_PROSE` without defining it.',
          responses: {
            '201': {
              description: 'Created',
              content: { 'application/json': { example: { code: 'CREATED_NOT_ERROR' } } },
            },
            '409': {
              description:
                'Conflict:\n\n- `ORDER_LOCKED`: the order is being edited.\n- `ORDER_CLOSED`: the order\n  is closed.',
              content: {
                'application/json': {
                  examples: {
                    locked: {
                      value: { error: { code: 'ORDER_LOCKED', message: 'Order is locked' } },
                    },
                  },
                },
              },
            },
            '400': {
              description: 'Bad request',
              content: {
                'application/json': {
                  example: { status: 400, code: 'BAD_SKU', message: 'Unknown SKU' },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          properties: {
            code: {
              type: 'string',
              enum: ['RATE_LIMITED', 'ORDER_LOCKED'],
              'x-enum-descriptions': ['Too many requests', 'Order is locked'],
            },
          },
        },
      },
    },
  },
  null,
  2,
)

describe('OpenAPI and JSON Schema importer', () => {
  it('is detected from the openapi/swagger key, YAML or JSON', () => {
    assert.equal(detectFormat(oas3)?.importer.format, 'openapi')
    assert.equal(
      detectFormat("swagger: '2.0'\ninfo:\n  title: x\npaths: {}\n")?.importer.format,
      'openapi',
    )
  })

  it('reads codes from error responses: listed in descriptions, shown in examples, status from the key', () => {
    const page = openapiImporter.parse(oas3)
    const rows = page.rows.map((r) => [r.code, r.status, r.message, r.description])
    // JSON.stringify wrote the integer-like keys in ascending order: 400 before 409.
    assert.deepEqual(rows.slice(0, 3), [
      ['BAD_SKU', 400, 'Unknown SKU', undefined],
      ['ORDER_LOCKED', 409, 'Order is locked', 'the order is being edited.'],
      ['ORDER_CLOSED', 409, 'the order is closed.', undefined],
    ])
    assert.ok(!page.rows.some((r) => /PROSE|CREATED/.test(r.code)))
    assert.equal(page.groups[page.rows[1]!.group!]!.title, '/orders')
  })

  it('reads the enum of an error schema’s code field with x-enum-descriptions', () => {
    const page = openapiImporter.parse(oas3)
    assert.deepEqual(
      page.rows.slice(3).map((r) => [r.code, r.message, page.groups[r.group!]!.title]),
      [
        ['RATE_LIMITED', 'Too many requests', 'Error'],
        // ORDER_LOCKED with the same words was already read from the responses.
      ],
    )
  })

  it('reads JSON Schema oneOf constants', () => {
    const schema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "ErrorCode",
  "type": "object",
  "properties": {
    "code": {
      "oneOf": [
        { "const": "E_TIMEOUT", "description": "The call timed out." },
        { "const": "E_DENIED", "description": "Access denied." }
      ]
    }
  }
}`
    assert.equal(detectFormat(schema)?.importer.format, 'openapi')
    const page = openapiImporter.parse(schema)
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.message, r.line]),
      [
        ['E_TIMEOUT', 'The call timed out.', 8],
        ['E_DENIED', 'Access denied.', 9],
      ],
    )
  })
})
