// The catalog format, defined once. The JSON Schema published at
// schema/errcat.schema.json is generated from these definitions
// (`npm run schema`), and the TypeScript types of a catalog file come from
// them through `Static`, so the two can never drift apart.
import { type Static, Type as T } from '@sinclair/typebox'

const SYMBOL_PATTERN = '^[A-Z][A-Z0-9_]*$'
const KEY_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:-]*$'
const PARAM_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$'
const LOCALE_PATTERN = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$'

export const Severity = T.Union(
  [T.Literal('error'), T.Literal('warning'), T.Literal('info'), T.Literal('off')],
  {
    description: 'How a lint finding is reported. `off` disables the rule.',
  },
)

export const ParamType = T.Union(
  [
    T.Literal('string'),
    T.Literal('integer'),
    T.Literal('number'),
    T.Literal('boolean'),
    T.Literal('enum'),
  ],
  { description: 'The type of a message parameter.' },
)

export const Param = T.Object(
  {
    type: ParamType,
    description: T.Optional(
      T.String({ description: 'What the parameter holds, for docs and generated types.' }),
    ),
    values: T.Optional(
      T.Array(T.String(), {
        minItems: 1,
        description: 'The allowed values of an `enum` parameter.',
      }),
    ),
    optional: T.Optional(
      T.Boolean({ description: 'When true, callers may omit the parameter. Default: required.' }),
    ),
    example: T.Optional(
      T.Union([T.String(), T.Number(), T.Boolean()], {
        description: 'A sample value, used in docs and example responses.',
      }),
    ),
  },
  { additionalProperties: false, description: 'A typed parameter of the message template.' },
)

export const Link = T.Object(
  {
    title: T.String({ minLength: 1 }),
    url: T.String({
      minLength: 1,
      description: 'An absolute URL or a path relative to `api.docs`.',
    }),
  },
  { additionalProperties: false },
)

export const Example = T.Object(
  {
    title: T.Optional(T.String()),
    params: T.Optional(
      T.Record(T.String(), T.Union([T.String(), T.Number(), T.Boolean()]), {
        description: 'Parameter values for this example.',
      }),
    ),
    request: T.Optional(
      T.String({ description: 'The request that fails, e.g. `GET /v2/tasks/42`.' }),
    ),
  },
  { additionalProperties: false },
)

export const Retry = T.Union(
  [
    T.Literal('never', { description: 'Retrying the same request cannot succeed.' }),
    T.Literal('safe', { description: 'The same request may succeed when retried, with backoff.' }),
    T.Object(
      {
        after: T.Number({ minimum: 0, description: 'Seconds to wait before retrying.' }),
      },
      { additionalProperties: false, description: 'Retry after a fixed number of seconds.' },
    ),
    T.Object(
      {
        afterParam: T.String({
          pattern: PARAM_NAME_PATTERN,
          description: 'The name of an integer or number param that carries the delay in seconds.',
        }),
      },
      {
        additionalProperties: false,
        description: 'Retry after the number of seconds carried in a param.',
      },
    ),
  ],
  { description: 'Whether and when a client may retry. Default: `never` for 4xx, `safe` for 5xx.' },
)

export const RateLimit = T.Object(
  {
    policy: T.String({
      minLength: 1,
      description: 'Policy name, as in `RateLimit-Policy: "minute";q=60;w=60`.',
    }),
    quota: T.Integer({ minimum: 1, description: 'Requests allowed per window.' }),
    window: T.Integer({ minimum: 1, description: 'Window length in seconds.' }),
  },
  {
    additionalProperties: false,
    description: 'The IETF RateLimit policy that this error enforces.',
  },
)

export const Deprecation = T.Union([
  T.Boolean(),
  T.Object(
    {
      since: T.Optional(T.String()),
      replacedBy: T.Optional(T.String({ description: 'The symbol of the error to use instead.' })),
      note: T.Optional(T.String()),
    },
    { additionalProperties: false },
  ),
])

export const Obsolete = T.Union([
  T.Boolean(),
  T.Object(
    {
      since: T.Optional(T.String()),
      note: T.Optional(T.String()),
    },
    { additionalProperties: false },
  ),
])

export const Translation = T.Union([
  T.String({ description: 'The translated ICU message.' }),
  T.Object(
    {
      message: T.String({ description: 'The translated ICU message.' }),
      source: T.Optional(
        T.String({
          description:
            'The default-locale message this translates. When the catalog message changes, the translation is reported stale.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
])
export type Translation = Static<typeof Translation>

export const Source = T.Object(
  {
    file: T.Optional(T.String()),
    line: T.Optional(T.Integer({ minimum: 1 })),
    anchor: T.Optional(T.String({ description: 'The anchor the page linked this error with.' })),
    label: T.Optional(T.String({ description: 'The code as the page displayed it.' })),
    raw: T.Optional(
      T.String({ description: 'The page row, verbatim, when it could not be fully understood.' }),
    ),
  },
  {
    additionalProperties: false,
    description: 'Where `errcat import` found this error. Lint rules for imported drafts read it.',
  },
)

export const ErrorEntry = T.Object(
  {
    code: T.Optional(
      T.Integer({
        // Past 2^53 a number is no longer exact: the code on the wire would not be the one written.
        minimum: -Number.MAX_SAFE_INTEGER,
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'The numeric code on the wire. An error has a `code`, a `key`, or both.',
      }),
    ),
    key: T.Optional(
      T.String({
        pattern: KEY_PATTERN,
        description: 'The string code on the wire, e.g. `invalid_request`.',
      }),
    ),
    group: T.Optional(
      T.String({
        description:
          'The group this error belongs to. Default: the group whose range holds the code.',
      }),
    ),
    status: T.Optional(
      T.Integer({
        minimum: 100,
        maximum: 599,
        description: "HTTP status. Default: the group's status.",
      }),
    ),
    title: T.String({ description: 'Short, stable summary. Does not change between occurrences.' }),
    message: T.Optional(
      T.String({
        description:
          'ICU MessageFormat template of the occurrence message, e.g. `Token {hint} is not valid`.',
      }),
    ),
    params: T.Optional(
      T.Record(T.String({ pattern: PARAM_NAME_PATTERN }), Param, { additionalProperties: false }),
    ),
    description: T.Optional(T.String({ description: 'Markdown: what the error means.' })),
    troubleshooting: T.Optional(T.String({ description: 'Markdown: how to fix it.' })),
    examples: T.Optional(T.Array(Example)),
    links: T.Optional(T.Array(Link)),
    retry: T.Optional(Retry),
    rateLimit: T.Optional(RateLimit),
    since: T.Optional(T.String({ description: 'API version that introduced the error.' })),
    deprecated: T.Optional(Deprecation),
    obsolete: T.Optional(Obsolete),
    expose: T.Optional(
      T.Boolean({
        description:
          'Whether message and params go on the wire. Default: true for 4xx, false for 5xx.',
      }),
    ),
    stack: T.Optional(
      T.Boolean({
        description: 'Capture a stack trace when created. Default: false for 4xx, true for 5xx.',
      }),
    ),
    success: T.Optional(
      T.Boolean({
        description:
          'This code reports success (Qencode `ERROR_OK`, code 0). It is documented and reserved, but never thrown or parsed as an error.',
      }),
    ),
    internal: T.Optional(
      T.Boolean({
        description: 'The error that unknown exceptions become. Exactly one error may set it.',
      }),
    ),
    validation: T.Optional(
      T.Boolean({
        description:
          'The error that request-validation failures become, with field violations. At most one.',
      }),
    ),
    problemType: T.Optional(
      T.String({ description: "RFC 9457 `type` URI. Default: the error's anchor in the docs." }),
    ),
    messages: T.Optional(
      T.Record(T.String({ pattern: LOCALE_PATTERN }), Translation, {
        additionalProperties: false,
        description: 'Inline translations of `message`, keyed by locale.',
      }),
    ),
    source: T.Optional(Source),
    breaking: T.Optional(
      T.Object(
        {
          accepted: T.String({
            minLength: 1,
            description:
              'Why the breaking change is made on purpose, e.g. `renumbered: 9032 was a typo of the page`.',
          }),
        },
        {
          additionalProperties: false,
          description:
            '`errcat diff` reports the breaking changes of this error as accepted, in the change that adds or rewords this note.',
        },
      ),
    ),
  },
  { additionalProperties: false },
)

export const Group = T.Object(
  {
    title: T.String(),
    description: T.Optional(T.String({ description: 'Markdown.' })),
    range: T.Optional(
      T.Tuple([T.Integer(), T.Integer()], {
        description: 'Inclusive numeric range `[first, last]` of the codes.',
      }),
    ),
    prefix: T.Optional(
      T.String({ minLength: 1, description: 'Prefix shared by the keys of this group.' }),
    ),
    status: T.Optional(
      T.Integer({ minimum: 100, maximum: 599, description: 'Default HTTP status.' }),
    ),
    owner: T.Optional(T.String({ description: 'The team or service that owns the group.' })),
  },
  { additionalProperties: false },
)

export const Api = T.Object(
  {
    name: T.String(),
    version: T.Optional(
      T.String({ description: 'API version, available to the envelope as `api.version`.' }),
    ),
    docs: T.Optional(
      T.String({
        description:
          'Base URL of the error docs. Anchors and problem `type` URIs are built from it.',
      }),
    ),
    domain: T.Optional(T.String({ description: 'Error domain, as in Google `ErrorInfo.domain`.' })),
  },
  { additionalProperties: false },
)

export const EnvelopeTemplate = T.Object(
  {
    preset: T.Optional(
      T.Union(
        [T.Literal('problem'), T.Literal('google'), T.Literal('azure'), T.Literal('jsonapi')],
        {
          description: 'A built-in envelope. Default: `problem` (RFC 9457).',
        },
      ),
    ),
    status: T.Optional(
      T.Union([T.Integer({ minimum: 100, maximum: 599 }), T.String()], {
        description:
          'HTTP status of error responses: a number (e.g. 200 for APIs that signal errors in the body) or an expression. Default: the error status.',
      }),
    ),
    contentType: T.Optional(T.String({ description: 'Content type of error responses.' })),
    headers: T.Optional(
      T.Record(T.String(), T.String(), {
        description: 'Extra response headers; values are templates.',
      }),
    ),
    body: T.Optional(
      T.Unknown({ description: 'JSON template of the error body. See docs/envelope.md.' }),
    ),
    errorWhen: T.Optional(
      T.String({
        description:
          'Expression over `body` and `status` telling a client that a response is an error, for APIs that answer 2xx with an error body.',
      }),
    ),
  },
  { additionalProperties: false, description: 'The wire format of errors. See docs/envelope.md.' },
)

export const Locales = T.Object(
  {
    default: T.Optional(
      T.String({ pattern: LOCALE_PATTERN, description: 'Locale of `message`. Default: en.' }),
    ),
    fallback: T.Optional(
      T.Record(
        T.String({ pattern: LOCALE_PATTERN }),
        T.Array(T.String({ pattern: LOCALE_PATTERN })),
        {
          additionalProperties: false,
          description:
            'Fallback chain per locale, e.g. `pt-BR: [pt, en]`. The default locale always ends the chain.',
        },
      ),
    ),
    files: T.Optional(
      T.Record(T.String({ pattern: LOCALE_PATTERN }), T.String(), {
        additionalProperties: false,
        description:
          'Per-locale message files (YAML or JSON maps of symbol to message), relative to this file.',
      }),
    ),
  },
  { additionalProperties: false },
)

export const ImportReport = T.Object(
  {
    from: T.String({ description: 'The page the draft was imported from.' }),
    skipped: T.Optional(
      T.Array(
        T.Object(
          {
            line: T.Integer({ minimum: 1, description: 'Line in the page.' }),
            reason: T.Union([T.Literal('empty-row'), T.Literal('unparsed')]),
            raw: T.Optional(T.String({ description: 'The row as the page had it.' })),
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Written by `errcat import`: what the page held that did not become an error. Delete it once the draft is reviewed.',
  },
)

const OutPath = T.String({
  minLength: 1,
  description: 'Output path, relative to this catalog file.',
})

/** A target in `build:`: `true` (default path), a path, or an object with the path and options. */
function BuildEntry<P extends Record<string, ReturnType<typeof T.Optional>>>(
  description: string,
  options: P,
) {
  return T.Optional(
    T.Union(
      [
        T.Boolean(),
        OutPath,
        T.Object({ out: T.Optional(OutPath), ...options }, { additionalProperties: false }),
      ],
      { description },
    ),
  )
}

export const BuildConfig = T.Object(
  {
    ts: BuildEntry('The typed TypeScript module. Default path: errors.generated.ts.', {
      runtime: T.Optional(
        T.String({ description: 'Module the generated code imports the runtime from.' }),
      ),
    }),
    js: BuildEntry(
      'The module as ESM JavaScript with its .d.ts, for projects without a TypeScript build. Default path: errors.generated.js.',
      {
        runtime: T.Optional(
          T.String({ description: 'Module the generated code imports the runtime from.' }),
        ),
      },
    ),
    client: BuildEntry(
      'The client module: error data, types and the envelope reader, for errcat/client. Default path: errors.client.generated.ts.',
      {},
    ),
    'client-js': BuildEntry(
      'The client module as ESM JavaScript with its .d.ts, for apps and scripts without a TypeScript build. Default path: errors.client.generated.js.',
      {},
    ),
    json: BuildEntry('The normalized catalog as JSON, for SDKs in other languages.', {}),
    docs: BuildEntry('The static HTML reference site (a folder). Default path: errors-docs/.', {
      title: T.Optional(T.String({ description: 'Page title. Default: "<api.name> errors".' })),
      pageSize: T.Optional(
        T.Integer({
          minimum: 1,
          description:
            'Most errors on one page. A larger catalog gets one page per group. Default: 1000.',
        }),
      ),
    }),
    markdown: BuildEntry(
      'The reference as Markdown, for docs repositories: a folder holding README.md, and with `split: groups` a page per group. Default path: errors-markdown/.',
      {
        split: T.Optional(
          T.Union([T.Literal('single'), T.Literal('groups')], {
            description:
              '`single`: every error in README.md (default); `groups`: README.md as an index, and a page per group.',
          }),
        ),
      },
    ),
    openapi: BuildEntry(
      'OpenAPI 3.1 components of the error responses (YAML, or JSON by extension).',
      {
        merge: T.Optional(
          T.String({
            description:
              'An existing OpenAPI document to add the components to, relative to this file. Its other contents are left as they are.',
          }),
        ),
        operations: T.Optional(
          T.Union(
            [
              T.String({
                description: 'A YAML or JSON file holding that map, relative to this file.',
              }),
              T.Record(T.String(), T.Array(T.String({ pattern: SYMBOL_PATTERN })), {
                additionalProperties: false,
              }),
            ],
            {
              description:
                'Which errors each operation of the merged document returns: operation (`operationId`, or `"GET /path"`) → error symbols.',
            },
          ),
        ),
      },
    ),
    'json-schema': BuildEntry('The JSON Schema (2020-12) of the error body.', {}),
    locales: BuildEntry('One JSON message bundle per locale (a folder).', {}),
  },
  {
    additionalProperties: false,
    description:
      'What a bare `errcat build` generates, and where. Without it, `errcat build` writes the TypeScript module.',
  },
)

export const CatalogFile = T.Object(
  {
    $schema: T.Optional(T.String()),
    errcat: T.Optional(T.Literal(1, { description: 'Format version.' })),
    api: T.Optional(Api),
    envelope: T.Optional(EnvelopeTemplate),
    locales: T.Optional(Locales),
    rules: T.Optional(
      T.Record(T.String(), Severity, {
        description: 'Severity per lint rule id, overriding the defaults.',
      }),
    ),
    include: T.Optional(
      T.Array(T.String(), {
        description: 'Other catalog files, relative to this one, whose groups and errors join.',
      }),
    ),
    groups: T.Optional(
      T.Record(T.String({ pattern: KEY_PATTERN }), Group, { additionalProperties: false }),
    ),
    imported: T.Optional(ImportReport),
    build: T.Optional(BuildConfig),
    breaking: T.Optional(
      T.Record(
        T.String({ pattern: '^([A-Z][A-Z0-9_]*|envelope|group:[A-Za-z0-9][A-Za-z0-9_.:-]*)$' }),
        T.String({ minLength: 1 }),
        {
          additionalProperties: false,
          description:
            'Breaking changes accepted on purpose, for what has no entry of its own in the new catalog: the symbol of a removed error, `envelope`, or `group:<id>` for a range that shrank, each with the reason. `errcat diff` reports them as accepted in the change that adds the note.',
        },
      ),
    ),
    errors: T.Optional(
      T.Record(T.String({ pattern: SYMBOL_PATTERN }), ErrorEntry, {
        additionalProperties: false,
        description: 'The errors, keyed by symbol (UPPER_SNAKE_CASE).',
      }),
    ),
  },
  {
    additionalProperties: false,
    $id: 'https://errcat.dev/schema/errcat.schema.json',
    title: 'errcat catalog',
    description: 'An API error catalog: the single source of truth for error codes.',
  },
)

export type CatalogFile = Static<typeof CatalogFile>
export type ErrorEntry = Static<typeof ErrorEntry>
export type Group = Static<typeof Group>
export type Param = Static<typeof Param>
export type ParamType = Static<typeof ParamType>
export type Retry = Static<typeof Retry>
export type RateLimit = Static<typeof RateLimit>
export type EnvelopeTemplate = Static<typeof EnvelopeTemplate>
export type Locales = Static<typeof Locales>
export type Severity = Static<typeof Severity>
export type Api = Static<typeof Api>
export type Link = Static<typeof Link>
export type Example = Static<typeof Example>
export type Source = Static<typeof Source>
export type ImportReport = Static<typeof ImportReport>
export type BuildConfig = Static<typeof BuildConfig>

export const LocaleFile = T.Record(T.String({ pattern: SYMBOL_PATTERN }), Translation, {
  additionalProperties: false,
  title: 'errcat locale file',
  description: 'Translated messages keyed by error symbol.',
})
export type LocaleFile = Static<typeof LocaleFile>
