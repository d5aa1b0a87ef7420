import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { parse } from 'yaml'
import type { LoadedCatalog } from '../../catalog/model.ts'
import { CliError } from '../../cli/errors.ts'
import { loadCatalog } from '../../load/load.ts'
import { generateOpenApi } from './index.ts'

// biome-ignore lint/suspicious/noExplicitAny: parsed documents, read member by member.
type Json = Record<string, any>

const CATALOG = `api: { name: Tasks API, version: "2", docs: https://docs.tasks.example/errors }
errors:
  BAD_TOKEN: { code: 1001, key: bad_token, status: 401, title: Bad token }
  NO_TASK: { code: 2001, key: no_task, status: 404, title: No such task }
  NO_LIST: { code: 2002, key: no_list, status: 404, title: No such list }
  OK: { code: 0, status: 200, title: Fine, success: true }
`

const DOCUMENT = `openapi: 3.1.0
info: { title: Tasks API, version: "2" }
paths:
  /tasks/{id}:
    get:
      operationId: getTask
      responses:
        '200':
          description: The task.
    delete:
      operationId: deleteTask
      responses:
        '204':
          description: Deleted.
        '401':
          $ref: '#/components/responses/ErrcatError401'
components:
  schemas:
    Task:
      type: object
`

let dir: string
let catalog: LoadedCatalog
let warnings: string[]
const write = process.stderr.write.bind(process.stderr)

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-openapi-merge-'))
  await writeFile(join(dir, 'errors.yaml'), CATALOG)
  const loaded = await loadCatalog(join(dir, 'errors.yaml'))
  assert.ok(loaded.catalog, JSON.stringify(loaded.findings))
  catalog = loaded.catalog
})
after(() => rm(dir, { recursive: true, force: true }))

/** Runs the target as `errcat build` would, collecting its warnings. */
async function build(
  merge: string | undefined,
  operations?: string | Record<string, string[]>,
  output = merge ?? join(dir, 'openapi.errors.yaml'),
  from: LoadedCatalog = catalog,
): Promise<string> {
  warnings = []
  process.stderr.write = ((chunk: string) => {
    warnings.push(String(chunk))
    return true
  }) as typeof process.stderr.write
  try {
    return await generateOpenApi(from, {
      catalogPath: 'errors.yaml',
      version: '9.9.9',
      output,
      options: { ...(merge ? { merge } : {}), ...(operations ? { operations } : {}) },
    })
  } finally {
    process.stderr.write = write
  }
}

async function document(name: string, text: string): Promise<string> {
  const file = join(dir, name)
  await writeFile(file, text)
  return file
}

async function rejects(promise: Promise<unknown>, message: RegExp, hint?: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof CliError, String(error))
    assert.equal(error.exitCode, 2)
    assert.match(error.message, message)
    if (hint) assert.match(error.hint ?? '', hint)
    return true
  })
}

describe('openapi merge', () => {
  it('adds the responses of mapped operations, keeps a reference that was already there, and is idempotent', async () => {
    const file = await document('tasks.yaml', DOCUMENT)
    const operations = { getTask: ['BAD_TOKEN', 'NO_TASK', 'NO_LIST'], deleteTask: ['BAD_TOKEN'] }
    const once = await build(file, operations)
    const merged = parse(once) as Json
    assert.deepEqual(Object.keys(merged.paths['/tasks/{id}'].get.responses), ['200', '401', '404'])
    assert.equal(
      merged.paths['/tasks/{id}'].get.responses['404'].$ref,
      '#/components/responses/ErrcatError404',
    )
    assert.equal(merged.components.schemas.Task.type, 'object')
    assert.deepEqual(merged['x-errcat'], { generator: 'errcat 9.9.9', catalog: 'errors.yaml' })
    assert.ok(
      once.startsWith(DOCUMENT.slice(0, DOCUMENT.indexOf('          description: The task.\n'))),
    )
    await writeFile(file, once)
    assert.equal(await build(file, operations), once)
    assert.deepEqual(warnings, [])
  })

  it('removes what it generated and no longer does: components, and references in mapped operations', async () => {
    const file = await document('stale.yaml', DOCUMENT)
    const first = await build(file, { getTask: ['NO_TASK'], deleteTask: ['BAD_TOKEN'] })
    // The catalog loses BAD_TOKEN; the map keeps getTask only.
    const smaller = join(dir, 'smaller.yaml')
    await writeFile(smaller, CATALOG.replace(/ {2}BAD_TOKEN:.*\n/, ''))
    const loaded = (await loadCatalog(smaller)).catalog!
    await writeFile(file, first)
    const second = parse(await build(file, { getTask: ['NO_LIST'] }, file, loaded)) as Json
    assert.equal(second.components.schemas.ErrcatError_BAD_TOKEN, undefined)
    assert.equal(second.components.responses.ErrcatError401, undefined)
    assert.ok(second.components.schemas.ErrcatError_NO_LIST)
    // deleteTask is no longer mapped, but its 401 pointed at a component that is gone.
    assert.deepEqual(Object.keys(second.paths['/tasks/{id}'].delete.responses), ['204'])
    assert.deepEqual(Object.keys(second.paths['/tasks/{id}'].get.responses), ['200', '404'])
  })

  it('leaves a response the document defines itself, and says so', async () => {
    const file = await document(
      'own-404.yaml',
      DOCUMENT.replace(
        '          description: The task.\n',
        "          description: The task.\n        '404':\n          description: Ours.\n",
      ),
    )
    const merged = parse(await build(file, { getTask: ['NO_TASK', 'BAD_TOKEN'] })) as Json
    assert.deepEqual(merged.paths['/tasks/{id}'].get.responses['404'], { description: 'Ours.' })
    assert.deepEqual(warnings, [
      'errcat: warning: GET /tasks/{id} already defines 404; errcat leaves it\n',
    ])
  })

  it('refuses to overwrite a component of the same name that errcat did not write', async () => {
    const file = await document(
      'taken.yaml',
      DOCUMENT.replace('    Task:\n', '    ErrcatError:\n      type: string\n    Task:\n'),
    )
    await rejects(
      build(file),
      /taken\.yaml:19:5: components\.schemas\.ErrcatError is not errcat's/,
      /Rename your component/,
    )
  })

  it('merges into JSON with its indent and member order, and converts between formats', async () => {
    const json = `{\n    "openapi": "3.1.0",\n    "info": { "title": "T", "version": "1" },\n    "paths": {\n        "/a": {\n            "get": {\n                "operationId": "getA",\n                "responses": {\n                    "default": { "description": "Any" },\n                    "200": { "description": "OK" }\n                }\n            }\n        }\n    }\n}\n`
    const file = await document('doc.json', json)
    const once = await build(file, { getA: ['NO_TASK'] })
    assert.match(once, /^\{\n {4}"openapi": "3\.1\.0",\n/)
    // "default" stays first: a plain object would have moved "200" and "404" before it.
    const paths = once.slice(once.indexOf('"paths"'), once.indexOf('"components"'))
    const keys = [...paths.matchAll(/^ {20}"([^"]+)": /gm)].map((m) => m[1])
    assert.deepEqual(keys, ['default', '200', '404'])
    await writeFile(file, once)
    assert.equal(await build(file, { getA: ['NO_TASK'] }), once)
    const yaml = await build(file, { getA: ['NO_TASK'] }, join(dir, 'out.yaml'))
    assert.deepEqual(parse(yaml), JSON.parse(once))
    const yamlFile = await document('doc.yaml', DOCUMENT)
    const asJson = await build(yamlFile, undefined, join(dir, 'out.json'))
    assert.equal(JSON.parse(asJson).components.schemas.Task.type, 'object')
  })

  it('re-writes a layout it cannot edit in place, keeping the content and saying so', async () => {
    const file = await document(
      'flow.yaml',
      '# comment\nopenapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: {}\ncomponents: { schemas: { Task: { type: object } } }\n',
    )
    const out = await build(file)
    assert.match(warnings.join(''), /flow\.yaml: `components\.schemas` is not a block mapping/)
    assert.ok(out.startsWith('# comment\n'))
    const merged = parse(out) as Json
    assert.equal(merged.components.schemas.Task.type, 'object')
    assert.ok(merged.components.schemas.ErrcatError_NO_TASK)
  })

  it('rejects documents that are not OpenAPI 3.1, at the line that says so', async () => {
    const v30 = await document(
      'v30.yaml',
      '# old\nopenapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\n',
    )
    await rejects(
      build(v30),
      /v30\.yaml:2:10: an OpenAPI 3\.0\.3 document; errcat writes OpenAPI 3\.1 schemas/,
      /Upgrade the document to 3\.1/,
    )
    const swagger = await document('v2.json', '{ "swagger": "2.0", "info": {}, "paths": {} }')
    await rejects(
      build(swagger),
      /v2\.json:1:14: a Swagger 2\.0 document/,
      /Convert it to OpenAPI 3\.1/,
    )
    const garbage = await document('garbage.yaml', 'paths: [unclosed\n')
    await rejects(build(garbage), /garbage\.yaml:\d+:\d+: /, /Fix the syntax/)
    const notApi = await document('list.yaml', '- a\n- b\n')
    await rejects(build(notApi), /list\.yaml: not an OpenAPI document/)
    await rejects(build(join(dir, 'missing.yaml')), /missing\.yaml: cannot read .*file not found/)
  })

  it('refuses an operations map without a document to merge into', async () => {
    await rejects(build(undefined, { getTask: ['NO_TASK'] }), /no `merge` document is set/)
  })
})

describe('standalone openapi document', () => {
  it('is a complete 3.1 document, YAML with a header, or JSON by extension', async () => {
    const yaml = await build(undefined)
    assert.match(
      yaml,
      /^# Generated by errcat 9\.9\.9 from errors\.yaml\. Do not edit this file:\n/,
    )
    const document = parse(yaml) as Json
    assert.equal(document.openapi, '3.1.0')
    assert.deepEqual(document.info.title, 'Tasks API')
    assert.deepEqual(document.paths, {})
    const json = JSON.parse(await build(undefined, undefined, join(dir, 'errors.openapi.json')))
    assert.deepEqual(json, document)
    assert.equal(await build(undefined), yaml, 'deterministic')
  })
})
