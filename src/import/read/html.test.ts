import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { PageRow } from '../find/page.ts'
import { detectHtml, parseHtml } from './html.ts'

const pick = (rows: PageRow[], ...keys: (keyof PageRow)[]) =>
  rows.map((r) => Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]])))

describe('HTML tables', () => {
  it('reads header rows, colspan group rows, symbols and anchors, at their lines', () => {
    const page = parseHtml(
      [
        '<table>', // 1
        '<thead><tr><th>Error Code</th><th>Condition Name</th></tr></thead>',
        '<tbody>',
        '<tr><td colspan="2"><strong>Class 22 — Data Exception</strong></td></tr>',
        '<tr><td><code>22012</code></td><td><code>division_by_zero</code></td></tr>', // 5
        '<tr><td><a name="2201X">2201X</a></td><td>invalid_row_count_in_result_offset_clause</td></tr>',
        '</tbody></table>',
      ].join('\n'),
    )
    assert.deepEqual(page.groups, [{ title: 'Class 22 — Data Exception', prefix: '22', line: 4 }])
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'codeType', 'line', 'anchor', 'group'), [
      { code: '22012', symbol: 'division_by_zero', codeType: 'key', line: 5, group: 0 },
      {
        code: '2201X',
        symbol: 'invalid_row_count_in_result_offset_clause',
        codeType: 'key',
        line: 6,
        anchor: '2201X',
        group: 0,
      },
    ])
  })

  it('takes a first row without <th> as the header when it names the columns', () => {
    const page = parseHtml(
      '<table>\n<tr><td>错误码ID</td><td>错误码名称</td><td>含义</td><td>解决方案</td></tr>\n<tr><td>401</td><td>ERROR_PARAM_MISSING</td><td>参数缺失</td><td>根据提示补齐对应参数</td></tr>\n</table>',
    )
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'message', 'troubleshooting'), [
      {
        code: '401',
        symbol: 'ERROR_PARAM_MISSING',
        message: '参数缺失',
        troubleshooting: '根据提示补齐对应参数',
      },
    ])
  })

  it('blanks front matter (HTML in a Markdown file) and keeps line numbers', () => {
    const page = parseHtml(
      [
        '---',
        'title: Error Codes',
        'main: Below is an <b>Error Codes</b> table',
        '---',
        '<table>',
        '<tr><th>ERROR CODE</th><th>VALUE</th><th>DESCRIPTION</th></tr>',
        '<tr><td>ERROR_OK</td><td>0</td><td>Operation completed successfully</td></tr>',
        '</table>',
      ].join('\n'),
    )
    assert.equal(page.title, 'Error Codes')
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'message', 'line'), [
      { code: '0', symbol: 'ERROR_OK', message: 'Operation completed successfully', line: 7 },
    ])
  })

  it('skips navigation tables and scripts', () => {
    const page = parseHtml(
      '<div class="navheader"><table><tr><th>Error Codes</th></tr><tr><td>Prev</td></tr></table></div><script>"<table>"</script><nav><ul><li>1: no</li><li>2: no</li></ul></nav>',
    )
    assert.equal(page.rows.length, 0)
  })
})

describe('HTML headings and lists', () => {
  it('reads definition lists, headings per error and lists', () => {
    const page = parseHtml(
      [
        '<h1>Acme errors</h1>',
        '<h2>Auth</h2>',
        '<dl><dt id="e1001">1001</dt><dd>Token expired</dd><dd>Get a new token.</dd></dl>',
        '<h2>Billing (2000 - 2999)</h2>',
        '<h3 id="2001">2001 Payment required</h3>',
        '<p>Your plan ran out.</p>',
        '<p>Top up.</p>',
        '<h2>Misc</h2>',
        '<ul><li>3001: Thing broke</li><li>3002 — Other</li></ul>',
      ].join('\n'),
    )
    assert.equal(page.title, 'Acme errors')
    assert.deepEqual(
      page.groups.map((g) => [g.title, g.range]),
      [
        ['Auth', undefined],
        ['Billing (2000 - 2999)', [2000, 2999]],
        ['Misc', undefined],
      ],
    )
    assert.deepEqual(
      pick(page.rows, 'code', 'title', 'message', 'description', 'anchor', 'line', 'group'),
      [
        {
          code: '1001',
          message: 'Token expired',
          description: 'Get a new token.',
          anchor: 'e1001',
          line: 3,
          group: 0,
        },
        {
          code: '2001',
          title: 'Payment required',
          message: 'Your plan ran out.',
          description: 'Top up.',
          anchor: '2001',
          line: 5,
          group: 1,
        },
        { code: '3001', message: 'Thing broke', line: 9, group: 2 },
        { code: '3002', message: 'Other', line: 9, group: 2 },
      ],
    )
  })
})

describe('detectHtml', () => {
  it('is sure of documents with tables, less of HTML inside Markdown', () => {
    assert.ok(detectHtml('<!DOCTYPE html><html><body><table></table></body></html>') >= 0.9)
    assert.ok(detectHtml('---\ntitle: x\n---\n<section><table></table></section>') >= 0.9)
    const embedded = detectHtml('# Errors\n\n<table><tr><td>1</td></tr></table>')
    assert.ok(embedded > 0 && embedded < 0.5)
    assert.equal(detectHtml('plain text'), 0)
  })
})
