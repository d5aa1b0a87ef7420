// The names of the import formats, in detection order, without loading the
// importers: `errcat import --help` lists them, and loading every parser for
// that would slow every command down. A test keeps the list equal to the
// importers' own (src/import/importers.ts).
export const FORMAT_NAMES: readonly string[] = [
  'readme-blocks',
  'html',
  'markdown',
  'text-columns',
  'postgres-errcodes',
  'mysql-messages',
  'json',
  'csv',
  'man',
  'proto',
  'rst',
  'yaml',
  'toml',
  'openapi',
]
