// biome-ignore-all lint/suspicious/noThenProperty: `then` is the branch of an `$if` template.
// The generated writer must send what the template interpreter renders: the
// same status, headers and JSON body, for every preset, every example
// catalog's envelope and templates using each construct, on generated error
// views.
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { describe, it } from 'node:test'
import { renderEnvelope } from '@errcat/runtime/internal/envelope'
import fc from 'fast-check'
import { fuzz } from '../../test/fuzz-settings.ts'
import type { EnvelopeTemplate } from '../catalog/schema.ts'
import { compileEnvelope, type ErrorView, type RequestView } from '../envelope/index.ts'
import { loadCatalog } from '../load/load.ts'
import { writerSource } from './envelope-code.ts'
import { envelopeWriter } from './envelope-writer.ts'

const CONSTRUCTS: Record<string, EnvelopeTemplate> = {
  everyConstruct: {
    status: 200,
    headers: { 'X-Code': '{{ error.code }}', 'X-Note': 'code {{ error.code | string }}!' },
    body: {
      fixed: [1, 'two', null, true],
      text: 'Error {{ error.code }}: {{ error.message | upper }} ({{ error.params }})',
      either: '{{ error.key ?? error.symbol }}',
      or: '{{ error.params.hint || error.title }}',
      and: '{{ error.retryAfter && error.retryAfter | seconds }}',
      compare: '{{ error.status >= 500 }}',
      less: "{{ error.key < 'm' }}",
      not: '{{ !error.violations }}',
      lower: '{{ error.symbol | lower }}',
      number: '{{ error.params.count | number }}',
      grpc: '{{ error.status | grpcStatus }}',
      map: '{{ error.params | stringMap }}',
      deep: '{{ error.upstream.detail.reason }}',
      proto: '{{ error.params.__proto__ }}',
      when: { $if: 'error.params.hint', then: { hint: '{{ error.params.hint }}' }, else: 'none' },
      only: { $if: "error.group == 'auth'", then: 'auth' },
      list: [
        '{{ request.id }}',
        { $if: 'error.docsUrl', then: '{{ error.docsUrl }}' },
        { $each: 'error.violations', as: 'v', do: { at: '{{ v.field | fieldPath }}' } },
      ],
      each: {
        $each: 'error.violations',
        as: 'v',
        do: {
          field: '{{ v.field }}',
          nested: { $each: 'error.violations', as: 'w', do: '{{ v.field }}/{{ w.reason }}' },
        },
      },
      api: '{{ api.name }} {{ api.version }}',
      where: '{{ request.method }} {{ request.path }}',
    },
  },
  statusExpression: { status: '{{ error.params.status }}', body: { s: '{{ error.status }}' } },
}

const PRESETS: EnvelopeTemplate[] = [
  { preset: 'problem' },
  { preset: 'google' },
  { preset: 'azure' },
  { preset: 'jsonapi' },
]

async function exampleEnvelopes(): Promise<[string, EnvelopeTemplate][]> {
  const out: [string, EnvelopeTemplate][] = []
  for (const name of readdirSync(new URL('../../examples', import.meta.url))) {
    const path = new URL(`../../examples/${name}/errors.yaml`, import.meta.url)
    const { catalog } = await loadCatalog(path.pathname).catch(() => ({ catalog: undefined }))
    if (catalog) out.push([name, catalog.envelope])
  }
  return out
}

const scalar = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
)
const value = fc.oneof(scalar, fc.array(scalar), fc.dictionary(fc.string(), scalar))

const errorView: fc.Arbitrary<ErrorView> = fc.record(
  {
    symbol: fc.constantFrom('BAD_TOKEN', 'NOT_FOUND'),
    code: fc.option(fc.integer({ min: 0, max: 99999 }), { nil: undefined }),
    key: fc.option(fc.constantFrom('bad_token', 'zebra', 'a-b'), { nil: undefined }),
    status: fc.constantFrom(400, 401, 404, 429, 500, 503),
    title: fc.string(),
    message: fc.string(),
    params: fc.oneof(
      fc.constant({}),
      fc.record({ hint: value, count: value, status: value, field: value }, { requiredKeys: [] }),
      fc.dictionary(fc.string(), value),
    ),
    docsUrl: fc.option(fc.webUrl(), { nil: undefined }),
    type: fc.webUrl(),
    group: fc.option(fc.constantFrom('auth', 'legacy', 'module'), { nil: undefined }),
    retryAfter: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
    violations: fc.option(
      fc.array(
        fc.record(
          {
            field: fc.string(),
            message: fc.string(),
            reason: fc.option(fc.string(), { nil: undefined }),
          },
          { requiredKeys: ['field', 'message'] },
        ),
        { maxLength: 3 },
      ),
      { nil: undefined },
    ),
    locale: fc.option(fc.constantFrom('en', 'ja'), { nil: undefined }),
    upstream: fc.option(fc.dictionary(fc.string(), value), { nil: undefined }),
  },
  { requiredKeys: ['symbol', 'status', 'title', 'message', 'params', 'type'] },
) as fc.Arbitrary<ErrorView>

const requestView: fc.Arbitrary<RequestView> = fc.record(
  { id: fc.string(), path: fc.string(), method: fc.constantFrom('GET', 'POST') },
  { requiredKeys: [] },
)
const API = { name: 'Demo', version: '2', domain: 'demo.example' }

function sameResponses(template: EnvelopeTemplate, runs: number): void {
  const interpreted = compileEnvelope(template)
  const writer = envelopeWriter(template)
  fc.assert(
    fc.property(errorView, requestView, (error, request) => {
      const expected = interpreted.render(error, request, API)
      const actual = renderEnvelope(writer, error, request, API)
      assert.equal(actual.status, expected.status)
      assert.deepEqual(actual.headers, expected.headers)
      assert.equal(actual.contentType, expected.contentType)
      assert.equal(JSON.stringify(actual.body), JSON.stringify(expected.body))
    }),
    fuzz(runs),
  )
}

describe('generated envelope writer', () => {
  for (const template of PRESETS)
    it(`renders the ${template.preset} preset as the interpreter does`, () =>
      sameResponses(template, 300))

  for (const [name, template] of Object.entries(CONSTRUCTS))
    it(`renders ${name} as the interpreter does`, () => sameResponses(template, 500))

  it('renders the envelope of every example catalog as the interpreter does', async () => {
    const envelopes = await exampleEnvelopes()
    assert.ok(envelopes.length >= 7)
    for (const [, template] of envelopes) sameResponses(template, 200)
  })

  it('is plain code: literals quoted, no template text evaluated', () => {
    const { code } = writerSource({
      body: { message: "'); process.exit(1); ('", '"); x("': '{{ error.code }}' },
    })
    assert.match(code, /message: "'\); process\.exit\(1\); \('"/)
    assert.match(code, /"\\"\); x\(\\"": e\.code/)
  })

  it('says when a body can be cached per error and locale', () => {
    assert.equal(
      envelopeWriter({ body: { code: '{{ error.code }}', m: '{{ error.message }}' } }).cacheable,
      true,
    )
    assert.equal(envelopeWriter({ preset: 'problem' }).cacheable, false)
    assert.equal(envelopeWriter({ body: { p: '{{ error.params }}' } }).cacheable, false)
    assert.equal(envelopeWriter({ body: { r: '{{ error.retryAfter }}' } }).cacheable, false)
  })
})
