// biome-ignore-all lint/suspicious/noThenProperty: `then` is the branch of the template language's `$if` directive; these objects are data, never awaited.
// The built-in envelopes, written in the template language itself: they go
// through the same parser, renderer, reader and schema as a custom template,
// and docs/envelope.md shows them as examples of the language.

export type PresetName = 'problem' | 'google' | 'azure' | 'jsonapi'

export interface Preset {
  contentType: string
  headers?: Record<string, string>
  body: unknown
}

/** RFC 9457 Problem Details, with the extension members most APIs add. */
const problem: Preset = {
  contentType: 'application/problem+json',
  body: {
    type: '{{ error.type }}',
    title: '{{ error.title }}',
    status: '{{ error.status }}',
    detail: '{{ error.message }}',
    instance: '{{ request.path }}',
    code: '{{ error.key ?? error.code }}',
    request_id: '{{ request.id }}',
    params: { $if: 'error.params', then: '{{ error.params }}' },
    // The RFC's own example of several problems of one type (section 3).
    errors: {
      $each: 'error.violations',
      as: 'v',
      do: { detail: '{{ v.message }}', pointer: '{{ v.field }}' },
    },
    retry_after: '{{ error.retryAfter }}',
  },
}

const RPC = 'type.googleapis.com/google.rpc.'

/** Google AIP-193: google.rpc.Status in proto3 JSON, one detail of each type at most. */
const google: Preset = {
  contentType: 'application/json',
  body: {
    error: {
      code: '{{ error.status }}',
      message: '{{ error.message }}',
      status: '{{ error.status | grpcStatus }}',
      details: [
        {
          '@type': `${RPC}ErrorInfo`,
          reason: '{{ error.symbol }}',
          // The API name stands in when the catalog declares no `api.domain`.
          domain: '{{ api.domain ?? api.name }}',
          metadata: '{{ error.params | stringMap }}',
        },
        {
          $if: 'error.retryAfter != null',
          then: { '@type': `${RPC}RetryInfo`, retryDelay: '{{ error.retryAfter | seconds }}' },
        },
        {
          $if: 'error.violations',
          then: {
            '@type': `${RPC}BadRequest`,
            fieldViolations: {
              $each: 'error.violations',
              as: 'v',
              do: {
                field: '{{ v.field | fieldPath }}',
                description: '{{ v.message }}',
                reason: '{{ v.reason }}',
              },
            },
          },
        },
        {
          $if: 'request.id',
          then: { '@type': `${RPC}RequestInfo`, requestId: '{{ request.id }}' },
        },
        {
          $if: 'error.locale',
          then: {
            '@type': `${RPC}LocalizedMessage`,
            locale: '{{ error.locale }}',
            message: '{{ error.message }}',
          },
        },
        {
          $if: 'error.docsUrl',
          then: {
            '@type': `${RPC}Help`,
            links: [{ description: '{{ error.title }}', url: '{{ error.docsUrl }}' }],
          },
        },
      ],
    },
  },
}

/** Microsoft REST API guidelines (Azure): `error` with `x-ms-error-code` equal to `error.code`. */
const azure: Preset = {
  contentType: 'application/json',
  headers: { 'x-ms-error-code': '{{ error.key ?? error.symbol }}' },
  body: {
    error: {
      code: '{{ error.key ?? error.symbol }}',
      message: '{{ error.message }}',
      // Azure's target is "the name of the property in error": a `target` param, when the
      // error has one.
      target: '{{ error.params.target }}',
      details: {
        $each: 'error.violations',
        as: 'v',
        do: {
          code: '{{ v.reason ?? error.key ?? error.symbol }}',
          message: '{{ v.message }}',
          target: '{{ v.field | fieldPath }}',
        },
      },
      innererror: { code: '{{ error.symbol }}' },
    },
  },
}

/** JSON:API: the error, then one error object per invalid field, with `source.pointer`. */
const jsonapi: Preset = {
  contentType: 'application/vnd.api+json',
  body: {
    errors: [
      {
        id: '{{ request.id }}',
        links: { about: '{{ error.docsUrl }}', type: '{{ error.type }}' },
        status: '{{ error.status | string }}',
        code: '{{ error.key ?? error.code | string }}',
        title: '{{ error.title }}',
        detail: '{{ error.message }}',
        meta: {
          $if: 'error.params || error.retryAfter != null',
          then: {
            params: { $if: 'error.params', then: '{{ error.params }}' },
            retryAfter: '{{ error.retryAfter }}',
          },
        },
      },
      {
        $each: 'error.violations',
        as: 'v',
        do: {
          status: '{{ error.status | string }}',
          code: '{{ error.key ?? error.code | string }}',
          title: '{{ error.title }}',
          detail: '{{ v.message }}',
          source: { pointer: '{{ v.field }}' },
          meta: { $if: 'v.reason', then: { reason: '{{ v.reason }}' } },
        },
      },
    ],
  },
}

export const PRESETS: Record<PresetName, Preset> = { problem, google, azure, jsonapi }
