// Every real page of the shared corpus goes through what `errcat import` does:
// detection by content (src/import/read/detect.ts), the detected importer, the
// draft, and the loader. Each page must yield at least 95% of the codes it
// lists, and no more than it lists (plus 5%), and its draft must load.
//
// The expected counts were made by hand from the files, as each comment says
// (commands run in ../shared/corpus). "rows" counts imported rows with a
// code: the page's entries, where several lists may reuse a number (Discord's
// opcode and close-code tables both have a 4001). "distinct" counts distinct
// codes, for pages that list one code on several rows (gRPC's table has a row
// per situation).
import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { buildDraft } from '../../src/import/draft/build-draft.ts'
import { detectFormat } from '../../src/import/read/detect.ts'
import { writeDraft } from '../../src/import/write/write-draft.ts'
import { loadCatalog } from '../../src/load/load.ts'

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))

interface Expectation {
  format: string
  codes: number
  count: 'rows' | 'distinct'
}

const EXPECTED: Record<string, Expectation> = {
  // grep -cE '^\| [0-9]+ \|' : 29 rows in 6 tables (10048 and 10025 share the S3 code InvalidPart).
  'cloudflare-r2-error-codes.mdx': { format: 'markdown', codes: 29, count: 'rows' },
  // The one [block:parameters] block: keys "0-0" … "13-0", 14 rows (row 1 stored last).
  'codat-assess-error-codes.readme.md': { format: 'readme-blocks', codes: 14, count: 'rows' },
  // grep -c '^## ' : 162 headings, one entry each, in 5 enums (CURLcode 101, CURLMcode 15,
  // CURLSHcode 6, CURLUcode 32, CURLHcode 8); 13 are "Obsolete error (N)", two of them ranges.
  'curl-libcurl-errors.md': { format: 'markdown', codes: 162, count: 'rows' },
  // Table body rows (lines starting with `|`, minus header and separator lines): 319 in 8
  // tables (gateway opcodes 12, gateway close 14, voice opcodes 23, voice close 13, HTTP 12,
  // JSON 223, RPC errors 16, RPC close 6); `5xx (SERVER ERROR)` is one of them.
  'discord-opcodes-and-status-codes-legacy.md': { format: 'markdown', codes: 319, count: 'rows' },
  // 8 distinct names in the table's 20 rows (CANCELLED, DEADLINE_EXCEEDED, UNIMPLEMENTED,
  // UNAVAILABLE, UNKNOWN, INTERNAL, RESOURCE_EXHAUSTED, UNAUTHENTICATED) + 7 bullets.
  'grpc-statuscodes.md': { format: 'markdown', codes: 15, count: 'distinct' },
  // 65 data lines (wc -l minus the header), minus 3 `Unassigned` rows (427, 430, 509).
  'http-status-codes.csv': { format: 'csv', codes: 62, count: 'rows' },
  // grep -c '^- {{HTTPStatus' : 61, plus `305 Use Proxy` and `306 unused` written as code spans.
  'mdn-http-status.md': { format: 'markdown', codes: 63, count: 'rows' },
  // grep -cE '^(OBSOLETE_)?ER_' : 20 entries (1000–1019).
  'mysql-messages_to_clients.part1.txt': { format: 'mysql-messages', codes: 20, count: 'rows' },
  // Object.keys(JSON.parse(file)).length: 51.
  'openeo-errors.json': { format: 'json', codes: 51, count: 'rows' },
  // grep -oE '<tr><td><code class="literal">[0-9A-Z]{5}</code>' | wc -l : 260, all distinct.
  'postgresql-errcodes-appendix.html': { format: 'html', codes: 260, count: 'rows' },
  // grep -cE '^[0-9A-Z]{5}\s' : 266 lines, 260 distinct SQLSTATEs (6 alias macro lines).
  'postgresql-errcodes.txt': { format: 'postgres-errcodes', codes: 260, count: 'rows' },
  // 19 table body rows; 400 and 403 repeat, each row a different error text.
  'telegram-bot-api-errors.md': { format: 'markdown', codes: 19, count: 'rows' },
  // The <table>: a header row of Chinese names, then 401, 402, 500.
  'tencent-bkbase-jobnavi-error_code.md': { format: 'html', codes: 3, count: 'rows' },
  // JSON.parse(file).length: 403 records, 403 distinct codes.
  'twilio-error-codes.json': { format: 'json', codes: 403, count: 'rows' },
  // grep -cE '^[0-9]+ \(0x[0-9A-Fa-f]+\)' : 244 (and 244 `<span id=` anchors).
  'win32-system-error-codes-0-499.md': { format: 'markdown', codes: 244, count: 'rows' },
  // Same count: 270.
  'win32-system-error-codes-500-999.md': { format: 'markdown', codes: 270, count: 'rows' },
}
// SOURCES.md describes the corpus; it is not an error page.
const NOT_PAGES = new Set(['SOURCES.md'])

describe('the corpus of real error pages', async () => {
  const files = (await readdir(CORPUS)).filter((f) => !NOT_PAGES.has(f)).sort()
  let temp = ''
  before(async () => {
    temp = await mkdtemp(join(tmpdir(), 'errcat-corpus-'))
  })
  after(async () => {
    await rm(temp, { recursive: true, force: true })
  })

  it('has an expectation for every file', () => {
    assert.deepEqual(files, Object.keys(EXPECTED).sort())
  })

  for (const file of files) {
    const expected = EXPECTED[file]
    if (!expected) continue
    it(`${file}: ${expected.codes} codes as ${expected.format}`, async (t) => {
      const text = await readFile(join(CORPUS, file), 'utf8')
      const detected = detectFormat(text)
      assert.equal(detected?.importer.format, expected.format, 'detected format')
      const page = detected!.importer.parse(text)

      const withCode = page.rows.filter((r) => r.code.trim() !== '')
      const found =
        expected.count === 'rows' ? withCode.length : new Set(withCode.map((r) => r.code)).size
      const skipped = page.notes.filter((n) => n.kind === 'skipped')
      t.diagnostic(
        `${found}/${expected.codes} ${expected.count}; ${skipped.length} skipped${
          skipped.length
            ? `: ${skipped
                .slice(0, 8)
                .map((n) => `line ${n.line} ${n.message}`)
                .join('; ')}${skipped.length > 8 ? '; …' : ''}`
            : ''
        }`,
      )
      assert.ok(
        found >= Math.ceil(expected.codes * 0.95),
        `${found} ${expected.count} imported, at least ${Math.ceil(expected.codes * 0.95)} expected (95% of ${expected.codes})`,
      )
      assert.ok(
        found <= Math.floor(expected.codes * 1.05),
        `${found} ${expected.count} imported, the page lists ${expected.codes}`,
      )

      // The draft of the page must load: no load errors, whatever lint says.
      const draftPath = join(temp, `${file}.errors.yaml`)
      await writeFile(draftPath, writeDraft(buildDraft([{ file, page }])))
      const { catalog, findings } = await loadCatalog(draftPath)
      const loadErrors = findings.filter(
        (f) => f.severity === 'error' && f.rule.startsWith('load/'),
      )
      assert.deepEqual(loadErrors, [], 'load errors in the draft')
      assert.ok(catalog)
      assert.ok(
        catalog.errors.length >= Math.ceil(expected.codes * 0.95) || expected.count === 'distinct',
      )
    })
  }
})
