// biome-ignore-all lint/suspicious/noThenProperty: `then` is the branch of an `$if` template.
// The envelope template is catalog text that becomes code: `errcat build`
// compiles it into a writer and a reader for the generated module. Whatever
// the template, validation gives problems or none, never an exception; a
// template without problems compiles, its generated writer sends what the
// interpreter renders, and the generated reader reads any body, the
// writer's own among them, without throwing. For the presets and the example
// catalogs' envelopes, a rendered error is read back as the same error.
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { describe, it } from 'node:test'
import { renderEnvelope } from '@errcat/runtime/internal/envelope'
import { createReader } from '@errcat/runtime/internal/envelope/read-envelope'
import fc from 'fast-check'
import { fuzz } from '../../test/fuzz-settings.ts'
import type { EnvelopeTemplate } from '../catalog/schema.ts'
import { readerData } from '../emit/envelope-code.ts'
import { envelopeWriter } from '../emit/envelope-writer.ts'
import { loadCatalog } from '../load/load.ts'
import {
  compileEnvelope,
  EnvelopeError,
  type ErrorMeta,
  type ErrorView,
  type RequestView,
  validateEnvelope,
} from './index.ts'

const API = { name: 'Demo', version: '2', domain: 'demo.example' }

const EXPRESSION_TOKENS = [
  'error.code',
  'error.key',
  'error.symbol',
  'error.status',
  'error.message',
  'error.params',
  'error.params.hint',
  'error.params.__proto__',
  'error.violations',
  'error.retryAfter',
  'error.upstream.detail',
  'error.nope',
  'request.id',
  'api.name',
  'body.code',
  'status',
  'v.field',
  'v',
  'constructor',
  ' | upper',
  ' | lower',
  ' | string',
  ' | number',
  ' | seconds',
  ' | grpcStatus',
  ' | stringMap',
  ' | fieldPath',
  ' | nope',
  ' ?? ',
  ' || ',
  ' && ',
  ' == ',
  ' != ',
  ' >= ',
  ' < ',
  '!',
  '(',
  ')',
  "'text'",
  "'",
  '"',
  '1',
  '-1',
  '1e999',
  'null',
  'true',
  '.',
  '[0]',
  ' ',
]
const expression = fc
  .array(fc.oneof(fc.constantFrom(...EXPRESSION_TOKENS), fc.string({ maxLength: 3 })), {
    maxLength: 6,
  })
  .map((parts) => parts.join(''))
const templateString = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 6 }),
      expression.map((e) => `{{ ${e} }}`),
      fc.constantFrom('{{', '}}', '{', '}', '{{}}'),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(''))

const { node } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    templateString,
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.double()),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom('code', 'message', 'error', '__proto__', '$x'),
        fc.string({ maxLength: 4 }),
      ),
      tie('node'),
      { maxKeys: 3 },
    ),
    fc.record({ $if: expression, then: tie('node'), else: tie('node') }, { requiredKeys: ['$if'] }),
    fc.record(
      {
        $each: fc.oneof(fc.constantFrom('error.violations', 'error.params'), expression),
        as: fc.constantFrom('v', 'w', 'error', ''),
        do: tie('node'),
      },
      { requiredKeys: ['$each'] },
    ),
  ),
}))

/** Expressions that validate, so that most templates built from them compile. */
const VALID_EXPRESSIONS = [
  'error.code',
  'error.key',
  'error.symbol',
  'error.status',
  'error.message',
  'error.title',
  'error.type',
  'error.docsUrl',
  'error.params',
  'error.params.hint',
  'error.params.count | number',
  'error.params.__proto__',
  'error.key ?? error.code',
  'error.params.hint || error.title',
  'error.retryAfter && error.retryAfter | seconds',
  'error.status >= 500',
  "error.group == 'auth'",
  '!error.violations',
  'error.symbol | lower',
  'error.message | upper',
  'error.code | string',
  'error.status | grpcStatus',
  'error.params | stringMap',
  'error.upstream.detail.reason',
  'request.id',
  'request.path',
  'api.name',
]
const validString = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 4 }).map((t) => t.replace(/[{}]/g, '')),
      fc.constantFrom(...VALID_EXPRESSIONS).map((e) => `{{ ${e} }}`),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((parts) => parts.join(''))
const { validNode } = fc.letrec<{ validNode: unknown }>((tie) => ({
  validNode: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    validString,
    fc.constantFrom(...VALID_EXPRESSIONS).map((e) => `{{ ${e} }}`),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('validNode'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('code', 'message', 'error', 'details', 'x'), tie('validNode'), {
      maxKeys: 3,
    }),
    fc.record(
      {
        $if: fc.constantFrom(...VALID_EXPRESSIONS),
        then: tie('validNode'),
        else: tie('validNode'),
      },
      { requiredKeys: ['$if', 'then'] },
    ),
    fc.record({
      $each: fc.constant('error.violations'),
      as: fc.constant('v'),
      do: fc.constantFrom('{{ v.field | fieldPath }}', {
        at: '{{ v.field }}',
        why: '{{ v.reason }}',
      }),
    }),
  ),
}))

const template: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record(
      {
        status: fc.constantFrom(200, 400, '{{ error.status }}', '{{ error.params.status }}'),
        headers: fc.dictionary(fc.constantFrom('X-Code', 'X-Request', 'Retry-After'), validString, {
          maxKeys: 2,
        }),
        body: validNode,
        errorWhen: fc.constantFrom('body.code != 0', "body.opstat == 'error'", 'body.error'),
      },
      { requiredKeys: ['body'] },
    ),
  },
  fc.record(
    {
      preset: fc.constantFrom('problem', 'google', 'azure', 'jsonapi', 'nope'),
      status: fc.oneof(fc.constantFrom(200, 404, 600), templateString),
      headers: fc.dictionary(
        fc.constantFrom('X-Code', 'Retry-After', 'bad header', ''),
        fc.oneof(templateString, fc.integer()),
        { maxKeys: 2 },
      ),
      body: node,
      errorWhen: expression,
      contentType: fc.constantFrom('application/json', 'text/plain', ''),
    },
    { requiredKeys: [] },
  ),
  fc.anything({ maxDepth: 2 }),
)

const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null))
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.string(), scalar),
)

/** Errors with distinct symbols, codes and keys, as a catalog has them. */
const errorMetas: fc.Arbitrary<ErrorMeta[]> = fc
  // Not 0: the envelopes that answer errors with a 200 (qencode, gengo) say code 0 is success.
  .uniqueArray(fc.integer({ min: 1, max: 99_999 }), { minLength: 1, maxLength: 6 })
  .chain((codes) =>
    fc.tuple(
      ...codes.map((code) =>
        fc.record({
          symbol: fc.constant(`E_${code}`),
          code: fc.constant(code),
          key: fc.constant(`key_${code}`),
          status: fc.constantFrom(400, 401, 404, 409, 429, 500, 503),
          type: fc.constant(`https://docs.example/errors#${code}`),
          group: fc.constantFrom('auth', 'module', 'general'),
          // One title for all: bodies then differ only by what identifies an error.
          title: fc.constant('Failed'),
        }),
      ),
    ),
  )

function viewOf(
  meta: ErrorMeta,
  extra: { message: string; params: Record<string, unknown> },
): ErrorView {
  return { ...meta, docsUrl: meta.type, ...extra }
}
const requestView: fc.Arbitrary<RequestView> = fc.record({
  id: fc.string(),
  path: fc.string(),
  method: fc.constantFrom('GET', 'POST'),
})
const occurrence = fc.record({
  message: fc.string(),
  params: fc.dictionary(fc.constantFrom('hint', 'count', 'field', 'status'), value),
})

/** What a reader must survive: anything, and bodies shaped like the common envelopes. */
const junkBody = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  fc.record(
    { error: fc.jsonValue(), code: fc.jsonValue(), errors: fc.array(fc.jsonValue()) },
    { requiredKeys: [] },
  ),
)

/** Render with both implementations; both throw or both give the same response. */
function sameResponse(template: EnvelopeTemplate, error: ErrorView, request: RequestView) {
  const interpreted = compileEnvelope(template)
  const writer = envelopeWriter(template)
  let expected: ReturnType<typeof interpreted.render> | undefined
  let expectedError: unknown
  try {
    expected = interpreted.render(error, request, API)
  } catch (e) {
    expectedError = e
  }
  if (expected === undefined) {
    assert.throws(
      () => renderEnvelope(writer, error, request, API),
      `interpreter threw ${expectedError}`,
    )
    return undefined
  }
  const actual = renderEnvelope(writer, error, request, API)
  assert.equal(actual.status, expected.status)
  assert.deepEqual(actual.headers, expected.headers)
  assert.equal(JSON.stringify(actual.body), JSON.stringify(expected.body))
  return actual
}

describe('the envelope compiler and its generated code, on random templates', () => {
  it('validate, compile, render as the interpreter does, and read any body back', () => {
    fc.assert(
      fc.property(
        template,
        errorMetas,
        occurrence,
        requestView,
        junkBody,
        (t, metas, o, request, junk) => {
          const problems = validateEnvelope(t as EnvelopeTemplate)
          assert.ok(Array.isArray(problems))
          if (problems.length > 0) {
            for (const p of problems)
              assert.ok(typeof p.message === 'string' && Array.isArray(p.path))
            assert.throws(() => compileEnvelope(t as EnvelopeTemplate), EnvelopeError)
            return
          }
          const tpl = t as EnvelopeTemplate
          const rendered = sameResponse(tpl, viewOf(metas[0]!, o), request)
          // The generated module carries the parsed template as JSON data.
          const reader = createReader(JSON.parse(JSON.stringify(readerData(tpl))))
          const index = reader.index(metas)
          const bodies: [number, unknown][] = [
            [500, junk],
            [200, junk],
          ]
          if (rendered)
            bodies.push([rendered.status, JSON.parse(JSON.stringify(rendered.body ?? null))])
          for (const [status, body] of bodies) {
            assert.equal(typeof reader.isError(status, body), 'boolean')
            assert.equal(typeof reader.read(status, body, index).fields, 'object')
          }
        },
      ),
      fuzz(400),
    )
  })
})

async function knownEnvelopes(): Promise<[string, EnvelopeTemplate][]> {
  const out: [string, EnvelopeTemplate][] = [
    ['problem', { preset: 'problem' }],
    ['google', { preset: 'google' }],
    ['azure', { preset: 'azure' }],
    ['jsonapi', { preset: 'jsonapi' }],
  ]
  for (const name of readdirSync(new URL('../../examples', import.meta.url))) {
    const path = new URL(`../../examples/${name}/errors.yaml`, import.meta.url)
    const { catalog } = await loadCatalog(path.pathname).catch(() => ({ catalog: undefined }))
    if (catalog) out.push([name, catalog.envelope])
  }
  return out
}

describe('the presets and the example envelopes round-trip', () => {
  it('a rendered error is read back by the generated reader as itself, when it differs from the others', async () => {
    const envelopes = await knownEnvelopes()
    assert.ok(envelopes.length >= 11)
    fc.assert(
      fc.property(
        fc.constantFrom(...envelopes),
        errorMetas,
        fc.nat(),
        occurrence,
        requestView,
        ([name, tpl], metas, pick, o, request) => {
          const meta = metas[pick % metas.length]!
          const rendered = sameResponse(tpl, viewOf(meta, o), request)
          assert.ok(rendered, `${name} renders`)
          const reader = createReader(JSON.parse(JSON.stringify(readerData(tpl))))
          const body = JSON.parse(JSON.stringify(rendered.body ?? null))
          assert.equal(reader.isError(rendered.status, body), true, `${name}: an error`)
          const read = reader.read(rendered.status, body, reader.index(metas))
          // Errors that render the same response (a preset that shows only the status) are
          // one to a client: the reader may name none of them, never another error.
          const wire = (m: ErrorMeta) => {
            const r = compileEnvelope(tpl).render(viewOf(m, o), request, API)
            return JSON.stringify([r.status, r.headers, r.body])
          }
          const alike = metas.filter((m) => wire(m) === wire(meta)).map((m) => m.symbol)
          if (alike.length === 1)
            assert.equal(read.error?.symbol, meta.symbol, `${name} reads ${meta.symbol} back`)
          else if (read.error)
            assert.ok(alike.includes(read.error.symbol), `${name} read another error`)
        },
      ),
      fuzz(200),
    )
  })
})
