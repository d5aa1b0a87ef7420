// Acceptance: every error each seed's demo server answers, and `errcat serve`'s
// mock of the same catalog, parsed back over real HTTP with the client module
// `errcat build --target client` generated from the catalog.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import * as gengoClient from '../../examples/gengo/errors.client.generated.ts'
import * as gengo from '../../examples/gengo/errors.generated.ts'
import { start as startGengo } from '../../examples/gengo/server.ts'
import * as qencodeClient from '../../examples/qencode/errors.client.generated.ts'
import * as qencode from '../../examples/qencode/errors.generated.ts'
import { start as startQencode } from '../../examples/qencode/server.ts'
import * as qrFormsClient from '../../examples/qr-forms/errors.client.generated.ts'
import * as qrForms from '../../examples/qr-forms/errors.generated.ts'
import { start as startQrForms } from '../../examples/qr-forms/server.ts'
import * as qrforgeClient from '../../examples/qrforge/errors.client.generated.ts'
import * as qrforge from '../../examples/qrforge/errors.generated.ts'
import { start as startQrForge } from '../../examples/qrforge/server.ts'
import * as sevenbridgesClient from '../../examples/sevenbridges/errors.client.generated.ts'
import * as sevenbridges from '../../examples/sevenbridges/errors.generated.ts'
import { start as startSevenBridges } from '../../examples/sevenbridges/server.ts'
import { type ServeLog, startServe } from '../../src/serve/index.ts'
import { type RoundTrip, roundTrip } from './round-trip.ts'

const SILENT: ServeLog = { info: () => {}, error: () => {} }

interface Seed {
  folder: string
  start(): Promise<{ url: string; close(): Promise<void> }>
  server: RoundTrip['serverErrors']
  client: RoundTrip['client']
  exampleParams?: Record<string, unknown>
  carried?: string[]
}

const SEEDS: Seed[] = [
  {
    folder: 'qencode',
    start: () => startQencode(),
    server: qencode.allErrors,
    client: qencodeClient,
    exampleParams: { retryAfter: 30, field: 'task_token' },
    carried: ['field'],
  },
  { folder: 'gengo', start: () => startGengo(), server: gengo.allErrors, client: gengoClient },
  {
    folder: 'qr-forms',
    start: () => startQrForms(),
    server: qrForms.allErrors,
    client: qrFormsClient,
  },
  {
    folder: 'qrforge',
    start: () => startQrForge(),
    server: qrforge.allErrors,
    client: qrforgeClient,
  },
  {
    folder: 'sevenbridges',
    start: () => startSevenBridges(),
    server: sevenbridges.allErrors,
    client: sevenbridgesClient,
  },
]

for (const seed of SEEDS) {
  describe(`the client reads back every error of ${seed.folder}`, () => {
    let demo: { url: string; close(): Promise<void> } | undefined
    let mock: { mockUrl: string; close(): Promise<void> } | undefined
    before(async () => {
      demo = await seed.start()
      const catalog = fileURLToPath(
        new URL(`../../examples/${seed.folder}/errors.yaml`, import.meta.url),
      )
      mock = await startServe({ catalog, port: 0, watch: false, log: SILENT })
    })
    after(async () => {
      await Promise.all([demo?.close(), mock?.close()])
    })

    const cases = (base: () => string): RoundTrip => ({
      base: base(),
      serverErrors: seed.server,
      client: seed.client,
      ...(seed.exampleParams ? { exampleParams: seed.exampleParams } : {}),
      ...(seed.carried ? { carried: seed.carried } : {}),
    })

    it('from its demo server', async () => {
      const count = await roundTrip(cases(() => `${demo!.url}/errors`))
      assert.equal(count, Object.keys(seed.server).length)
    })

    it("from errcat serve's mock", async () => {
      // The mock fills in no example params: a request without them gets none.
      const count = await roundTrip({ ...cases(() => mock!.mockUrl), exampleParams: {} })
      assert.equal(count, Object.keys(seed.server).length)
    })
  })
}
