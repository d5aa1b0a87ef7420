import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { LoadedCatalog } from '../../catalog/model.ts'
import { CliError } from '../../cli/errors.ts'
import { loadCatalog } from '../../load/load.ts'
import { readOperations, resolveOperations } from './operations.ts'

const CATALOG = `api: { name: Tasks API }
build:
  openapi:
    merge: tasks.yaml
    operations:
      getTask: [NO_TASK, BAD_TOKN]
errors:
  BAD_TOKEN: { code: 1001, key: bad_token, status: 401, title: Bad token }
  NO_TASK: { code: 2001, key: no_task, status: 404, title: No such task }
  OK: { code: 0, status: 200, title: Fine, success: true }
  GONE: { code: 3, status: 410, title: Gone, obsolete: true }
`

const DOCUMENT = {
  paths: {
    '/tasks/{id}': {
      parameters: [],
      get: { operationId: 'getTask', responses: {} },
      delete: { responses: {} },
    },
  },
}

const STATUS_OF = new Map([
  ['BAD_TOKEN', 401],
  ['NO_TASK', 404],
])

let dir: string
let catalog: LoadedCatalog
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-openapi-operations-'))
  await writeFile(join(dir, 'errors.yaml'), CATALOG)
  const loaded = await loadCatalog(join(dir, 'errors.yaml'), { cwd: dir })
  assert.ok(loaded.catalog, JSON.stringify(loaded.findings))
  catalog = loaded.catalog
})
after(() => rm(dir, { recursive: true, force: true }))

async function fromFile(text: string) {
  const file = join(dir, 'operations.yaml')
  await writeFile(file, text)
  return readOperations(file, catalog)
}

function resolve(entries: Awaited<ReturnType<typeof readOperations>>, warnings: string[] = []) {
  return resolveOperations(entries, catalog, STATUS_OF, DOCUMENT, 'tasks.yaml', (m) =>
    warnings.push(m),
  )
}

function failure(run: () => unknown): CliError {
  try {
    run()
  } catch (error) {
    assert.ok(error instanceof CliError, String(error))
    assert.equal(error.exitCode, 2)
    return error
  }
  assert.fail('expected a CliError')
}

describe('operations map', () => {
  it('names operations by operationId or by method and path, and collects their statuses', async () => {
    const entries = await fromFile(
      'getTask: [NO_TASK]\n"DELETE /tasks/{id}": [BAD_TOKEN, NO_TASK]\n"get /tasks/{id}": BAD_TOKEN\n',
    )
    const resolved = resolve(entries)
    assert.deepEqual(
      [...resolved.values()].map((op) => [op.label, [...op.statuses]]),
      [
        ['GET /tasks/{id}', [404, 401]],
        ['DELETE /tasks/{id}', [401, 404]],
      ],
    )
  })

  it('reports every unknown symbol and operation at its line and column, with a suggestion', async () => {
    const entries = await fromFile(
      '# errors per operation\ngetTask:\n  - NO_TASK\n  - BAD_TOKN\ngetTsk: [NO_TASK]\n"POST /tasks": [NOPE]\n',
    )
    const error = failure(() => resolve(entries))
    const file = join(dir, 'operations.yaml')
    assert.equal(
      error.message,
      [
        `${file}:4:5: unknown error \`BAD_TOKN\` (listed for \`getTask\`)`,
        `${file}:5:1: operation \`getTsk\` is not in tasks.yaml`,
        `${file}:6:1: operation \`POST /tasks\` is not in tasks.yaml`,
        `${file}:6:17: unknown error \`NOPE\` (listed for \`POST /tasks\`)`,
      ].join('\n'),
    )
    assert.match(error.hint!, /Did you mean `BAD_TOKEN`\?/)
    assert.match(error.hint!, /Did you mean `getTask`\?/)
  })

  it('points into the catalog for an inline map', async () => {
    const options = catalog.build!.openapi as { operations: Record<string, string[]> }
    const entries = await readOperations(options.operations, catalog)
    const error = failure(() => resolve(entries))
    assert.equal(error.message, 'errors.yaml:6:26: unknown error `BAD_TOKN` (listed for `getTask`)')
  })

  it('warns about success and obsolete codes, which are never sent', async () => {
    const warnings: string[] = []
    const resolved = resolve(await fromFile('getTask: [OK, GONE, NO_TASK]\n'), warnings)
    assert.deepEqual([...resolved.values()][0]!.statuses, new Set([404]))
    assert.equal(warnings.length, 2)
    assert.match(
      warnings[0]!,
      /operations\.yaml:1:11: `OK` is a success code, never sent as an error/,
    )
    assert.match(warnings[1]!, /operations\.yaml:1:15: `GONE` is obsolete/)
  })

  it('rejects a map of the wrong shape, and a file that does not parse', async () => {
    await assert.rejects(
      fromFile('- getTask\n'),
      /operations\.yaml:1:1: the operations map must be a mapping/,
    )
    await assert.rejects(
      fromFile('getTask: { a: 1 }\n'),
      /operations\.yaml:1:10: `getTask` must list error symbols/,
    )
    await assert.rejects(fromFile('getTask: [NO_TASK\n'), (error: unknown) => {
      assert.ok(error instanceof CliError)
      assert.match(error.message, /operations\.yaml:\d+:\d+: /)
      return true
    })
    await assert.rejects(
      readOperations(join(dir, 'none.yaml'), catalog),
      /none\.yaml: file not found/,
    )
  })
})
