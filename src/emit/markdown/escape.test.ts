import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import type { InlineCode, Paragraph, Table } from 'mdast'
import { checkMarkdown, plainText } from '../../../test/build/markdown-safety.ts'
import { fuzz } from '../../../test/fuzz-settings.ts'
import { attribute, cellCode, code, fence, lineStart, singleLine, text, url } from './escape.ts'

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- comment --> and <![CDATA[x]]>',
  '{props.secret} and {/* mdx comment */}',
  '<Admonition type="danger">boom</Admonition>',
  'import Foo from "./foo"',
  'export const leak = process.env',
  '| a | b | c |',
  '`code` and ``double`` and ```',
  '**bold** _em_ ~~strike~~ ~single~',
  '[link](javascript:alert(1)) ![img](http://tracker/x.gif)',
  '[^1] footnote and [ref][x]',
  '# heading\n## second\n---',
  '- list\n* star\n+ plus\n1. one\n2) two',
  '> quote',
  '    indented code',
  'line one\r\nline two\ttab\u0000nul\u0002stx\u0003etx\u007f\u0085',
  'https://example.com/a_b?c=1&d=2 www.example.com user@example.com',
  '&lt;script&gt; &copy; &#123; &#x7B; & alone',
  ':::danger\nadmonition\n:::',
  'a :directive[label]{attr=1} and ::leaf',
  '{#custom-id} and {: .class}',
  '\\ backslash \\\\ and \\*',
  '$math$ and $$block$$',
  '*[HTML]: abbreviation',
  '===',
  'a line ending with a bang!',
  '',
  '   ',
]

/** The one paragraph `markdown` parses to, as plain text ('' when it parses to nothing). */
function paragraphText(markdown: string): string {
  const page = checkMarkdown(markdown)
  if (page.tree.children.length === 0) return ''
  assert.equal(page.tree.children.length, 1, `one block for ${JSON.stringify(markdown)}`)
  const paragraph = page.tree.children[0] as Paragraph
  assert.equal(paragraph.type, 'paragraph', markdown)
  return plainText(paragraph)
}

const expectedText = (value: string) => singleLine(value).replace(/^ +| +$/g, '')

const hostileText = fc.string({
  unit: fc.constantFrom(
    ...'<>{}[]()|`*_~#!:&;=+-.\\/"\' \n\r\t\u0000',
    'a',
    'Z',
    '1',
    'é',
    '😀',
    'import ',
    'export ',
    'script',
    'http://',
    '&lt;',
    '&#123;',
    ':::',
  ),
  maxLength: 40,
})

describe('text', () => {
  it('renders every hostile string as exactly its text, on one line, with no HTML or MDX syntax', () => {
    for (const value of HOSTILE)
      assert.equal(paragraphText(lineStart(text(value))), expectedText(value), value)
  })

  it('round-trips any string of syntax characters (property)', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        assert.equal(paragraphText(lineStart(text(value))), expectedText(value))
      }),
      fuzz(1000),
    )
  })

  it('escapes only with what GitHub, MDX and Python-Markdown all accept', () => {
    assert.equal(text('a_b*c`d[e]{f}#g\\h'), 'a\\_b\\*c\\`d\\[e\\]\\{f\\}\\#g\\\\h')
    // Python-Markdown prints the backslash of `\|`, `\~` and `\<`: references instead.
    assert.equal(text('x|y~z<w'), 'x&#124;y&#126;z&lt;w')
    assert.equal(text('&copy; & b'), '&amp;copy; & b')
    assert.equal(text('see note:abc and a::b, 10:30'), 'see note&#58;abc and a&#58;&#58;b, 10:30')
    // GFM would link these, and show the escapes inside the link.
    assert.equal(text('https://a_b www.x_y a@b'), 'https&#58;//a\\_b &#119;ww.x\\_y a&#64;b')
    assert.equal(text('Wow!'), 'Wow\\!')
    assert.equal(text('a\nb\r\nc\td\u0000e'), 'a b c de')
  })
})

describe('lineStart', () => {
  it('keeps a line from starting a block', () => {
    const cases: [string, string][] = [
      ['- item', '\\- item'],
      ['+ item', '\\+ item'],
      ['> quote', '\\> quote'],
      ['1. one', '1\\. one'],
      ['12) twelve', '12\\) twelve'],
      ['=== setext', '&#61;== setext'],
      ['    four spaces', 'four spaces'],
      ['import x', '&#105;mport x'],
      ['export default 1', '&#101;xport default 1'],
      ['important', 'important'],
    ]
    for (const [input, expected] of cases) assert.equal(lineStart(text(input)), expected, input)
    for (const [input] of cases) assert.equal(paragraphText(lineStart(text(input))), input.trim())
  })
})

describe('code', () => {
  const spanValue = (markdown: string) => {
    const paragraph = checkMarkdown(markdown).tree.children[0] as Paragraph
    assert.equal(paragraph.children.length, 1, markdown)
    return (paragraph.children[0] as InlineCode).value
  }

  it('holds any text, backticks included, as one code span', () => {
    for (const value of [
      'a',
      '`',
      '``x``',
      'a ` b',
      ' padded ',
      '`x',
      'x`',
      '<script>{x}</script>',
    ])
      assert.equal(spanValue(code(value)), value, value)
    fc.assert(
      fc.property(hostileText, (value) => {
        const flat = singleLine(value)
        assert.equal(spanValue(code(value)), flat === '' ? ' ' : flat)
      }),
      fuzz(500),
    )
  })

  it('in a table cell, writes a value holding `|` as text, keeping the row intact', () => {
    for (const value of ['a|b', '`|`', 'plain', '||']) {
      const page = checkMarkdown(
        `| h1 | h2 |\n| --- | --- |\n| ${cellCode(value)} | ${text(value)} |`,
      )
      const table = page.tree.children[0] as Table
      assert.deepEqual(page.tables, [{ columns: 2, rows: [2] }])
      const [first, second] = table.children[1]!.children
      assert.equal(plainText(first!), value)
      assert.equal(plainText(second!), value)
    }
  })
})

describe('fence', () => {
  it('holds any content, fences included, as one code block', () => {
    for (const content of [
      'plain',
      '```\ninside\n```',
      '````',
      '<script>\n{x}\n</script>',
      'a\r\nb',
    ]) {
      const page = checkMarkdown(fence(content, 'http'))
      assert.equal(page.tree.children.length, 1)
      const block = page.tree.children[0]!
      assert.equal(block.type, 'code')
      assert.equal(block.type === 'code' && block.value, content.replace(/\r\n/g, '\n'))
      assert.equal(block.type === 'code' && block.lang, 'http')
    }
  })

  it('drops an info string that could carry anything', () => {
    assert.match(fence('x', 'js title="{a}"'), /^```\n/)
  })
})

describe('url', () => {
  it('refuses schemes that run code or embed content', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
    ])
      assert.equal(url(bad), undefined, bad)
  })

  it('keeps http, https, mailto, fragments and relative paths, encoded for a link destination', () => {
    assert.equal(
      url('https://example.com/a b/(c)/{d}'),
      'https://example.com/a%20b/%28c%29/%7Bd%7D',
    )
    assert.equal(url('mailto:team@example.com'), 'mailto:team@example.com')
    assert.equal(url('#9002'), '#9002')
    assert.equal(url('guide.md#x'), 'guide.md#x')
    assert.equal(url('https://x.dev/?a=1&copy;=2'), 'https://x.dev/?a=1&amp;copy;=2')
    assert.equal(url('https://x.dev/é'), 'https://x.dev/%C3%A9')
  })

  it('resolves a relative URL against the base, and checks the result', () => {
    assert.equal(
      url('/guides/auth', 'https://docs.example.com/errors'),
      'https://docs.example.com/guides/auth',
    )
    assert.equal(url('#x', 'https://docs.example.com/errors'), '#x')
  })

  it('gives a destination that parses back to the same URL', () => {
    for (const value of ['https://example.com/a b/(c)', 'https://x.dev/?a=1&copy;=2', '#a:b']) {
      const page = checkMarkdown(`[x](${url(value)})`)
      assert.equal(decodeURI(page.links[0]!), value.replace(/ /g, ' '))
    }
  })
})

describe('attribute', () => {
  it('cannot close the quotes or open anything', () => {
    assert.equal(attribute('a"b<c>{d}&e'), 'a&#34;b&#60;c&#62;&#123;d&#125;&#38;e')
  })
})
