import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectFormat } from './detect.ts'
import { rstImporter } from './rst.ts'

const page = (body: string) => `Errors
======

.. _errors:

${body}`

describe('reStructuredText importer', () => {
  it('is detected by its directives and underlined titles', () => {
    assert.equal(detectFormat(page('Some ``text``.\n'))?.importer.format, 'rst')
    assert.equal(rstImporter.detect('# Heading\n\n| a | b |\n|---|---|\n| 1 | x |\n'), 0)
  })

  it('reads a grid table, its header row and a status column', () => {
    const got = rstImporter.parse(
      page(`Auth
----

+--------+------+--------------------+
| Status | Code | Message            |
+========+======+====================+
| 401    | 1001 | Token missing      |
+--------+------+--------------------+
| 403    | 1002 | Token lacks the    |
|        |      | scope              |
+--------+------+--------------------+
`),
    )
    assert.deepEqual(
      got.rows.map((r) => [r.code, r.status, r.message, r.line]),
      [
        ['1001', 401, 'Token missing', 12],
        ['1002', 403, 'Token lacks the scope', 14],
      ],
    )
    assert.deepEqual(
      got.groups.map((g) => g.title),
      ['Auth'],
    )
  })

  it('reads a simple table', () => {
    const got = rstImporter.parse(
      page(`=====  ======================
Code   Description
=====  ======================
E100   Disk full
E101   Quota exceeded for the
       project
=====  ======================
`),
    )
    assert.deepEqual(
      got.rows.map((r) => [r.code, r.message]),
      [
        ['E100', 'Disk full'],
        ['E101', 'Quota exceeded for the project'],
      ],
    )
  })

  it('reads a list-table with header rows', () => {
    const got = rstImporter.parse(
      page(`.. list-table:: Codes
   :header-rows: 1

   * - Code
     - Message
   * - \`\`not_found\`\`
     - The item does not exist.
   * - \`\`conflict\`\`
     - The item changed meanwhile.
`),
    )
    assert.deepEqual(
      got.rows.map((r) => [r.code, r.message]),
      [
        ['not_found', 'The item does not exist.'],
        ['conflict', 'The item changed meanwhile.'],
      ],
    )
  })

  it('reads constant directives and code definition lists, not functions or examples', () => {
    const got = rstImporter.parse(
      page(`Example::

    ERR_IN_EXAMPLE
        not an entry

.. c:macro:: ERR_BUSY

    resource busy

    Retry later.

.. c:function:: int err_name(int code)

    Returns the name.

.. py:exception:: TimeoutError

   Raised when the call times out.

E2001
    The file is locked.

Some term
    Not a code, not an entry.
`),
    )
    assert.deepEqual(
      got.rows.map((r) => [r.code, r.message, r.description]),
      [
        ['ERR_BUSY', 'resource busy', 'Retry later.'],
        ['TimeoutError', 'Raised when the call times out.', undefined],
        ['E2001', 'The file is locked.', undefined],
      ],
    )
  })

  it('says which shapes it looked for when it finds none', () => {
    const got = rstImporter.parse(page('Just prose.\n'))
    assert.equal(got.rows.length, 0)
    assert.match(got.notes[0]!.message, /list of codes/)
  })
})
