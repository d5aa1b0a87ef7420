// The `openapi` and `json-schema` targets of `errcat build`: every example
// catalog gives a valid OpenAPI 3.1 document that openapi-typescript turns
// into types, whose example responses validate against the response schemas;
// and, as a user runs it, the merge into a hand-written document, `--check`
// and the errors of a bad operations map or a 3.0 document.
import assert from 'node:assert/strict'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import openapiTS, { astToString } from 'openapi-typescript'
import { parse } from 'yaml'
import type { LoadedCatalog } from '../../src/catalog/model.ts'
import { exampleRenderer } from '../../src/emit/example-response.ts'
import { generateOpenApi } from '../../src/emit/openapi/index.ts'
import { loadCatalog } from '../../src/load/load.ts'
import { copyShopCatalog, createProject, type Project, REPO, runCli } from './project.ts'

// biome-ignore lint/suspicious/noExplicitAny: parsed documents, read member by member.
type Json = Record<string, any>

const CATALOGS = [
  ...['qencode', 'qr-forms', 'sevenbridges', 'qrforge', 'gengo', 'postgres', 'mysql'].map(
    (name) => `examples/${name}/errors.yaml`,
  ),
  'test/build/fixtures/shop/errors.yaml',
]
const FIXTURES = join(REPO, 'test/build/fixtures/openapi')
// One validator for the file: it compiles the OpenAPI meta-schemas once.
const validator = new Validator()

async function load(path: string): Promise<LoadedCatalog> {
  const { catalog, findings } = await loadCatalog(path, { cwd: REPO })
  assert.ok(catalog, JSON.stringify(findings))
  return catalog
}

const standalone = (catalog: LoadedCatalog, output = 'openapi.errors.yaml') =>
  generateOpenApi(catalog, {
    catalogPath: 'errors.yaml',
    version: '9.9.9',
    options: {},
    output: join(REPO, output),
  })

/** Response schemas of a document, compiled with its components reachable by `$ref`. */
function responseValidators(document: Json) {
  // `discriminator`, `x-errcat` and `example` are OpenAPI's, not JSON Schema's: not strict.
  const ajv = new Ajv2020({ strict: false, inlineRefs: false, code: { optimize: false } })
  for (const format of ['uri', 'uri-reference']) ajv.addFormat(format, true)
  for (const [name, schema] of Object.entries(document.components.schemas as Json))
    assert.ok(ajv.validateSchema(schema), `${name}: ${ajv.errorsText()}`)
  ajv.addSchema({ components: document.components }, 'openapi')
  return (response: string, contentType: string) =>
    ajv.compile({
      $ref: `openapi#/components/responses/${response}/content/${contentType.replace('/', '~1')}/schema`,
    })
}

/**
 * OpenAPI's rules for a discriminator, as a client generator relies on them. The error's
 * schema is an overlay on the general one (`allOf`); it declares the property itself, as a
 * required constant, so that a reader need not follow the `$ref` to find it. (OAS 3.1.1:
 * the property SHOULD be required; openapi-typescript takes the value from `mapping`, and
 * would type it even if only the referenced schema declared the property.)
 */
function checkDiscriminator(document: Json, response: string, schema: Json): void {
  const { propertyName, mapping } = schema.discriminator as {
    propertyName: string
    mapping: Record<string, string>
  }
  const refs = (schema.oneOf as { $ref: string }[]).map((r) => r.$ref)
  assert.deepEqual(new Set(Object.values(mapping)), new Set(refs), response)
  for (const [value, ref] of Object.entries(mapping)) {
    const target = document.components.schemas[ref.replace('#/components/schemas/', '')]
    assert.ok(target, `${response}: ${ref} exists`)
    assert.equal(target.properties[propertyName].const, value, `${response}: ${ref}`)
    assert.equal(typeof value, 'string')
    assert.ok(target.required.includes(propertyName), `${response}: ${ref} requires it`)
  }
}

/**
 * Each error's schema references the general one and only says what differs: none of its
 * members repeats the general schema's (descriptions and all).
 */
function checkOverlays(document: Json): void {
  const schemas = document.components.schemas as Json
  const general = schemas.ErrcatError.properties as Json
  for (const [name, schema] of Object.entries(schemas)) {
    if (!name.startsWith('ErrcatError_')) continue
    assert.deepEqual(schema.allOf[0], { $ref: '#/components/schemas/ErrcatError' }, name)
    for (const [member, own] of Object.entries((schema.properties ?? {}) as Json))
      assert.notDeepEqual(own, general[member], `${name}.${member} repeats the general schema`)
  }
}

/** Each top-level constant an error's schema declares is a literal type in its generated type. */
function checkLiterals(document: Json, types: string): void {
  for (const [name, schema] of Object.entries(document.components.schemas as Json)) {
    if (!name.startsWith('ErrcatError_')) continue
    const start = types.indexOf(`\n        ${name}: {`)
    const end = types.slice(start + 1).search(/\n {8}\S/)
    const block = types.slice(start, end < 0 ? undefined : start + 1 + end)
    for (const [member, own] of Object.entries((schema.properties ?? {}) as Json)) {
      if (!['string', 'number'].includes(typeof own?.const)) continue
      const key = /^[A-Za-z_$][\w$]*$/.test(member) ? member : JSON.stringify(member)
      const literal = `${key}: ${JSON.stringify(own.const)};`
      assert.ok(block.includes(literal), `${name}: ${literal} in\n${block}`)
    }
  }
}

async function checkDocument(catalog: LoadedCatalog, yaml: string): Promise<void> {
  const document = parse(yaml) as Json
  const result = await validator.validate(document)
  assert.ok(result.valid, JSON.stringify(result.errors, null, 2))
  assert.equal(validator.version, '3.1')

  // openapi-typescript edits the document it is given (discriminator properties): a copy.
  const types = astToString(
    await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0]),
  )
  for (const name of Object.keys(document.components.schemas))
    assert.ok(new RegExp(`\\b${name}: \\{`).test(types), `${name} has a type`)
  checkOverlays(document)
  checkLiterals(document, types)
  // A required member typed `never` (a discriminator at odds with a constant) makes a type empty;
  // optional `never` members are the ones an error leaves out.
  const impossible = /^ {12,}("[^"]+"|\w+): never;$/m.exec(types)
  assert.equal(impossible, null, `impossible member: ${impossible?.[0]}`)

  const validatorOf = responseValidators(document)
  const render = exampleRenderer(catalog)
  let examples = 0
  for (const [name, response] of Object.entries(document.components.responses as Json)) {
    const [contentType, media] = Object.entries(response.content as Json)[0]!
    if (media.schema.discriminator) checkDiscriminator(document, name, media.schema)
    const check = validatorOf(name, contentType)
    for (const [symbol, example] of Object.entries(media.examples as Json)) {
      const error = catalog.errors.find((e) => e.symbol === symbol)!
      const sent = render(error)!
      assert.equal(`ErrcatError${sent.status}`, name, `${symbol} is listed under its status`)
      assert.deepEqual(example.value, JSON.parse(sent.body), `${symbol}: the runtime's example`)
      assert.ok(check(example.value), `${symbol} in ${name}: ${JSON.stringify(check.errors)}`)
      examples++
    }
  }
  assert.equal(examples, catalog.errors.filter((e) => render(e)).length, 'every sent error')
}

describe('openapi target on every example catalog', { timeout: 120_000 }, () => {
  for (const path of CATALOGS) {
    it(`${path}: valid OpenAPI 3.1, typed by openapi-typescript, examples valid per status`, async () => {
      const catalog = await load(path)
      const yaml = await standalone(catalog)
      await checkDocument(catalog, yaml)
      assert.equal(await standalone(await load(path)), yaml, 'deterministic')
      const json = await standalone(catalog, 'openapi.errors.json')
      assert.deepEqual(JSON.parse(json), parse(yaml), 'the JSON output holds the same document')
    })
  }

  for (const preset of ['problem', 'google', 'azure', 'jsonapi']) {
    it(`the ${preset} preset`, async () => {
      const project = await createProject()
      try {
        const file = await project.write(
          'errors.yaml',
          `api: { name: Presets, docs: https://docs.presets.example/errors }
envelope: { preset: ${preset} }
errors:
  BAD_TOKEN: { code: 1001, key: bad_token, status: 401, title: Bad token, message: "Token {hint} is bad", params: { hint: { type: string } } }
  EXPIRED: { code: 1002, key: expired, status: 401, title: Expired, deprecated: true }
  NO_CODE_KEY: { code: 1003, status: 401, title: No key }
  INVALID: { code: 1300, key: invalid, status: 400, title: Invalid, validation: true }
  LIMITED: { key: limited, status: 429, title: Limited, rateLimit: { policy: minute, quota: 60, window: 60 } }
  INTERNAL: { code: 1500, key: internal, status: 500, title: Internal, internal: true }
`,
        )
        const catalog = await load(file)
        await checkDocument(catalog, await standalone(catalog))
      } finally {
        await project.remove()
      }
    })
  }
})

describe('discriminators over overlays, as openapi-typescript reads them', () => {
  // A general schema whose `code` is any string, and two errors narrowing it.
  async function typesOf(overlay: (code: string) => Json): Promise<string> {
    const ref = (name: string) => `#/components/schemas/${name}`
    const document = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {},
      components: {
        schemas: {
          General: {
            type: 'object',
            properties: { code: { type: 'string' }, message: { type: 'string' } },
            required: ['message'],
          },
          E_A: { allOf: [{ $ref: ref('General') }], ...overlay('a') },
          E_B: { allOf: [{ $ref: ref('General') }], ...overlay('b') },
        },
        responses: {
          R: {
            description: 'Either',
            content: {
              'application/json': {
                schema: {
                  oneOf: [{ $ref: ref('E_A') }, { $ref: ref('E_B') }],
                  discriminator: {
                    propertyName: 'code',
                    mapping: { a: ref('E_A'), b: ref('E_B') },
                  },
                },
              },
            },
          },
        },
      },
    }
    assert.ok((await validator.validate(document)).valid)
    return astToString(await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]))
  }

  it('declared in the overlay, required: the error type has the literal, and `code` is required', async () => {
    const types = await typesOf((code) => ({
      type: 'object',
      properties: { code: { const: code } },
      required: ['code'],
    }))
    assert.match(
      types,
      /E_A: \{\s+\/\*\* @constant \*\/\s+code: "a";\s+\} & \(WithRequired<components\["schemas"\]\["General"\], "code">/,
    )
  })

  it('declared only in the referenced schema: openapi-typescript still types it from `mapping`', async () => {
    const types = await typesOf(() => ({}))
    assert.match(types, /E_A: components\["schemas"\]\["General"\] & \{[^;]*code: "a";/)
  })
})

/** True when `before`'s lines are `after`'s, with only whole lines inserted between them. */
function onlyInsertions(before: string, after: string): boolean {
  const old = before.split('\n')
  const now = after.split('\n')
  let i = 0
  for (const line of now) if (i < old.length && line === old[i]) i++
  return i === old.length
}

describe('errcat build --target openapi, json-schema', { timeout: 120_000 }, () => {
  let project: Project
  let catalogFile: string

  before(async () => {
    project = await createProject()
    catalogFile = await copyShopCatalog(project)
    for (const name of ['shop.openapi.yaml', 'operations.yaml'])
      await copyFile(join(FIXTURES, name), project.path(name))
  })
  after(() => project.remove())

  it('writes openapi.errors.yaml and errors.error.schema.json beside the catalog, saying so', async () => {
    const result = runCli(['build', catalogFile, '--target', 'openapi,json-schema'])
    assert.equal(result.status, 0, result.stderr)
    assert.match(result.stdout, /wrote .*openapi\.errors\.yaml \(openapi, 12 errors\)\n/)
    assert.match(result.stdout, /wrote .*errors\.error\.schema\.json \(json-schema, 12 errors\)\n/)
    const yaml = await readFile(project.path('openapi.errors.yaml'), 'utf8')
    assert.match(yaml, /^# Generated by errcat \S+ from errors\.yaml\. Do not edit this file:\n/)
    const schema = JSON.parse(await readFile(project.path('errors.error.schema.json'), 'utf8'))
    assert.match(schema.$comment, /^Generated by errcat \S+ from errors\.yaml\./)
  })

  it('merges into the document of the catalog’s build: section, leaving everything else as it was', async () => {
    const before = await readFile(project.path('shop.openapi.yaml'), 'utf8')
    const catalog = await readFile(catalogFile, 'utf8')
    await writeFile(
      catalogFile,
      `${catalog}build:\n  openapi:\n    merge: shop.openapi.yaml\n    operations: operations.yaml\n  json-schema: true\n`,
    )
    const result = runCli(['build', catalogFile])
    assert.equal(result.status, 0, result.stderr)
    assert.match(result.stdout, /wrote .*shop\.openapi\.yaml \(openapi, 12 errors\)/)
    assert.equal(
      result.stderr,
      'errcat: warning: DELETE /orders/{id} already defines 404; errcat leaves it\n',
    )
    const after = await readFile(project.path('shop.openapi.yaml'), 'utf8')
    assert.ok(onlyInsertions(before, after), 'the text of the document is kept, line for line')

    const old = parse(before) as Json
    const merged = parse(after) as Json
    const responses = (path: string, method: string) =>
      Object.keys(merged.paths[path][method].responses)
    assert.deepEqual(responses('/orders', 'post'), ['201', '400', '401', '409', '429', 'default'])
    assert.deepEqual(responses('/orders/{id}', 'get'), ['200', '401', '404'])
    assert.deepEqual(responses('/orders/{id}', 'delete'), ['204', '401', '404', '409', '503'])
    assert.equal(
      merged.paths['/orders/{id}'].delete.responses['404'].description,
      'No such order (hand-written).',
    )
    assert.equal(
      merged.paths['/orders/{id}'].get.responses['404'].$ref,
      '#/components/responses/ErrcatError404',
    )
    // Apart from what errcat adds, the document is the same.
    const added = (value: Json) =>
      typeof value?.$ref === 'string' && value.$ref.includes('/ErrcatError')
    for (const item of Object.values(merged.paths as Json))
      for (const operation of Object.values(item as Json))
        if (operation?.responses)
          for (const [status, response] of Object.entries(operation.responses as Json))
            if (added(response as Json)) delete operation.responses[status]
    for (const [name, value] of Object.entries(merged.components.schemas as Json))
      if ((value as Json)['x-errcat'] === 'generated') delete merged.components.schemas[name]
    assert.ok(Object.keys(merged.components.responses).every((n) => n.startsWith('ErrcatError')))
    delete merged.components.responses
    delete merged['x-errcat']
    assert.deepEqual(merged, old)

    await checkDocument(await load(catalogFile), after)
    assert.ok(JSON.parse(await readFile(project.path('errors.error.schema.json'), 'utf8')).oneOf)
  })

  it('--check passes right after (the merge is idempotent), and fails once the catalog changes', async () => {
    const fresh = runCli(['build', catalogFile, '--check'])
    assert.equal(fresh.status, 0, fresh.stderr)
    assert.match(fresh.stdout, /shop\.openapi\.yaml is up to date/)
    assert.match(fresh.stdout, /errors\.error\.schema\.json is up to date/)
    const original = await readFile(catalogFile, 'utf8')
    await writeFile(catalogFile, original.replace('title: Order not found', 'title: No such order'))
    try {
      const stale = runCli(['build', catalogFile, '--check'])
      assert.equal(stale.status, 1)
      assert.match(stale.stderr, /shop\.openapi\.yaml is stale: it does not match .*errors\.yaml/)
      assert.match(stale.stderr, /errors\.error\.schema\.json is stale/)
    } finally {
      await writeFile(catalogFile, original)
    }
  })

  it('reports unknown symbols and operations of the map at file:line:column, exit 2, no stack', async () => {
    const operations = await project.write(
      'bad-operations.yaml',
      'getOrder: [BAD_TOKEN, ORDER_NOT_FUND]\n"PUT /orders/{id}": [BAD_TOKEN]\n',
    )
    const result = runCli([
      'build',
      catalogFile,
      '--target',
      'openapi',
      '--merge',
      project.path('shop.openapi.yaml'),
      '--operations',
      operations,
    ])
    assert.equal(result.status, 2)
    assert.match(
      result.stderr,
      /bad-operations\.yaml:1:23: unknown error `ORDER_NOT_FUND` \(listed for `getOrder`\)/,
    )
    assert.match(
      result.stderr,
      /bad-operations\.yaml:2:1: operation `PUT \/orders\/\{id\}` is not in .*shop\.openapi\.yaml/,
    )
    assert.match(result.stderr, /hint: Did you mean `ORDER_NOT_FOUND`\?/)
    assert.doesNotMatch(result.stderr, /\n\s+at /)
  })

  it('rejects a 3.0 document to merge into, saying how to proceed', async () => {
    const v30 = await project.write(
      'v30.yaml',
      (await readFile(project.path('shop.openapi.yaml'), 'utf8')).replace(
        'openapi: 3.1.0',
        'openapi: 3.0.3',
      ),
    )
    const result = runCli(['build', catalogFile, '--target', 'openapi', '--merge', v30])
    assert.equal(result.status, 2)
    assert.match(
      result.stderr,
      /v30\.yaml:3:10: an OpenAPI 3\.0\.3 document; errcat writes OpenAPI 3\.1 schemas/,
    )
    assert.match(result.stderr, /hint: Upgrade the document to 3\.1/)
    assert.doesNotMatch(result.stderr, /\n\s+at /)
  })
})
