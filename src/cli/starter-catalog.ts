// The catalog `errcat init` writes: small, commented, and clean under
// `errcat check`. It shows the three errors every API needs first (a 4xx with
// params, the validation error, the internal error) and the RFC 9457
// envelope, so a team can copy an entry and go.
import { stringify } from 'yaml'

export const STARTER_SCHEMA = './node_modules/errcat/schema/errcat.schema.json'

export interface StarterOptions {
  /** The API's name, shown in docs and used in problem `type` URNs. */
  name: string
  /** Base URL of the error docs; problem `type` URIs become `<docs>#<code>`. */
  docs?: string
}

/** A YAML scalar, quoted only when it must be. */
const scalar = (value: string) => stringify(value).trimEnd()

export function starterCatalog(options: StarterOptions): string {
  const docs = options.docs
    ? `  docs: ${scalar(options.docs)}\n`
    : `  # Base URL of your error docs: each error's problem \`type\` becomes <docs>#<code>.\n  # docs: https://api.example.com/docs/errors\n`
  return `# yaml-language-server: $schema=${STARTER_SCHEMA}
#
# The error catalog of ${options.name}: every error the API returns, with its
# code, HTTP status and message. errcat generates typed errors, responses in
# the envelope below, a client parser, docs and OpenAPI from this file.
# Run \`errcat check\` after every edit.
$schema: ${STARTER_SCHEMA}
errcat: 1

api:
  name: ${scalar(options.name)}
${docs}
# The wire format of error responses. \`problem\` is RFC 9457
# application/problem+json: { type, title, status, detail, instance }.
# Other presets: google (AIP-193), azure, jsonapi; or write your own body
# template (see docs/envelope.md).
envelope:
  preset: problem

# Each group owns a range of codes; a service can own a group.
groups:
  requests:
    title: Request errors
    range: [1000, 1999]
  server:
    title: Server errors
    range: [5000, 5999]

errors:
  # A client error with typed params. The message is an ICU MessageFormat
  # template: \`{resource}\` is filled in when the error is created.
  RESOURCE_NOT_FOUND:
    code: 1001
    status: 404
    title: Resource not found
    message: '{resource} {id} does not exist.'
    params:
      resource:
        type: string
        description: The kind of resource, e.g. Order.
        example: Order
      id:
        type: string
        description: The identifier the request used.
        example: ord_42
    troubleshooting: Check the identifier, and that the resource belongs to your account.

  # Request validation failures (zod, valibot, ajv, …) become this error,
  # with one field violation per invalid field in the response.
  VALIDATION_FAILED:
    code: 1002
    status: 422
    validation: true
    title: Validation failed
    message: '{count, plural, one {# field is} other {# fields are}} not valid.'
    params:
      count:
        type: integer
        description: How many fields failed validation.
        example: 2

  # Exceptions the code did not expect become this error. Its message is a
  # fixed sentence: the exception's own text never goes on the wire, only to
  # your logs. Clients may retry it with backoff.
  INTERNAL_ERROR:
    code: 5000
    status: 500
    internal: true
    retry: safe
    title: Internal error
    message: Something went wrong on our side. Please try again later.
`
}
