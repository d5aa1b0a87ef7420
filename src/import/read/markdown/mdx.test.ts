import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { blankMdx, looksLikeMdx } from './mdx.ts'

describe('MDX blanking', () => {
  it('blanks ESM, JSX tags and expressions, keeps Markdown and code fences', () => {
    const lines = [
      "import A from '../../a'",
      'import { B,',
      "  C } from '../../b'",
      '',
      '<Tabs>',
      '| Code | Message |',
      '</Tabs>',
      '```jsx',
      '<NotBlanked />',
      '```',
      '<Multi',
      '  prop={a > b}',
      '/>',
      '{/* note */}',
      '<span>html stays</span>',
    ]
    assert.ok(looksLikeMdx(lines))
    const count = blankMdx(lines)
    assert.deepEqual(lines, [
      '',
      '',
      '',
      '',
      '',
      '| Code | Message |',
      '',
      '```jsx',
      '<NotBlanked />',
      '```',
      '',
      '',
      '',
      '',
      '<span>html stays</span>',
    ])
    assert.equal(count, 9)
  })
  it('does not take Markdown or HTML for MDX', () => {
    assert.ok(!looksLikeMdx(['# Title', '<table>', '```', 'import x from "y"', '```']))
  })
  it('does not swallow the page after a stray capitalised tag', () => {
    const lines = ['<Oops', '', '| Code | Message |']
    blankMdx(lines)
    assert.equal(lines[2], '| Code | Message |')
  })
})
