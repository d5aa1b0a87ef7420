import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectFormat } from './detect.ts'
import { manImporter } from './man.ts'

const mdoc = `.\\" A made-up page.
.Dd May 1, 2020
.Dt WIDGET 2
.Os
.Sh NAME
.Nm widget
.Nd frob a widget
.Sh DESCRIPTION
.Bl -tag -width Ds
.It Fl f
Force the frobbing.
.El
.Sh ERRORS
.Fn widget
fails if:
.Bl -tag -width Er
.It Bq Er EINVAL
The
.Fa flags
argument holds an unknown bit
.Dv ( WIDGET_MAX ) .
.It Bq Er EINVAL
Called twice.
.It Er 5 EIO Em "Input/output error" .
A read failed.
.El
.Sh SEE ALSO
.Xr frob 2
`

const man7 = `.TH WIDGET 2 2020-05-01 "Linux" "Programmer's Manual"
.SH NAME
widget \\- frob a widget
.SH OPTIONS
.TP
.B \\-v
Be verbose.
.SH ERRORS
.TP
.B EACCES
Search permission is denied.
.TP
.BR ENOENT " (since Linux 2.6)"
The file does not exist.
.SH NOTES
Nothing.
`

describe('man page importer', () => {
  it('detects mdoc and man(7) pages by their macros', () => {
    assert.equal(detectFormat(mdoc)?.importer.format, 'man')
    assert.equal(detectFormat(man7)?.importer.format, 'man')
    assert.equal(manImporter.detect('# A heading\n\nSome text.\n'), 0)
  })

  it('reads `.It Er` items, with the number, name and quoted message when given', () => {
    const page = manImporter.parse(mdoc)
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.symbol, r.message, r.line]),
      [
        ['EINVAL', undefined, 'The flags argument holds an unknown bit (WIDGET_MAX).', 17],
        ['EINVAL', undefined, 'Called twice.', 22],
        ['5', 'EIO', 'Input/output error', 24],
      ],
    )
    assert.equal(page.rows[2]!.description, 'A read failed.')
    assert.deepEqual(
      page.groups.map((g) => g.title),
      ['ERRORS'],
    )
  })

  it('reads `.TP` tags in ERRORS, not option tags elsewhere', () => {
    const page = manImporter.parse(man7)
    assert.deepEqual(
      page.rows.map((r) => [r.code, r.message]),
      [
        ['EACCES', 'Search permission is denied.'],
        ['ENOENT', 'The file does not exist.'],
      ],
    )
  })

  it('says what it looked for when a page lists no errors', () => {
    const page = manImporter.parse('.TH X 1\n.SH NAME\nx \\- nothing\n')
    assert.equal(page.rows.length, 0)
    assert.match(page.notes[0]!.message, /ERRORS/)
  })
})
