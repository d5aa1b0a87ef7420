// `errcat serve` and hostile request paths, over real HTTP on loopback: the
// server answers from the site it built in memory, so no spelling of a path
// (`..`, encoded or double-encoded dots and slashes, backslashes, NUL bytes,
// very long paths) and no symlink in the catalog's folder reaches a file on
// disk. The folder served from holds real files and symlinks pointing out of
// it, each with a secret that must never come back.
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { type ServeLog, type Serving, startServe } from '../../src/serve/index.ts'

const SILENT: ServeLog = { info: () => {}, error: () => {} }
const SECRET = 'hunter2-outside-the-root'
const BESIDE = 'beside-the-catalog-not-built'

const CATALOG = `api:
  name: Paths API
groups:
  auth: { title: Authentication, range: [1000, 1999], status: 401 }
errors:
  BAD_TOKEN:
    code: 1001
    title: Bad token
    message: Token is not valid
  INTERNAL:
    code: 1
    status: 500
    title: Internal error
    internal: true
`

interface Answer {
  status: number
  body: string
}

/** A request sent with its path exactly as written (fetch would normalize it). */
function get(url: string, path: string): Promise<Answer> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path }, (res) => {
      let body = ''
      res.setEncoding('latin1').on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** A request line sent as raw bytes, for what Node's client refuses to send (NUL, control bytes). */
function raw(url: string, requestLine: string): Promise<Answer> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.end(Buffer.from(`${requestLine}\r\nHost: x\r\nConnection: close\r\n\r\n`, 'latin1'))
    })
    let text = ''
    socket.setEncoding('latin1').on('data', (chunk: string) => (text += chunk))
    // A server that refuses a request may close before reading all of it, and
    // the unread bytes make the kernel reset the connection: what was answered
    // before the reset is still the answer.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' || !text.startsWith('HTTP/')) reject(error)
    })
    socket.on('close', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)
      const at = text.indexOf('\r\n\r\n')
      resolve({ status: status ? Number(status[1]) : 0, body: at === -1 ? '' : text.slice(at + 4) })
    })
  })
}

function assertNotFound(answer: Answer, path: string): void {
  assert.equal(answer.status, 404, path)
  assert.equal(answer.body, 'Not found\n', path)
}

describe('errcat serve: hostile paths find nothing on disk', () => {
  let dir: string
  let serving: Serving

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errcat-serve-paths-'))
    const root = join(dir, 'root')
    await mkdir(root)
    await writeFile(join(dir, 'secret.txt'), `${SECRET}\n`)
    await writeFile(join(root, 'errors.yaml'), CATALOG)
    await writeFile(join(root, 'notes.txt'), `${BESIDE}\n`)
    await writeFile(join(root, 'index.json'), `{"x": "${BESIDE}"}\n`)
    // Symlinks inside the served folder, out of it: to a file, and to the parent folder.
    await symlink(join(dir, 'secret.txt'), join(root, 'leak.txt'))
    await symlink(dir, join(root, 'up'))
    serving = await startServe({ catalog: join(root, 'errors.yaml'), port: 0, log: SILENT })
  })
  after(async () => {
    await serving?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('serves its built pages, the control for what follows', async () => {
    const index = await get(serving.url, '/')
    assert.equal(index.status, 200)
    assert.match(index.body, /Bad token/)
  })

  it('answers 404 to `..` segments, never a file above the root', async () => {
    for (const path of [
      '/../secret.txt',
      '/../../secret.txt',
      '/assets/../../secret.txt',
      '/./../secret.txt',
      '/..',
      '/../',
    ])
      assertNotFound(await get(serving.url, path), path)
  })

  it('answers 404 to encoded dots and slashes (%2e%2e, %2f)', async () => {
    for (const path of [
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/.%2e/secret.txt',
      '/%2e./secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fsecret.txt',
    ])
      assertNotFound(await get(serving.url, path), path)
  })

  it('answers 404 to double-encoded traversal (%252e, %252f)', async () => {
    for (const path of [
      '/%252e%252e/secret.txt',
      '/%252e%252e%252fsecret.txt',
      '/assets/%252e%252e/%252e%252e/secret.txt',
      '/%25252e%25252e/secret.txt',
    ])
      assertNotFound(await get(serving.url, path), path)
  })

  it('answers 404 to backslashes, raw or encoded (%5c)', async () => {
    for (const path of [
      '/..\\secret.txt',
      '/assets\\..\\..\\secret.txt',
      '/%5c..%5csecret.txt',
      '/..%5Csecret.txt',
      '/assets\\docs.js',
    ])
      assertNotFound(await get(serving.url, path), path)
  })

  it('answers 404 to an encoded NUL (%00), and Node refuses a raw one with 400', async () => {
    for (const path of ['/index.html%00', '/index.html%00.js', '/%00/../secret.txt'])
      assertNotFound(await get(serving.url, path), path)
    const nul = await raw(serving.url, 'GET /index.html\x00.js HTTP/1.1')
    assert.equal(nul.status, 400)
    assert.ok(!nul.body.includes(SECRET))
  })

  it('answers 404 to long paths, and Node refuses one past its header limit with 431', async () => {
    const deep = `/${'../'.repeat(2000)}secret.txt`
    assertNotFound(await get(serving.url, deep), 'a 6 KB path of `../`')
    assertNotFound(await get(serving.url, `/${'a'.repeat(12_000)}`), 'a 12 KB segment')
    // Node's limit is 16 KB; 18 KB passes it yet fits one read, so the server
    // has nothing left unread when it closes (no reset before the answer).
    const huge = await raw(serving.url, `GET /${'../'.repeat(6_000)}secret.txt HTTP/1.1`)
    assert.equal(huge.status, 431)
    assert.ok(!huge.body.includes(SECRET))
    // The server still answers afterwards.
    assert.equal((await get(serving.url, '/')).status, 200)
  })

  it('answers 404 to symlinks in its folder that point outside it, and to the files beside the catalog', async () => {
    for (const path of [
      '/leak.txt',
      '/up/secret.txt',
      '/up/root/notes.txt',
      '/notes.txt',
      '/index.json',
      '/errors.yaml',
    ]) {
      const answer = await get(serving.url, path)
      assertNotFound(answer, path)
      assert.ok(!answer.body.includes(SECRET) && !answer.body.includes(BESIDE), path)
    }
  })

  it('gives the mock’s unknown-error answer, never a file, to traversal under /mock', async () => {
    for (const path of [
      '/mock/../secret.txt',
      '/mock/..%2fsecret.txt',
      '/mock/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/mock/..%5c..%5cleak.txt',
      '/mock/%252e%252e',
      '/mock/%E0%A4%A',
    ]) {
      const answer = await get(serving.url, path)
      assert.equal(answer.status, 404, path)
      assert.ok(!answer.body.includes(SECRET), path)
      // `/mock/../secret.txt` is sent as written: the mock reads `../secret.txt` as an id.
      assert.match(JSON.parse(answer.body).message, /has no error with code, key or symbol/, path)
    }
  })
})
