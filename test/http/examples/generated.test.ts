// The demo servers, the contract suite and the client tests import modules
// generated from their catalogs. This fails when one is stale: change a
// catalog, then run (for both targets, ts and client)
//   node --conditions=errcat-source --import tsx src/cli/main.ts build <catalog> --target ts
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { describe, it } from 'node:test'
import { promisify } from 'node:util'

const run = promisify(execFile)
const CATALOGS = [
  'examples/qencode/errors.yaml',
  'examples/qr-forms/errors.yaml',
  'examples/sevenbridges/errors.yaml',
  'examples/qrforge/errors.yaml',
  'examples/gengo/errors.yaml',
  'test/http/fixtures/errors.yaml',
]

const TARGETS = [
  ['ts', 'errors.generated.ts'],
  ['client', 'errors.client.generated.ts'],
] as const

describe('generated modules', { concurrency: 3 }, () => {
  for (const catalog of CATALOGS) {
    for (const [target, file] of TARGETS)
      it(`${catalog.replace('/errors.yaml', `/${file}`)} is up to date`, async () => {
        const cli = ['--conditions=errcat-source', '--import', 'tsx', 'src/cli/main.ts']
        const result = await run(process.execPath, [
          ...cli,
          'build',
          catalog,
          '--target',
          target,
          '--check',
        ]).then(
          ({ stdout }) => ({ code: 0, output: stdout }),
          (error: { code: number; stdout: string; stderr: string }) => ({
            code: error.code,
            output: error.stdout + error.stderr,
          }),
        )
        assert.equal(result.code, 0, result.output)
        assert.match(result.output, /is up to date/)
      })
  }
})
