// What each member an expression can name means, and the JSON Schema keywords
// it adds: read by bodySchema and by the hints of template findings. The
// runtime's member tables (context.ts) carry only what readers need, so this
// text stays out of servers and browser bundles.
import {
  API_MEMBERS,
  ERROR_MEMBERS,
  type MemberInfo,
  REQUEST_MEMBERS,
  VIOLATION_MEMBERS,
} from '@errcat/runtime/internal/envelope/context'

export interface MemberDoc {
  description: string
  /** Extra JSON Schema keywords. */
  schema?: Record<string, unknown>
}

const VIOLATION_DOCS: Record<string, MemberDoc> = {
  field: { description: 'JSON Pointer to the invalid field of the request.' },
  message: { description: 'What is wrong with the field.' },
  reason: { description: 'Machine-readable reason, e.g. `too_small`.' },
}

const ERROR_DOCS: Record<string, MemberDoc> = {
  symbol: { description: 'The symbol of the error in the catalog.' },
  code: { description: 'Numeric error code.' },
  key: { description: 'String error code.' },
  status: { description: 'HTTP status of the error.', schema: { minimum: 100, maximum: 599 } },
  title: { description: 'Short, stable summary of the error.' },
  message: { description: 'What happened, for this occurrence, in the negotiated language.' },
  params: { description: 'Values of the message parameters.' },
  docsUrl: { description: 'Documentation of the error.', schema: { format: 'uri' } },
  type: { description: 'RFC 9457 problem type URI.', schema: { format: 'uri-reference' } },
  group: { description: 'The group the error belongs to.' },
  retryAfter: { description: 'Seconds to wait before retrying.', schema: { minimum: 0 } },
  violations: { description: 'The invalid fields of the request.' },
  locale: { description: 'Language of the message (BCP 47).' },
  upstream: { description: 'Fields of the upstream error that this error passes on.' },
}

const REQUEST_DOCS: Record<string, MemberDoc> = {
  id: { description: 'Request id, for support and logs.' },
  path: { description: 'Path of the request that failed.' },
  method: { description: 'HTTP method of the request.' },
}

const API_DOCS: Record<string, MemberDoc> = {
  name: { description: 'Name of the API.' },
  version: { description: 'API version.' },
  domain: { description: 'Error domain.' },
}

/** The tables of members with their docs, for the test that each member has them. */
export const DOCUMENTED_TABLES: ReadonlyArray<
  readonly [Record<string, MemberInfo>, Record<string, MemberDoc>]
> = [
  [VIOLATION_MEMBERS, VIOLATION_DOCS],
  [ERROR_MEMBERS, ERROR_DOCS],
  [REQUEST_MEMBERS, REQUEST_DOCS],
  [API_MEMBERS, API_DOCS],
]

// Keyed by the member's info object, which is what a resolved path gives (types-of.ts).
const BY_INFO = new Map<MemberInfo, MemberDoc>(
  DOCUMENTED_TABLES.flatMap(([members, docs]) =>
    Object.entries(docs).map(([name, doc]) => [members[name]!, doc] as const),
  ),
)

/** The description and schema keywords of a member of the render roots. */
export function memberDoc(info: MemberInfo): MemberDoc {
  return BY_INFO.get(info) ?? { description: '' }
}
