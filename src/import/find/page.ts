// What every importer produces from one page: rows as the page showed them,
// the groups (section headings, range rows) they sat under, and notes on what
// was skipped or guessed. Turning this into a catalog draft (symbols, ranges,
// statuses, YAML) is shared by all formats: see build-draft.ts.

export interface PageGroup {
  /** Heading or group-row text, e.g. "User errors", "Class 22 — Data Exception". */
  title: string
  /** Numeric range when the page states or implies one (`2xxx`, `100300 ~ 100329`, `12000 - 12175`). */
  range?: [number, number]
  /** Prefix shared by string codes (SQLSTATE class `22`, key prefix `rate_limit_`). */
  prefix?: string
  description?: string
  /** 1-based line in the input where the group starts. */
  line: number
}

export interface PageRow {
  /** The code exactly as the page shows it (`2001`, `0x1F`, `invalid_request`, `22012`). */
  code: string
  /** Symbolic name when the page has one (`ERROR_BAD_TOKEN`, `division_by_zero`). */
  symbol?: string
  /** HTTP status when the page gives one. */
  status?: number
  /** Short summary when the page separates it from the message. */
  title?: string
  /** The message (or the only text column). */
  message?: string
  /** Longer explanation, Markdown. */
  description?: string
  /** Index into PageImport.groups of the group the row sits under. */
  group?: number
  /** 1-based line in the input. */
  line: number
  /** The anchor the page links the row with (`<a name="9023">`), when different pages show one. */
  anchor?: string
  /** The code as displayed, when it came from an anchor's text. */
  label?: string
  /** Inline translations found on the page (MySQL message blocks), keyed by locale. */
  translations?: Record<string, string>
  /** Marks obsolete entries (MySQL `OBSOLETE_` names). */
  obsolete?: boolean
  /**
   * How `message` and `translations` are written. `icu`: the importer already
   * turned them into ICU MessageFormat (MySQL `%s` → `{p1}`, openEO `{file}`),
   * with literal `{`, `}` and `'` escaped and every placeholder declared in
   * `params`: copy them as they are. Default `text`: the page's own words,
   * which build-draft must escape.
   */
  messageFormat?: 'text' | 'icu'
  /** Typed parameters of an `icu` message, keyed by placeholder name. */
  params?: Record<string, PageParam>
  /** How to fix it, Markdown (Twilio's causes and solutions, a "Recommended fix" column). */
  troubleshooting?: string
  /**
   * How to read `code` when its look is ambiguous: `key` for string codes made
   * of digits (SQLSTATE `22012`, `00000`), `number` for numeric ones. Default:
   * a number when it looks like one.
   */
  codeType?: 'number' | 'key'
  /** The code reports success, not an error (PostgreSQL `00000`, class `S`). */
  success?: boolean
}

export interface PageParam {
  type: 'string' | 'integer' | 'number' | 'boolean'
  description?: string
}

export interface ImportNote {
  line: number
  kind: 'skipped' | 'guessed'
  message: string
  /** Set for rows skipped because they hold nothing (seed 002's row 110). */
  emptyRow?: boolean
  raw?: string
}

export interface PageImport {
  /** The detected format, e.g. `html-table`, `markdown`, `readme-blocks`, `text-columns`, `csv`, `json`, `postgres-errcodes`, `mysql-messages`. */
  format: string
  title?: string
  groups: PageGroup[]
  rows: PageRow[]
  notes: ImportNote[]
}

export interface Importer {
  format: string
  /** 0 when the text is not this format; higher when more certain. Reads content, not the file name. */
  detect(text: string): number
  parse(text: string): PageImport
}
