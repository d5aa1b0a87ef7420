import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { schemaOverlay } from './overlay.ts'

const general = {
  type: 'object',
  properties: {
    code: { description: 'The code.', anyOf: [{ type: 'string' }, { type: 'integer' }] },
    message: { description: 'The message.', type: 'string' },
    hint: { description: 'A hint.', type: 'string' },
    err: {
      type: 'object',
      properties: { code: { type: 'integer' }, msg: { type: 'string' } },
      required: ['msg'],
    },
  },
  required: ['message', 'err'],
}

describe('schemaOverlay', () => {
  it('keeps only what the error says more: constants, left-out members, new requirements', () => {
    const special = {
      type: 'object',
      properties: {
        code: { const: 'bad_token' },
        message: { description: 'The message.', type: 'string' },
        hint: false,
        err: {
          type: 'object',
          properties: { code: { const: 1000 }, msg: { type: 'string' } },
          required: ['code', 'msg'],
        },
      },
      required: ['code', 'message', 'err'],
    }
    assert.deepEqual(schemaOverlay(general, special), {
      type: 'object',
      properties: {
        code: { const: 'bad_token' },
        hint: false,
        // Nested members are narrowed member by member too.
        err: { type: 'object', properties: { code: { const: 1000 } }, required: ['code'] },
      },
      // `err` is required by the general schema already, but the overlay describes it: it says so.
      required: ['code', 'err'],
    })
  })

  it('is undefined when the error adds nothing', () => {
    assert.equal(schemaOverlay(general, structuredClone(general)), undefined)
    // A general keyword the error does not repeat (an open record) narrows nothing.
    const open = { type: 'object', additionalProperties: true }
    assert.equal(schemaOverlay(open, { type: 'object' }), undefined)
  })

  it('narrows prefix items by position, `{}` standing for an unchanged one', () => {
    const array: { prefixItems: object[] } & Record<string, unknown> = {
      type: 'array',
      prefixItems: [{ type: 'string' }, { type: 'object', properties: { a: { type: 'string' } } }],
      minItems: 2,
      items: false,
    }
    const special = structuredClone(array)
    special.prefixItems[1] = { type: 'object', properties: { a: { const: 'x' } } }
    assert.deepEqual(schemaOverlay(array, special), {
      type: 'array',
      prefixItems: [{}, { type: 'object', properties: { a: { const: 'x' } } }],
    })
    // A trailing unchanged item is left out.
    const first = structuredClone(array)
    first.prefixItems[0] = { const: 'y' }
    assert.deepEqual(schemaOverlay(array, first), { type: 'array', prefixItems: [{ const: 'y' }] })
  })

  it('narrows `items`, listing every prefix item beside it, which it would apply to otherwise', () => {
    const array = {
      type: 'array',
      prefixItems: [{ type: 'string' }],
      items: { type: 'object', properties: { code: { type: 'string' } } },
    }
    const special = {
      ...array,
      items: { type: 'object', properties: { code: { const: 'c' } }, required: ['code'] },
    }
    assert.deepEqual(schemaOverlay(array, special), {
      type: 'array',
      prefixItems: [{}],
      items: { type: 'object', properties: { code: { const: 'c' } }, required: ['code'] },
    })
  })

  it('closes an object by naming each of its members beside `additionalProperties`', () => {
    const special = {
      type: 'object',
      properties: { ...general.properties, code: { const: 7 } },
      required: general.required,
      additionalProperties: false,
    }
    const overlay = schemaOverlay(general, special) as Record<string, unknown>
    assert.deepEqual(overlay.properties, { code: { const: 7 }, message: {}, hint: {}, err: {} })
    assert.equal(overlay.additionalProperties, false)
  })

  it('replaces what it cannot narrow keyword by keyword (a type change, an `anyOf` branch)', () => {
    const either = { anyOf: [{ type: 'string' }, { type: 'object' }] }
    assert.deepEqual(schemaOverlay(either, { type: 'string' }), { type: 'string' })
    assert.equal(schemaOverlay({ type: 'string' }, false), false)
  })

  it('accepts, with the general schema, what the error’s schema accepts, and nothing more', () => {
    const special = {
      type: 'object',
      properties: {
        code: { const: 'bad_token' },
        message: { type: 'string' },
        hint: false,
        err: {
          type: 'object',
          properties: { code: { const: 1000 }, msg: { type: 'string' } },
          required: ['code', 'msg'],
        },
      },
      required: ['code', 'message', 'err'],
    }
    const ajv = new Ajv2020({ strict: true })
    const combined = ajv.compile({ allOf: [general, schemaOverlay(general, special) as object] })
    const alone = ajv.compile(special)
    const bodies = [
      { code: 'bad_token', message: 'm', err: { code: 1000, msg: 'x' } },
      { code: 'bad_token', message: 'm', err: { code: 1001, msg: 'x' } },
      { code: 'other', message: 'm', err: { code: 1000, msg: 'x' } },
      { code: 'bad_token', message: 'm', hint: 'h', err: { code: 1000, msg: 'x' } },
      { code: 'bad_token', message: 'm', err: { msg: 'x' } },
      { message: 'm', err: { code: 1000, msg: 'x' } },
      { code: 'bad_token', err: { code: 1000, msg: 'x' } },
    ]
    for (const body of bodies) assert.equal(combined(body), alone(body), JSON.stringify(body))
  })
})
