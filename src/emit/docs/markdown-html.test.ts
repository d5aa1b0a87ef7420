import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { markdownToHtml } from './markdown-html.ts'

describe('markdownToHtml', () => {
  it('renders GFM: emphasis, code, links, tables, lists', () => {
    const html = markdownToHtml(
      'Use **`api_key`**, see [docs](https://x.dev/a).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two',
    )
    assert.match(html, /<strong><code>api_key<\/code><\/strong>/)
    assert.match(html, /<a href="https:\/\/x\.dev\/a">docs<\/a>/)
    assert.match(html, /<table>[\s\S]*<td>1<\/td>/)
    assert.match(html, /<li>two<\/li>/)
  })

  it('escapes raw HTML and drops unsafe link schemes', () => {
    const html = markdownToHtml(
      '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) ![i](javascript:alert(1)) <a href="javascript:alert(1)">z</a>',
    )
    assert.doesNotMatch(html, /<script|<img src=x|<a href="javascript|onerror=alert\(1\)>/i)
    assert.doesNotMatch(html, /href="javascript:/i)
    assert.match(html, /&lt;script&gt;/)
  })

  it('moves headings below the page outline', () => {
    assert.equal(markdownToHtml('# Top\n\n### Deep'), '<h5>Top</h5>\n<h6>Deep</h6>\n')
  })

  it('keeps the reference definitions of one text out of the next', () => {
    assert.match(
      markdownToHtml('[a][ref]\n\n[ref]: https://x.dev'),
      /<a href="https:\/\/x\.dev">a<\/a>/,
    )
    assert.equal(markdownToHtml('[a][ref]'), '<p>[a][ref]</p>\n')
  })
})
