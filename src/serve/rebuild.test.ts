// Rebuilding follows the catalog's files as they change: an include added by
// an edit is watched from the next build on, and one removed is not.
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { type Serving, startServe } from './server.ts'

const root = (includes: string[]) => `errcat: 1
api:
  name: Inc API
include: [${includes.join(', ')}]
errors:
  ROOT_ERROR: { code: 1, status: 400, title: Root error, message: Root }
`
const part = (symbol: string, code: number, message: string) => `errors:
  ${symbol}: { code: ${code}, status: 400, title: ${symbol}, message: ${message} }
`

/** Long enough for a change to be seen and built; every wait is bounded by it. */
const SETTLE_MS = 1500

describe('rebuilding follows the included files', () => {
  let dir: string
  let serving: Serving
  const rebuilds: string[] = []
  const problems: string[] = []
  const file = (name: string) => join(dir, name)

  /** The message of `symbol` once a rebuild shows `expected`, or what it is after SETTLE_MS. */
  async function messageOf(symbol: string, expected: string): Promise<string | undefined> {
    const deadline = Date.now() + SETTLE_MS
    let message: string | undefined
    do {
      message = serving.catalog().errors.find((e) => e.symbol === symbol)?.message
      if (message === expected) return message
      await sleep(20)
    } while (Date.now() < deadline)
    return message
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-rebuild-'))
    await writeFile(file('a.yaml'), part('A_ERROR', 2, 'A one'))
    await writeFile(file('b.yaml'), part('B_ERROR', 3, 'B one'))
    await writeFile(file('errors.yaml'), root(['a.yaml']))
    serving = await startServe({
      catalog: file('errors.yaml'),
      port: 0,
      debounceMs: 30,
      log: { info: (line) => rebuilds.push(line), error: (text) => problems.push(text) },
    })
  })
  after(async () => {
    await serving?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('rebuilds when an included file changes', async () => {
    await writeFile(file('a.yaml'), part('A_ERROR', 2, 'A two'))
    assert.equal(await messageOf('A_ERROR', 'A two'), 'A two')
    assert.match(rebuilds.at(-1) ?? '', /rebuilt .*errors\.yaml: 2 errors$/)
  })

  it('watches an include added by an edit, and no longer one removed', async () => {
    await writeFile(file('errors.yaml'), root(['b.yaml']))
    assert.equal(await messageOf('B_ERROR', 'B one'), 'B one')
    await writeFile(file('b.yaml'), part('B_ERROR', 3, 'B two'))
    assert.equal(await messageOf('B_ERROR', 'B two'), 'B two')
    const count = rebuilds.length
    await writeFile(file('a.yaml'), part('A_ERROR', 2, 'A three'))
    await sleep(300)
    assert.equal(rebuilds.length, count, 'a.yaml is no longer part of the catalog')
    assert.deepEqual(problems, [])
  })
})
