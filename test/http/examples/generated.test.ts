// The demo servers, the contract suite and the client tests import modules
// generated from their catalogs. This fails when one is stale: change a
// catalog, then run (for both targets, ts and client)
//   npm run build && node dist/cli/main.js build <catalog> --target ts
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { describe, it } from 'node:test'
import { promisify } from 'node:util'
import { cliArgs } from '../../cli-command.ts'

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
        const result = await run(
          process.execPath,
          cliArgs(['build', catalog, '--target', target, '--check']),
        ).then(
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
