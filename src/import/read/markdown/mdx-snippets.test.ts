import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { snippetImports } from './mdx-snippets.ts'

describe('snippetImports', () => {
  it('finds the Markdown files a page imports and renders, in page order', () => {
    const page = [
      "import Tabs from '@theme/Tabs'",
      "import AuthCodes from './_auth-codes.mdx'",
      'import BillingCodes from "../shared/billing.md"',
      "import Unused from './_unused.mdx'",
      '',
      '## Authentication',
      '',
      '<AuthCodes />',
      '',
      '## Billing',
      '<Tabs><BillingCodes/></Tabs>',
    ].join('\n')
    assert.deepEqual(snippetImports(page), [
      { specifier: './_auth-codes.mdx', line: 2 },
      { specifier: '../shared/billing.md', line: 3 },
    ])
  })

  it('passes over packages, other file types, and imports inside code blocks', () => {
    const page = [
      "import Codes from '@site/docs/_codes.mdx'",
      "import Chart from './chart.jsx'",
      '```mdx',
      "import Example from './_example.mdx'",
      '<Example />',
      '```',
      '<Codes /> <Chart />',
    ].join('\n')
    assert.deepEqual(snippetImports(page), [])
  })
})
