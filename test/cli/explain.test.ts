// `errcat explain` through the real CLI, on the complete catalog of the
// broken-catalog suite: by code, key and symbol, and what an unknown
// identifier gets (near matches, exit 2, no stack).
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { errcat, hasColour, STACK_LINE } from './cli.ts'

const DIR = fileURLToPath(new URL('../check/clean/complete/', import.meta.url))

describe('errcat explain', { concurrency: 2 }, () => {
  it('by code: status, message, params, retry, lifecycle, where it is defined', async () => {
    const run = await errcat(['explain', '1001'], { cwd: DIR })
    assert.equal(run.code, 0, run.stderr)
    const out = run.stdout
    assert.match(out, /^AUTH_TOKEN_EXPIRED {2}code 1001 · key auth_token_expired\nToken expired\n/)
    assert.match(out, /^Status {8}401 Unauthorized$/m)
    assert.match(
      out,
      /^Group {9}auth: Authentication \(codes 1000–1999, keys auth_…, owner identity-team\)$/m,
    )
    assert.match(out, /^Message {7}The token expired at \{expiredAt\}$/m)
    assert.match(out, /^Params {8}expiredAt {2}string: When the token expired \(ISO 8601\)\.$/m)
    assert.match(out, /^Retry {9}Do not retry/m)
    assert.match(out, /^Lifecycle {5}introduced in 2024-06$/m)
    assert.match(out, /^Exposed {7}yes: the message and params are sent to clients$/m)
    assert.match(out, /^Translations {2}pt-BR, fr$/m)
    assert.match(out, /^Docs {10}https:\/\/docs\.example\.com\/errors#auth_token_expired$/m)
    assert.match(out, /^Defined in {4}errors\.yaml:\d+$/m)
    assert.ok(!hasColour(out), 'no colour when stdout is not a TTY')
  })

  it('by key: the rendered example, with its request and params', async () => {
    const run = await errcat(['explain', 'billing_invoice_not_found'], { cwd: DIR })
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /^INVOICE_NOT_FOUND {2}code 3002 · key billing_invoice_not_found$/m)
    assert.match(run.stdout, /^Status {8}404 Not Found$/m)
    assert.match(run.stdout, /^Defined in {4}billing\.yaml:\d+$/m)
    assert.match(
      run.stdout,
      /\nExamples\n {2}Unknown invoice\n {4}GET \/v1\/invoices\/in_123\n {4}params: invoiceId="in_123"\n {4}message: Invoice in_123 not found\n/,
    )
  })

  it('by symbol: description and troubleshooting as plain text, not Markdown', async () => {
    const run = await errcat(['explain', 'CARD_DECLINED', '--catalog', 'errors.yaml'], { cwd: DIR })
    assert.equal(run.code, 0, run.stderr)
    assert.match(
      run.stdout,
      /\nDescription\n {2}The card issuer declined the payment\. See payment errors \(https:\/\/docs\.example\.com\/payments\)\.\n/,
    )
    assert.match(run.stdout, /\nTroubleshooting\n {2}Ask the customer for another card\.\n/)
    assert.doesNotMatch(run.stdout, /\*\*/)
    assert.match(run.stdout, /^Status {8}402 Payment Required$/m, 'the group default status')
  })

  it('deprecated and obsolete errors say so, with the replacement', async () => {
    const deprecated = await errcat(['explain', 'auth-token-invalid'], { cwd: DIR })
    assert.equal(deprecated.code, 0, deprecated.stderr)
    assert.match(deprecated.stdout, /^AUTH_TOKEN_INVALID .*\[DEPRECATED\]$/m)
    assert.match(
      deprecated.stdout,
      /^Lifecycle {5}deprecated since 2025-01; use AUTH_TOKEN_EXPIRED instead$/m,
    )
    assert.match(
      deprecated.stdout,
      /kind {2}enum \(access \| refresh\): Which token was sent\. \(e\.g\. "access"\)/,
    )
    const obsolete = await errcat(['explain', 'AUTH_SESSION_LOST'], { cwd: DIR })
    assert.match(
      obsolete.stdout,
      /obsolete since 2024-01: never sent any more; the number stays reserved\. Sessions were replaced by tokens\./,
    )
  })

  it('an unknown identifier: exit 2, near matches, no stack', async () => {
    const run = await errcat(['explain', 'AUTH_TOKEN_EXPIRD'], { cwd: DIR })
    assert.equal(run.code, 2)
    assert.equal(run.stdout, '')
    assert.match(
      run.stderr,
      /^errcat: no error "AUTH_TOKEN_EXPIRD" in errors\.yaml \(\d+ errors\)$/m,
    )
    assert.match(
      run.stderr,
      /Did you mean:\n {2}AUTH_TOKEN_EXPIRED \(1001, auth_token_expired\): Token expired/,
    )
    assert.doesNotMatch(run.stderr, STACK_LINE)
    const code = await errcat(['explain', '1010'], { cwd: DIR })
    assert.equal(code.code, 2)
    assert.match(code.stderr, /AUTH_TOKEN_EXPIRED \(1001/, 'swapped digits')
  })

  it('a catalog that does not exist: exit 2, the file named, no stack', async () => {
    const run = await errcat(['explain', '1001', '--catalog', 'missing.yaml'], { cwd: DIR })
    assert.equal(run.code, 2)
    assert.match(run.stderr, /missing\.yaml:1:1: error \[load\/missing-file\]/)
    assert.match(run.stderr, /errcat: cannot load missing\.yaml/)
    assert.doesNotMatch(run.stderr, STACK_LINE)
  })
})
