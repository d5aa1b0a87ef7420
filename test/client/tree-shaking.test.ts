// The client module is tree-shakable: an app that parses errors of a
// 10,000-error catalog and names three of them carries those three errors'
// data and the reader, nothing else. Its size is measured in bench/client-size.ts.
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { APP, bundle, writeBigClientModule } from '../../bench/client-size.ts'

describe('tree-shaking of the client module', { timeout: 180_000 }, () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-client-shake-'))
    await writeBigClientModule(dir)
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('bundles only the errors an app names', async () => {
    const code = new TextDecoder().decode(await bundle(APP, dir))
    const titles = (code.match(/Unique title \d+/g) ?? []).sort()
    assert.deepEqual(titles, ['Unique title 1', 'Unique title 5000', 'Unique title 9999'])
    // No template language, no server code: the writer and the handler are not there.
    assert.doesNotMatch(code, /defineEnvelope\(|createErrorHandler|Accept-Language/i)
  })
})
