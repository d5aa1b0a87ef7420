// An MDX page that keeps its error tables in snippets it imports (Docusaurus
// partials, Mintlify snippets): `errcat import page.mdx` reads the snippets
// too, with their own file:line, says so per page, and never reads a snippet
// outside the folders being imported unless told to.
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { parse } from 'yaml'
import { errcat, STACK_LINE } from './cli.ts'

let dir = ''
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errcat-import-mdx-'))
  await mkdir(join(dir, 'docs/_partials'), { recursive: true })
  await mkdir(join(dir, 'elsewhere'))
})
after(() => rm(dir, { recursive: true, force: true }))

const PAGE = `---
title: Error codes
---
import Tabs from '@theme/Tabs'
import AuthCodes from './_partials/auth.mdx'
import Billing from '../shared/billing.mdx'

# Error codes

Every error has a numeric code.

## Authentication

<AuthCodes />

## Requests

| Code | Message |
|------|---------|
| 3001 | The request body is not JSON. |
| 3002 | A required field is missing. |

<Billing />
`

const AUTH = `| Code | Message |
|------|---------|
| 1001 | The token is missing. |
| 1002 | The token has expired. |
| 1003 | The token was revoked. |
`

const BILLING = `| Code | Message |
|------|---------|
| 2001 | The card was declined. |
`

describe('errcat import: MDX snippets', () => {
  before(async () => {
    await writeFile(join(dir, 'docs/errors.mdx'), PAGE)
    await writeFile(join(dir, 'docs/_partials/auth.mdx'), AUTH)
    await mkdir(join(dir, 'shared'))
    await writeFile(join(dir, 'shared/billing.mdx'), BILLING)
  })

  it('reads the snippets a page imports and renders, each with its own lines', async () => {
    const out = join(dir, 'from-docs.yaml')
    const run = await errcat(['import', 'errors.mdx', '-o', out], { cwd: join(dir, 'docs') })
    assert.equal(run.code, 0, run.stderr)
    assert.doesNotMatch(run.stderr, STACK_LINE)
    const catalog = parse(await import('node:fs/promises').then((fs) => fs.readFile(out, 'utf8')))
    const codes = Object.values(catalog.errors as Record<string, { code: number }>).map(
      (e) => e.code,
    )
    assert.deepEqual(codes.sort(), [1001, 1002, 1003, 3001, 3002])
    assert.match(
      run.stderr,
      /_partials\/auth\.mdx: read as markdown .*a snippet imported by errors\.mdx:5, 3 errors/,
    )
    // Run from docs/, ../shared is outside both the page's folder and the current one.
    assert.match(
      run.stderr,
      /shared\/billing\.mdx.*imported by errors\.mdx:6, but outside the folders being imported \(run with --allow-outside/,
    )
  })

  it('reads a snippet above the page from the repository root, or with --allow-outside', async () => {
    const fromRoot = await errcat(['import', 'docs/errors.mdx', '-o', join(dir, 'root.yaml')], {
      cwd: dir,
    })
    assert.equal(fromRoot.code, 0, fromRoot.stderr)
    assert.match(
      fromRoot.stderr,
      /billing\.mdx: read as markdown .*imported by docs\/errors\.mdx:6, 1 errors/,
    )
    const allowed = await errcat(
      ['--allow-outside', 'import', 'errors.mdx', '-o', join(dir, 'allowed.yaml')],
      { cwd: join(dir, 'docs') },
    )
    assert.equal(allowed.code, 0, allowed.stderr)
    assert.match(allowed.stderr, /billing\.mdx: read as markdown/)
  })

  it('imports a page whose entries all live in snippets, and names a missing snippet', async () => {
    const page = join(dir, 'elsewhere/only-snippets.mdx')
    await writeFile(join(dir, 'elsewhere/_codes.mdx'), AUTH)
    await writeFile(
      page,
      "import Codes from './_codes.mdx'\nimport Gone from './_gone.mdx'\n\n# Errors\n\n<Codes />\n\n<Gone />\n",
    )
    const run = await errcat(['import', page, '-o', join(dir, 'only.yaml')], { cwd: dir })
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stderr, /_codes\.mdx: read as markdown .*3 errors/)
    assert.match(
      run.stderr,
      /_gone\.mdx.*imported by .*only-snippets\.mdx:2, but there is no such file/,
    )
  })
})
