import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { PageRow } from '../../find/page.ts'
import { detectMarkdown, parseMarkdown } from './markdown.ts'
import { expandMacros } from './markdown-tree.ts'

const pick = (rows: PageRow[], ...keys: (keyof PageRow)[]) =>
  rows.map((r) => Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]])))

describe('Markdown pipe tables', () => {
  it('reads ragged rows, missing closing pipes and HTML in cells, with their lines', () => {
    const page = parseMarkdown(
      [
        '## Auth errors', // 1
        '',
        '| Code | Message | Details',
        '|---|---|---|',
        '| <a name="1001">1001</a> | Token expired | Get a **new** token |',
        '| 1002 | Token revoked', // ragged, no closing pipe
        '| 1003 | `key` is required | see [docs](https://x.dev) |',
      ].join('\n'),
    )
    assert.equal(page.format, 'markdown')
    assert.deepEqual(page.groups, [{ title: 'Auth errors', line: 1 }])
    assert.deepEqual(
      pick(page.rows, 'code', 'message', 'description', 'line', 'anchor', 'label', 'group'),
      [
        {
          code: '1001',
          message: 'Token expired',
          description: 'Get a **new** token',
          line: 5,
          anchor: '1001',
          label: '1001',
          group: 0,
        },
        { code: '1002', message: 'Token revoked', line: 6, group: 0 },
        {
          code: '1003',
          message: '`key` is required',
          description: 'see [docs](https://x.dev)',
          line: 7,
          group: 0,
        },
      ],
    )
  })

  it('recognises columns by header and content (status, symbol, fix)', () => {
    const page = parseMarkdown(
      [
        '| Error Code | S3 Code | HTTP Status | Details | Recommended Fix |',
        '|---|---|---|---|---|',
        '| 10006 | NoSuchBucket | 404 | The specified bucket does not exist. | Check the name. |',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'status', 'message', 'troubleshooting'), [
      {
        code: '10006',
        symbol: 'NoSuchBucket',
        status: 404,
        message: 'The specified bucket does not exist.',
        troubleshooting: 'Check the name.',
      },
    ])
  })

  it('reports tables without a code column and empty rows', () => {
    const page = parseMarkdown(
      [
        '| Field | Description |',
        '|---|---|',
        '| ok | Always false |',
        '',
        '| Code | Message |',
        '|---|---|',
        '|  |  |',
        '| 7 | Seven |',
      ].join('\n'),
    )
    assert.deepEqual(
      page.rows.map((r) => r.code),
      ['7'],
    )
    assert.deepEqual(
      page.notes.map((n) => [n.line, n.kind, n.emptyRow ?? false]),
      [
        [1, 'skipped', false],
        [7, 'skipped', true],
      ],
    )
  })
})

describe('Markdown headings and lists', () => {
  it('takes a heading per error, with the text under it', () => {
    const page = parseMarkdown(
      [
        '# libcurl errors',
        '',
        '# CURLcode',
        '',
        '## CURLE_OK (0)',
        '',
        'All fine. Proceed as usual.',
        '',
        '## Obsolete error (20)',
        '',
        'Not used in modern versions.',
        '',
        'More about it.',
      ].join('\n'),
    )
    assert.equal(page.title, 'libcurl errors')
    assert.deepEqual(
      page.groups.map((g) => g.title),
      ['CURLcode'],
    )
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'title', 'message', 'description', 'line'), [
      { code: '0', symbol: 'CURLE_OK', message: 'All fine. Proceed as usual.', line: 5 },
      {
        code: '20',
        title: 'Obsolete error',
        message: 'Not used in modern versions.',
        description: 'More about it.',
        line: 9,
      },
    ])
  })

  it('reads definition lists in the Gengo and MDN styles, ignoring front matter', () => {
    const gengo = parseMarkdown(
      [
        '---',
        'title: Error codes',
        '---',
        '',
        '* 1000',
        ': Authentication failed',
        '',
        '* 1100',
        ': api_sig is a required field',
      ].join('\n'),
    )
    assert.equal(gengo.title, 'Error codes')
    assert.deepEqual(pick(gengo.rows, 'code', 'message', 'line'), [
      { code: '1000', message: 'Authentication failed', line: 5 },
      { code: '1100', message: 'api_sig is a required field', line: 8 },
    ])
    const mdn = parseMarkdown(
      [
        '- {{HTTPStatus(404, "404 Not Found")}}',
        '  - : The server cannot find the requested resource.',
        '- `306 unused`',
        '  - : Reserved.',
      ].join('\n'),
    )
    assert.deepEqual(pick(mdn.rows, 'code', 'title', 'message'), [
      {
        code: '404',
        title: 'Not Found',
        message: 'The server cannot find the requested resource.',
      },
      { code: '306', title: 'unused', message: 'Reserved.' },
    ])
  })

  it('reads bullets of codes and leaves prose lists alone', () => {
    const page = parseMarkdown(
      [
        'Never generated:',
        '- INVALID_ARGUMENT',
        '- NOT_FOUND',
        '',
        'Steps:',
        '- Verify your API key',
        '- Retry later',
        '',
        'Top-level codes:',
        '',
        '- 0: success',
        '- 401: invalid API key',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'message'), [
      { code: 'INVALID_ARGUMENT' },
      { code: 'NOT_FOUND' },
      { code: '0', message: 'success' },
      { code: '401', message: 'invalid API key' },
    ])
    assert.equal(page.notes.length, 0)
  })

  it('reports the items of an error list that hold no code', () => {
    const page = parseMarkdown(['- 1: one', '- 2: two', '- see the FAQ'].join('\n'))
    assert.deepEqual(
      page.rows.map((r) => r.code),
      ['1', '2'],
    )
    assert.deepEqual(
      page.notes.map((n) => [n.line, n.raw]),
      [[3, '- see the FAQ']],
    )
  })

  it('reads Win32-style blocks: bold symbol, code line, text', () => {
    const page = parseMarkdown(
      [
        '<span id="ERROR_SUCCESS"></span>**ERROR\\_SUCCESS**',
        '',
        '0 (0x0)',
        '',
        'The operation completed successfully.',
        '',
        '<span id="ERROR_ITERATED_DATA_EXCEEDS_64k"></span>**ERROR\\_ITERATED\\_DATA\\_EXCEEDS\\_64k**',
        '',
        '194 (0xC2)',
        '',
        'The operating system cannot run this application program.',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'message', 'anchor', 'line'), [
      {
        code: '0',
        symbol: 'ERROR_SUCCESS',
        message: 'The operation completed successfully.',
        anchor: 'ERROR_SUCCESS',
        line: 1,
      },
      {
        code: '194',
        symbol: 'ERROR_ITERATED_DATA_EXCEEDS_64k',
        message: 'The operating system cannot run this application program.',
        anchor: 'ERROR_ITERATED_DATA_EXCEEDS_64k',
        line: 7,
      },
    ])
  })

  it('reads a code in bold followed by a list of `Name: value` fields as one entry', () => {
    const page = parseMarkdown(
      [
        '### Row errors', // 1
        '',
        '**E_ROW_EMPTY**',
        '',
        '- **Severity**: Warning',
        '- **Message**: `Empty row at line {line}`',
        '- **Description**: The row holds only whitespace',
        '- **Details**:',
        '  - counted, then skipped',
        '',
        '**ERR42**', // 11
        '',
        '- Message: Row too long',
        '- Count: one per row',
        '',
        '**Note**',
        '',
        '- first: read the file',
        '- then: fix it',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'message', 'description', 'line', 'group'), [
      {
        code: 'E_ROW_EMPTY',
        message: 'Empty row at line {line}',
        description:
          'The row holds only whitespace\n\n- counted, then skipped\n\n**Severity:** Warning',
        line: 3,
        group: 0,
      },
      {
        code: 'ERR42',
        message: 'Row too long',
        description: '**Count:** one per row',
        line: 11,
        group: 0,
      },
    ])
  })

  it('takes a method heading below a table of numeric codes for a section, not an entry', () => {
    const page = parseMarkdown(
      [
        '## Errors',
        '',
        '| Code | Message |',
        '| - | - |',
        '| -32700 | Parse error |',
        '| -38001 | Unknown payload |',
        '',
        '## Methods',
        '',
        '### engine_getPayloadV1',
        '',
        'Returns the payload built for the given id.',
        '',
        '### eth_call(tx, block)',
        '',
        '#### Request',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'group'), [
      { code: '-32700', group: 0 },
      { code: '-38001', group: 0 },
    ])
    assert.deepEqual(
      page.groups.map((g) => g.title),
      ['Errors'],
    )
  })

  it("keeps a parenthesised note after a list term's name out of the title", () => {
    const page = parseMarkdown(
      [
        '- 102 Processing (WebDAV)',
        '  - : The request is still being processed.',
        '- 103 Early Hints',
        '  - : Preload resources.',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'title', 'message', 'description'), [
      {
        code: '102',
        title: 'Processing',
        message: 'The request is still being processed.',
        description: 'WebDAV',
      },
      { code: '103', title: 'Early Hints', message: 'Preload resources.' },
    ])
  })

  it('reads HTML tables inside Markdown at their true lines', () => {
    const page = parseMarkdown(
      [
        '# Errors',
        '',
        'Intro.',
        '',
        '<table>',
        '<tr><th>Code</th><th>Message</th></tr>',
        '<tr><td>5</td><td>Five</td></tr>',
        '</table>',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'message', 'line'), [
      { code: '5', message: 'Five', line: 7 },
    ])
  })
})

describe('MDX', () => {
  it('skips imports, exports, JSX and expressions without losing the rows around them', () => {
    const page = parseMarkdown(
      [
        "import { Tabs } from '~/components'", // 1
        '',
        'export const meta = { a: 1 }',
        '',
        '| Code | Message |', // 5
        '|---|---|',
        '| 1 | One |',
        '',
        '<Details header="More" open={true}>', // 9
        '',
        '| Code | Message |',
        '|---|---|',
        '| 2 | Two |', // 13
        '',
        '</Details>',
        '<Render file="x" params={{',
        '  a: "b > c",',
        '}} />',
        '{/* a comment */}',
        '',
        '| Code | Message |',
        '|---|---|',
        '| 3 | Three |', // 23
      ].join('\n'),
    )
    assert.equal(page.format, 'mdx')
    assert.deepEqual(pick(page.rows, 'code', 'line'), [
      { code: '1', line: 7 },
      { code: '2', line: 13 },
      { code: '3', line: 23 },
    ])
  })
})

describe('detectMarkdown and macros', () => {
  it('scores Markdown structure, not prose', () => {
    assert.ok(detectMarkdown('# Errors\n\n| a | b |\n|---|---|\n| 1 | x |') >= 0.7)
    assert.equal(detectMarkdown('just a sentence.'), 0)
    assert.ok(detectMarkdown("import X from 'y'\n\n<X />") > 0.7)
  })
  it('expands KumaScript macros to their text', () => {
    assert.equal(
      expandMacros('{{HTTPStatus(404, "404 Not Found")}} and {{HTTPSidebar}}'),
      '404 Not Found and ',
    )
  })
  // A quadratic bracket scan would take minutes on this line; the timeout bounds it without
  // timing the run (speed is measured in bench/, not asserted here).
  it('parses a 64 KB line with an unbalanced bracket', { timeout: 30_000 }, () => {
    const text = `[{"code": 1, "docs": "${'a [b] c\\r\\n '.repeat(5000)}`
    const page = parseMarkdown(text)
    assert.equal(page.format, 'markdown')
  })
})

describe('entries a page writes twice', () => {
  it('keeps one entry when a second table lists the same codes in another order', () => {
    const page = parseMarkdown(
      [
        '| Name | Description | Value |',
        '|---|---|---|',
        '| E\\_FOO | Foo failed | 0x80000001 |',
        '| E\\_BAR | Bar failed | 0x80000002 |',
        '',
        'Sorted by value:',
        '',
        '| Value | Name | Description |',
        '|---|---|---|',
        '| 0x80000002 | E\\_BAR | Bar failed |',
        '| 0x80000001 | E\\_FOO | Foo failed |',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'line'), [
      { code: '0x80000001', symbol: 'E_FOO', line: 3 },
      { code: '0x80000002', symbol: 'E_BAR', line: 4 },
    ])
  })

  it('keeps one entry when a section repeats an overview list, with a prefix or other quoting', () => {
    const page = parseMarkdown(
      [
        '- **XY100**: *Cannot use `in`, `ref` here.*',
        '- **XY200**: *Something else went wrong.*',
        '',
        '## Details',
        '',
        '- **XY100**: Warning: *Cannot use `in` `ref` here.*',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'line'), [
      { code: 'XY100', line: 1 },
      { code: 'XY200', line: 2 },
    ])
  })

  it('keeps rows one table lists twice, and the same code under two sections with other words', () => {
    const page = parseMarkdown(
      [
        '## Gateway',
        '| Code | Description | Explanation |',
        '|---|---|---|',
        '| 4001 | Unknown opcode | You sent an invalid gateway opcode. |',
        '| 4001 | Unknown opcode | You sent an invalid gateway opcode. |',
        '## Voice',
        '| Code | Description | Explanation |',
        '|---|---|---|',
        '| 4001 | Unknown opcode | You sent an invalid voice opcode. |',
      ].join('\n'),
    )
    assert.deepEqual(
      page.rows.map((r) => r.line),
      [4, 5, 9],
    )
  })

  it('reads a table mapping cases to string codes as one entry per code', () => {
    const page = parseMarkdown(
      [
        '| Case | Code | Where |',
        '|---|---|---|',
        '| Deadline passed | DEADLINE_EXCEEDED | Both |',
        '| Server is down | UNAVAILABLE | Server |',
        '| No answer in time | DEADLINE_EXCEEDED | Client |',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'line'), [
      { code: 'DEADLINE_EXCEEDED', line: 3 },
      { code: 'UNAVAILABLE', line: 4 },
    ])
  })

  it('reads a "Message" column of constant names in code spans as the symbol', () => {
    const page = parseMarkdown(
      [
        '| Error code | Message | Description |',
        '|---|---|---|',
        '| 0x80240001 | `XX_E_NO_SERVICE` | The service could not start. |',
        '| 0x80240002 | `XX_E_MAX_CAPACITY` | The queue is full. |',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'message'), [
      { code: '0x80240001', symbol: 'XX_E_NO_SERVICE', message: 'The service could not start.' },
      { code: '0x80240002', symbol: 'XX_E_MAX_CAPACITY', message: 'The queue is full.' },
    ])
  })
})

describe('table shapes', () => {
  it('reads `Name - text` and `Title -- text` cells as a name or title and the message', () => {
    const page = parseMarkdown(
      [
        '| Error | Description |',
        '|---|---|',
        '| XYZ100 | TokenExpired - The token has expired. Sign in again. |',
        '| XYZ101 | bad_scope - The scope is not granted. |',
        '',
        'reason | Meaning',
        '--- | ---',
        '400 | Bad Request -- the server cannot read the message.',
        '512 | Store offline -- the store could not be reached.',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'title', 'message'), [
      { code: 'XYZ100', symbol: 'TokenExpired', message: 'The token has expired. Sign in again.' },
      { code: 'XYZ101', symbol: 'bad_scope', message: 'The scope is not granted.' },
      { code: '400', title: 'Bad Request', message: 'the server cannot read the message.' },
      { code: '512', title: 'Store offline', message: 'the store could not be reached.' },
    ])
  })

  it('reads a name that starts with an acronym (`OAuth2IdPError - text`) as the name', () => {
    const page = parseMarkdown(
      [
        '| Error | Description |',
        '|---|---|',
        '| XYZ200 | OAuth2IdPTimeout - The identity provider did not answer. |',
        '| XYZ201 | IPv6AddressInvalid - The address is not valid. |',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'message'), [
      {
        code: 'XYZ200',
        symbol: 'OAuth2IdPTimeout',
        message: 'The identity provider did not answer.',
      },
      { code: 'XYZ201', symbol: 'IPv6AddressInvalid', message: 'The address is not valid.' },
    ])
  })

  it('reads a cell holding an HTML list as its items joined by spaces', () => {
    const page = parseMarkdown(
      [
        '| Code | Message |',
        '|---|---|',
        '| 7001 | Sign-in failed for one of these reasons:<ul><li>The key expired</li><li>The key was revoked</li></ul> |',
        '| 7002 | First line<br/>second line<p>third</p> |',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'message'), [
      {
        code: '7001',
        message: 'Sign-in failed for one of these reasons: The key expired The key was revoked',
      },
      { code: '7002', message: 'First line second line third' },
    ])
  })

  it('reads rows cut off from their table by a blank line, under its header', () => {
    const page = parseMarkdown(
      [
        '|状态码|状态类型|状态信息|',
        '|:--|:---|:---|',
        '|200|SUCCESS_STATUS|成功状态|',
        '|301|NO_SUCH_THING|不存在|',
        '',
        '|700|PARTITION_NOT_READY|分区表未准备好|',
        '|701|TIME_OUT|操作超时|',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'message', 'line'), [
      { code: '200', symbol: 'SUCCESS_STATUS', message: '成功状态', line: 3 },
      { code: '301', symbol: 'NO_SUCH_THING', message: '不存在', line: 4 },
      { code: '700', symbol: 'PARTITION_NOT_READY', message: '分区表未准备好', line: 6 },
      { code: '701', symbol: 'TIME_OUT', message: '操作超时', line: 7 },
    ])
  })
})

describe('HTML inside Markdown', () => {
  it('reads an HTML table written over blank lines, constants and bare hex codes included', () => {
    const td = (v: string) => ['    <td>', `      ${v}`, '    </td>', '    ']
    const page = parseMarkdown(
      [
        '## Results',
        '',
        '<table>',
        '  <tr>',
        ...td('Error Id'),
        ...td('Error Text'),
        ...td('Result (hex)'),
        ...td('Description'),
        '  </tr>',
        '  ',
        '  <tr>',
        ...td('XX_E_FAIL'),
        ...td('Unspecified error'),
        ...td('0x80004005'),
        ...td('&nbsp;'),
        '  </tr>',
        '  <tr>',
        ...td('XX_E_NOLIB'),
        ...td(''),
        ...td('80029c4a'),
        ...td('The library could not be loaded'),
        '  </tr>',
        '</table>',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'message', 'group'), [
      { code: '0x80004005', symbol: 'XX_E_FAIL', message: 'Unspecified error', group: 0 },
      {
        code: '80029c4a',
        symbol: 'XX_E_NOLIB',
        message: 'The library could not be loaded',
        group: 0,
      },
    ])
  })
})

describe('HTML definition lists around Markdown', () => {
  it('reads `<dt>`/`<dd>` tag lines with the term and text as Markdown between them', () => {
    const page = parseMarkdown(
      [
        '<dl> <dt>',
        '',
        '<span id="XX_E_GONE"></span>XX\\_E\\_GONE (0x80300001)',
        '</dt> <dd>',
        '',
        'The [**item**](/x) is gone.',
        '',
        '</dd> <dt>',
        '',
        'XX\\_S\\_PARTIAL (0x00300002)',
        '</dt> <dd>',
        '',
        'Only part of it was done.',
        '',
        '</dd> </dl>',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'message', 'line'), [
      { code: '0x80300001', symbol: 'XX_E_GONE', message: 'The item is gone.', line: 3 },
      {
        code: '0x00300002',
        symbol: 'XX_S_PARTIAL',
        message: 'Only part of it was done.',
        line: 10,
      },
    ])
  })
})

describe('error headings with a name and an example', () => {
  it('reads a bold name under a code heading as the symbol, and `Example:` with a code span as the message', () => {
    const page = parseMarkdown(
      [
        '## Codes',
        '### 2001',
        '**ErrCodeBadThing**',
        '',
        'Example:',
        '`',
        '[Error Code: 2001] bad thing: xxx',
        '`',
        '',
        '### 2002',
        '**ErrCodeOtherThing**',
        '',
        'Example: `...`',
      ].join('\n'),
    )
    assert.deepEqual(pick(page.rows, 'code', 'symbol', 'message'), [
      { code: '2001', symbol: 'ErrCodeBadThing', message: '[Error Code: 2001] bad thing: xxx' },
      { code: '2002', symbol: 'ErrCodeOtherThing' },
    ])
  })
})
