// What each importer looks for, in a user's words: said when a page yields
// nothing, so the user knows which shapes were tried and can pass --from.
export const SHAPES: Readonly<Record<string, string>> = {
  'readme-blocks': 'readme.io `[block:parameters]` tables',
  html: 'tables with a code column, <dl> definition lists, one heading per error, lists of `code: text`',
  markdown:
    'pipe tables with a code column, one heading per error, lists of `code: text`, HTML inside Markdown',
  'text-columns': 'plain-text columns, pipe rows without a leading pipe, run-together columns',
  'postgres-errcodes': 'errcodes.txt `22012 E ERRCODE_… name` lines under `Section:` lines',
  'mysql-messages': 'messages_to_clients.txt `ER_…` entries with language lines',
  json: 'an array of error records, an object keyed by code, a `code → message` map',
  csv: 'CSV/TSV rows with a code column',
  man: 'mdoc `.It Er` items, man(7) `.TP` tags in an ERRORS section',
  proto: 'enum values (`NAME = 1;`) of error enums, comments as messages',
  rst: 'grid, simple and list-table tables with a code column, `.. c:macro::`-style constant directives, definition lists of codes',
  yaml: 'name → code maps, code → message maps, records with code/message fields, nested groups',
  toml: 'tables keyed by code (`error = …`), name → code tables, [[arrays]] of records',
  openapi:
    'codes listed in error responses’ descriptions, error body examples, enums of an error schema’s code field',
}
