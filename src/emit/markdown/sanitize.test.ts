import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import type { List, Nodes } from 'mdast'
import { checkMarkdown, plainText } from '../../../test/build/markdown-safety.ts'
import { fuzz } from '../../../test/fuzz-settings.ts'
import { safeMarkdown } from './sanitize.ts'

const BASE = 'https://docs.example.com/errors'

/**
 * Sanitizes and checks the result. Sanitizing it again must give the same
 * text; `exact` also asks for the same bytes, which GFM's literal autolinks
 * (found in decoded text, so `&lt;/b>http://x` links on the second pass
 * only) do not always allow.
 */
function sanitize(markdown: string, exact = true) {
  const out = safeMarkdown(markdown, BASE)
  const page = checkMarkdown(out, JSON.stringify(markdown))
  const again = safeMarkdown(out, BASE)
  if (exact) assert.equal(again, out, `stable for ${JSON.stringify(markdown)}`)
  else assert.equal(checkMarkdown(again).text, page.text, `stable for ${JSON.stringify(markdown)}`)
  return { out, page }
}

function find(node: Nodes, type: string): Nodes[] {
  const found = node.type === type ? [node] : []
  if ('children' in node) for (const child of node.children) found.push(...find(child, type))
  return found
}

describe('safeMarkdown', () => {
  it('turns raw HTML, JSX and MDX expressions into visible text, and drops comments', () => {
    const { page } = sanitize(
      [
        '<script>alert(1)</script>',
        '',
        'Hello <img src=x onerror=alert(1)> and <b>bold</b> {props.secret}',
        '',
        '<Tabs>\n<TabItem value="a">inside</TabItem>\n</Tabs>',
        '',
        '<!-- a comment -->',
        '',
        'import Foo from "./foo"',
        '',
        'export const leak = 1',
      ].join('\n'),
    )
    assert.deepEqual(page.anchors, [])
    for (const visible of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '{props.secret}',
      '<TabItem value="a">inside</TabItem>',
      'import Foo from "./foo"',
      'export const leak = 1',
    ])
      assert.ok(page.text.includes(visible), visible)
    // A comment was invisible in the catalog's Markdown, and stays so.
    assert.ok(!page.text.includes('a comment'))
  })

  it('keeps links with safe URLs only, resolving relative ones against the docs', () => {
    const { page, out } = sanitize(
      [
        '[run](javascript:alert(1)) [data](data:text/html,x) [guide](/guides/auth) [site](https://x.dev/a_(b))',
        '[ref][r] ![pixel](javascript:x) ![logo](https://x.dev/logo.png) ![local](./logo.png)',
        '<https://auto.example/x> and mail@example.com',
        '',
        '[r]: https://ref.example/{id}',
      ].join('\n'),
    )
    assert.deepEqual(page.links, [
      'https://docs.example.com/guides/auth',
      'https://x.dev/a_%28b%29',
      'https://ref.example/%7Bid%7D',
      'https://x.dev/logo.png',
      // Resolved against the docs, it is absolute: no bundler looks for it.
      'https://docs.example.com/logo.png',
      'https://auto.example/x',
      'mailto:mail@example.com',
    ])
    assert.ok(page.text.includes('run') && page.text.includes('pixel'))
    assert.doesNotMatch(out, /javascript|data:/)
  })

  it('keeps emphasis, code, lists, quotes and tables', () => {
    const { page } = sanitize(
      [
        'Some *em*, **strong**, ~~gone~~ and `code with | pipe`.',
        '',
        '1. first',
        '2. second',
        '   - nested *a*',
        '   - nested b',
        '',
        '> quoted **text**',
        '',
        '| a | b `x\\|y` |',
        '| :-- | --: |',
        '| 1 \\| one | `2` |',
        '',
        '- [x] done',
        '- [ ] open',
      ].join('\n'),
    )
    const root = page.tree
    assert.equal(find(root, 'emphasis').length, 2)
    assert.equal(find(root, 'strong').length, 2)
    assert.equal(find(root, 'delete').length, 1)
    assert.equal(find(root, 'blockquote').length, 1)
    const lists = find(root, 'list') as List[]
    assert.deepEqual(
      lists.map((l) => [l.ordered, l.children.length]),
      [
        [true, 2],
        [false, 2],
        [false, 2],
      ],
    )
    assert.deepEqual(
      lists[2]!.children.map((i) => i.checked),
      [true, false],
    )
    assert.deepEqual(page.tables, [{ columns: 2, rows: [2] }])
    assert.ok(page.text.includes('b x|y'))
    assert.ok(page.text.includes('1 | one'))
  })

  it('writes headings as bold paragraphs, so the page outline stays the catalog’s', () => {
    const { page } = sanitize('# Big\n\nText\n\nSetext\n======')
    assert.deepEqual(page.headings, [])
    assert.equal(find(page.tree, 'strong').length, 2)
  })

  it('keeps fenced code at the top, and writes code inside lists and quotes as code spans', () => {
    const hostile = '<script>alert(1)</script>\n{x}\n\n```\nmore'
    const { page } = sanitize(
      `\`\`\`\`html\n${hostile}\n\`\`\`\`\n\n- step:\n\n  \`\`\`\`\n  ${hostile.replace(/\n/g, '\n  ')}\n  \`\`\`\`\n\n> \`\`\`\n> {quoted}\n> \`\`\``,
    )
    const blocks = find(page.tree, 'code')
    assert.equal(blocks.length, 1)
    assert.equal(blocks[0]!.type === 'code' && blocks[0].value, hostile)
    const spans = find(page.tree, 'inlineCode').map((n) => plainText(n))
    assert.deepEqual(spans, ['<script>alert(1)</script>', '{x}', '```', 'more', '{quoted}'])
  })

  it('keeps a paragraph from turning into a list, a quote or ESM', () => {
    const { page } = sanitize('1\\. not a list\n\n\\- not a bullet\n\n\\> not a quote')
    assert.equal(find(page.tree, 'list').length, 0)
    assert.equal(find(page.tree, 'blockquote').length, 0)
    assert.equal(
      page.text,
      '1. not a list- not a bullet> not a quote'.replace(/(list|bullet)/g, '$1'),
    )
  })

  it('survives arbitrary input (property)', () => {
    const markdown = fc.string({
      unit: fc.constantFrom(
        ...'<>{}[]()|`*_~#!:&;=+-.\\/"\' \n\n\t',
        'a',
        '1. ',
        '- ',
        '> ',
        '```\n',
        '    ',
        '<div>',
        '</div>',
        '<a href="javascript:x">',
        '[x](javascript:y)',
        '| a | b |\n| - | - |\n',
        'import ',
        '{x}',
        'http://e.com/',
      ),
      maxLength: 60,
    })
    fc.assert(
      fc.property(markdown, (value) => {
        sanitize(value, false)
      }),
      fuzz(600),
    )
  })
})
