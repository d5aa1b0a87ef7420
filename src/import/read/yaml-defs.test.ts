import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectFormat } from './detect.ts'
import { PageLimitError } from './limits.ts'
import { yamlImporter } from './yaml-defs.ts'

describe('YAML definitions importer', () => {
  it('reads a name → code map, with comments above as messages', () => {
    const text = `# Error list, generated.

# The token is missing.
token-missing: 401
token-expired: 402 # Sign in again.

quota:
  code: 429
  retry: true
`
    assert.equal(detectFormat(text)?.importer.format, 'yaml')
    const page = yamlImporter.parse(text)
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.symbol, r.message, r.line]),
      [
        ['401', 'token-missing', 'The token is missing.', 4],
        ['402', 'token-expired', 'Sign in again.', 5],
        ['429', 'quota', undefined, 7],
      ],
    )
  })

  it('reads records under a wrapper, nested maps as groups', () => {
    const text = `errors:
  auth:
    E1001:
      message: Invalid token
      status: 401
    E1002:
      message: Token expired
      status: 401
  billing:
    E2001:
      message: Card declined
`
    const page = yamlImporter.parse(text)
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.message, r.status, page.groups[r.group!]?.title]),
      [
        ['E1001', 'Invalid token', 401, 'auth'],
        ['E1002', 'Token expired', 401, 'auth'],
        ['E2001', 'Card declined', undefined, 'billing'],
      ],
    )
  })

  it('reads a list of records with their own code field', () => {
    const text = `- code: not_found
  name: NotFound
  message: The item does not exist.
- code: conflict
  message: The item changed.
`
    const page = yamlImporter.parse(text)
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.symbol, r.message, r.line]),
      [
        ['not_found', 'NotFound', 'The item does not exist.', 1],
        ['conflict', undefined, 'The item changed.', 4],
      ],
    )
  })

  it('leaves configuration files and `code: text` lists to other readers', () => {
    assert.equal(yamlImporter.detect('name: app\nversion: 2\nservices:\n  web:\n    image: x\n'), 0)
    assert.equal(yamlImporter.detect('1001: Invalid token\n1002: Expired\n1003: Locked\n'), 0)
  })

  it('stops at a stated nesting limit instead of overflowing', () => {
    const deep = `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`
    assert.throws(() => yamlImporter.parse(deep), PageLimitError)
  })
})
