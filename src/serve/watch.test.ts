import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { createWatcher, type Watcher } from './watch.ts'

// Wide enough that five writes in a row stay one burst on a loaded CI machine (at 40 ms, a
// busy run split them in two).
const DEBOUNCE_MS = 150
/** Long enough for fs events and the debounce; every wait below is bounded by it. */
const SETTLE_MS = 1500

describe('the catalog watcher', () => {
  let dir: string
  let calls: string[][]
  let watcher: Watcher
  const file = (...parts: string[]) => join(dir, ...parts)

  /** Waits for the next call, at most SETTLE_MS; undefined when none came. */
  async function nextCall(): Promise<string[] | undefined> {
    const seen = calls.length
    const deadline = Date.now() + SETTLE_MS
    while (calls.length === seen && Date.now() < deadline) await sleep(10)
    // A call may only come once the burst is over: give a second one the chance to show up.
    await sleep(DEBOUNCE_MS * 2)
    return calls.length > seen ? calls.slice(seen).flat().sort() : undefined
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-watch-'))
    await mkdir(file('locales'))
    await writeFile(file('errors.yaml'), 'a: 1\n')
    await writeFile(file('other.yaml'), 'b: 1\n')
    await writeFile(file('locales', 'ja.yaml'), 'c: 1\n')
    calls = []
    watcher = createWatcher((changed) => calls.push(changed), { debounceMs: DEBOUNCE_MS })
    watcher.set([file('errors.yaml'), file('locales', 'ja.yaml')])
    // Let the watches start before the first change.
    await sleep(50)
  })

  after(async () => {
    watcher.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('reports a changed file once per burst of writes', async () => {
    for (let i = 0; i < 5; i++) await writeFile(file('errors.yaml'), `a: ${i}\n`)
    assert.deepEqual(await nextCall(), [file('errors.yaml')])
    assert.equal(calls.length, 1)
  })

  it('reports a save by rename, as editors do it', async () => {
    await writeFile(file('.errors.yaml.swp'), 'a: 9\n')
    await rename(file('.errors.yaml.swp'), file('errors.yaml'))
    assert.deepEqual(await nextCall(), [file('errors.yaml')])
  })

  it('reports files in other folders (locale files)', async () => {
    await writeFile(file('locales', 'ja.yaml'), 'c: 2\n')
    assert.deepEqual(await nextCall(), [file('locales', 'ja.yaml')])
  })

  it('ignores the other files of a watched folder', async () => {
    await writeFile(file('other.yaml'), 'b: 2\n')
    assert.equal(await nextCall(), undefined)
  })

  it('follows a new set of files', async () => {
    watcher.set([file('other.yaml')])
    await sleep(50)
    await writeFile(file('locales', 'ja.yaml'), 'c: 3\n')
    await writeFile(file('errors.yaml'), 'a: 10\n')
    assert.equal(await nextCall(), undefined, 'files left out are no longer watched')
    await writeFile(file('other.yaml'), 'b: 3\n')
    assert.deepEqual(await nextCall(), [file('other.yaml')])
  })

  it('reports nothing once closed', async () => {
    watcher.close()
    await writeFile(file('other.yaml'), 'b: 4\n')
    assert.equal(await nextCall(), undefined)
  })
})
