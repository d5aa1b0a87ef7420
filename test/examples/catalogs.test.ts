// The five seed catalogs under examples/ are the acceptance examples: each
// holds every code of its seed page, with the seed's numbers, in the seed's
// groups, and declares the envelope that API really uses. The expected code
// lists below are written from the seed pages, not from the catalogs, so a
// code dropped or renumbered in a catalog fails here.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Finding } from '../../src/catalog/diagnostic.ts'
import { parseMessage } from '../../src/catalog/message.ts'
import type { LoadedCatalog, LoadedError } from '../../src/catalog/model.ts'
import { applyConfiguredSeverity, checkCatalog } from '../../src/check/check.ts'
import { buildErrorIndex, compileEnvelope, type ErrorView } from '../../src/envelope/index.ts'
import { loadCatalog } from '../../src/load/load.ts'
import { cliArgs } from '../cli-command.ts'

const run = promisify(execFile)
const repo = fileURLToPath(new URL('../../', import.meta.url))
const EXAMPLES = ['qencode', 'qr-forms', 'sevenbridges', 'qrforge', 'gengo'] as const
type Example = (typeof EXAMPLES)[number]
const catalogPath = (name: Example) => `examples/${name}/errors.yaml`

const range = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i)

// Seed 000: the Qencode table, symbol → value.
const QENCODE: Record<string, number> = {
  ERROR_OK: 0,
  ERROR_SERVER_INTERNAL: 1,
  ERROR_BAD_API_KEY: 2,
  ERROR_API_KEY_NOT_FOUND: 3,
  ERROR_BAD_TOKEN: 4,
  ERROR_TOKEN_NOT_FOUND: 5,
  ERROR_SERVICE_SUSPENDED: 6,
  ERROR_MASTER_NOT_FOUND: 7,
  ERROR_SYSTEM_BUSY: 8,
  ERROR_BAD_PAYLOAD: 9,
  ERROR_PROJECT_NOT_FOUND: 10,
  ERROR_BAD_PROFILE: 11,
  ERROR_PROFILE_NOT_FOUND: 12,
  ERROR_BAD_TOKENS: 13,
  ERROR_FIELD_REQUIRED: 14,
}

// Seed 001: the top-level codes, then the module range 100300 ~ 100329.
const QR_FORMS_TOP = [0, 400, 401, 403, 404, 429, 502]
const QR_FORMS_MODULE = range(100300, 100329)

// Seed 002, per thousand-range as the page lists them. 6009 appears twice on
// the page: its second meaning is 6013 in the catalog. The row labelled 9032
// (anchor 9023) is 9023; the row anchored 9042 (label 9024) is 9024.
const SEVEN_BRIDGES = [
  0,
  1000,
  ...range(2000, 2003),
  ...range(3000, 3013),
  ...range(4000, 4007),
  ...range(5000, 5010),
  ...[6000, 6001, 6002, 6003, 6004, 6006, 6007, 6008, 6009, 6010, 6011, 6012, 6013],
  ...range(7000, 7024),
  ...range(8000, 8015),
  ...range(9000, 9019),
  ...[9021, 9022, 9023, 9024, 9025, 9027, 9028, 9101],
  ...range(90000, 90009),
]

// Seed 003: QRForge's string codes.
const QRFORGE = [
  'unauthorized',
  'forbidden',
  'invalid_request',
  'method_not_allowed',
  'invalid_payload',
  'not_found',
  'rate_limit_minute',
  'rate_limit_day',
  'project_not_found',
  'resource_archived',
  'internal_error',
]

// Seed 004: Gengo's codes, in page order.
const GENGO = [
  1000, 1100, 1150, 1200, 1201, 1250, 1251, 1300, 1301, 1302, 1303, 1304, 1305, 1306, 1350, 1351,
  1352, 1400, 1450, 1500, 1501, 1551, 1601, 1651, 1701, 1751, 1754, 1800, 1801, 1802, 1803, 1804,
  1851, 1852, 1901, 1950, 1951, 1952, 2000, 2050, 2100, 2150, 2200, 2250, 2251, 2252, 2300, 2350,
  2400, 2401, 2450, 2500, 2501, 2502, 2503, 2550, 2600, 2650, 2700, 2750, 2751, 2800,
]

const loaded = new Map<Example, { catalog: LoadedCatalog; findings: Finding[] }>()

before(async () => {
  for (const name of EXAMPLES) {
    const { catalog, findings } = await loadCatalog(catalogPath(name), { cwd: repo })
    assert.ok(catalog, `${name} does not load: ${JSON.stringify(findings, null, 2)}`)
    loaded.set(name, { catalog, findings })
  }
})

const catalogOf = (name: Example) => loaded.get(name)!.catalog
const byCode = (name: Example, code: number) => {
  const error = catalogOf(name).errors.find((e) => e.code === code)
  assert.ok(error, `${name} has no error ${code}`)
  return error
}
const byKey = (key: string) => {
  const error = catalogOf('qrforge').errors.find((e) => e.key === key)
  assert.ok(error, `qrforge has no error ${key}`)
  return error
}
const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
const groupsOf = (name: Example) =>
  Object.fromEntries(
    catalogOf(name).groups.map((g) => [g.id, { range: g.range, prefix: g.prefix }]),
  )
/** What the envelope sees of an error; messages are left unformatted, only identity matters here. */
const viewOf = (error: LoadedError): ErrorView => {
  const params = Object.fromEntries(
    Object.entries(error.params).map(([name, p]) => [name, p.example ?? name]),
  )
  const retryAfter =
    error.retry.kind === 'after'
      ? error.retry.seconds
      : error.retry.kind === 'afterParam'
        ? Number(params[error.retry.param])
        : undefined
  return {
    symbol: error.symbol,
    ...(error.code !== undefined ? { code: error.code } : {}),
    ...(error.key !== undefined ? { key: error.key } : {}),
    status: error.status,
    title: error.title,
    message: error.expose ? error.message : error.title,
    params: error.expose ? params : {},
    ...(error.docsUrl ? { docsUrl: error.docsUrl } : {}),
    type: error.problemType,
    ...(error.group ? { group: error.group } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  }
}
/** Renders an error of an example in its envelope, as the server would send it. */
const render = (name: Example, error: LoadedError) => {
  const catalog = catalogOf(name)
  const response = compileEnvelope(catalog.envelope).render(
    viewOf(error),
    { id: 'req-1' },
    { name: catalog.api.name, version: catalog.api.version, domain: catalog.api.domain },
  )
  return { ...response, body: JSON.parse(JSON.stringify(response.body)) as Record<string, unknown> }
}
const placeholders = (message: string) => {
  const parsed = parseMessage(message)
  assert.ok(parsed.ok, `not an ICU message: ${message}`)
  return parsed.placeholders.map((p) => p.name).sort()
}

describe('every example catalog', () => {
  for (const name of EXAMPLES) {
    test(`${name}: loads without findings and passes every lint rule`, () => {
      const { catalog, findings } = loaded.get(name)!
      const all = [...applyConfiguredSeverity(catalog, findings), ...checkCatalog(catalog)]
      assert.deepEqual(
        all.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`),
        [],
      )
    })

    test(`${name}: one internal error, at most one validation error, messages match params`, () => {
      const errors = catalogOf(name).errors
      assert.equal(errors.filter((e) => e.internal).length, 1)
      assert.ok(errors.filter((e) => e.validation).length <= 1)
      for (const error of errors) {
        assert.notEqual(error.title.trim(), '', `${error.symbol} has no title`)
        assert.deepEqual(
          placeholders(error.message),
          Object.keys(error.params).sort(),
          error.symbol,
        )
        assert.ok(!(error.success && error.internal), error.symbol)
      }
    })
  }

  test('no example silences a lint rule', () => {
    assert.deepEqual(Object.fromEntries(EXAMPLES.map((name) => [name, catalogOf(name).rules])), {
      qencode: {},
      'qr-forms': {},
      sevenbridges: {},
      qrforge: {},
      gengo: {},
    })
  })

  test('a client reads every error back from its envelope', () => {
    for (const name of EXAMPLES) {
      const catalog = catalogOf(name)
      const envelope = compileEnvelope(catalog.envelope)
      const errors = catalog.errors.filter((e) => !e.success)
      const index = buildErrorIndex(
        envelope,
        errors.map((e) => ({ ...viewOf(e), type: e.problemType })),
      )
      for (const error of errors) {
        const { status, body } = render(name, error)
        assert.equal(envelope.isError(status, body), true, `${name} ${error.symbol}`)
        assert.equal(envelope.read(status, body, index).error?.symbol, error.symbol, name)
      }
    }
  })

  test('`errcat check` exits 0 with no findings on each, as a user runs it', async () => {
    const check = async (name: Example) => {
      const { stdout } = await run(
        process.execPath,
        cliArgs(['check', '--format', 'json', catalogPath(name)]),
        { cwd: repo },
      ).catch((error: { code?: number; stdout?: string; stderr?: string }) => {
        assert.fail(`check ${name} exited ${error.code}:\n${error.stdout}${error.stderr}`)
      })
      assert.deepEqual(JSON.parse(stdout), [], name)
    }
    await Promise.all(EXAMPLES.map(check))
  })
})

describe('Qencode (seed 000)', () => {
  test('has every symbol of the page with its value', () => {
    const actual = Object.fromEntries(catalogOf('qencode').errors.map((e) => [e.symbol, e.code]))
    assert.deepEqual(actual, QENCODE)
    assert.deepEqual(catalogOf('qencode').groups, [])
  })

  test('ERROR_OK is success, ERROR_SERVER_INTERNAL the internal error', () => {
    const ok = byCode('qencode', 0)
    assert.equal(ok.success, true)
    assert.equal(ok.status, 200)
    assert.equal(byCode('qencode', 1).internal, true)
  })

  test('ERROR_SYSTEM_BUSY carries its retry delay in a param', () => {
    const busy = byCode('qencode', 8)
    assert.deepEqual(busy.retry, { kind: 'afterParam', param: 'retryAfter' })
    assert.equal(busy.params.retryAfter?.type, 'integer')
  })

  test('ERROR_FIELD_REQUIRED names the field, in the message and in the body', () => {
    const required = byCode('qencode', 14)
    assert.equal(required.params.field?.type, 'string')
    assert.deepEqual(placeholders(required.message), ['field'])
    assert.equal(required.validation, true)
  })

  test('7 and 10, identical on the page, get distinct messages that keep its sentence', () => {
    const master = byCode('qencode', 7).message
    const project = byCode('qencode', 10).message
    assert.notEqual(master, project)
    for (const message of [master, project]) {
      assert.match(message, /^Server issue \(.+\)\. Please contact support in this case\.$/)
    }
  })

  test('envelope: HTTP 200, `{ error, message }` plus retry delay and field, error when error != 0', () => {
    const envelope = catalogOf('qencode').envelope
    assert.equal(envelope.status, 200)
    assert.equal(envelope.errorWhen, 'body.error != 0')
    assert.deepEqual(envelope.body, {
      error: '{{ error.code }}',
      message: '{{ error.message }}',
      retry_after: '{{ error.retryAfter }}',
      field: '{{ error.params.field }}',
    })
    // A 5xx is not exposed: the title goes out as the message, the delay in `retry_after`.
    const busy = render('qencode', byCode('qencode', 8))
    assert.equal(busy.status, 200)
    assert.equal(busy.contentType, 'application/json')
    assert.deepEqual(busy.body, { error: 8, message: 'System busy', retry_after: 30 })
    assert.deepEqual(render('qencode', byCode('qencode', 14)).body, {
      error: 14,
      message: 'Value for field {field} is required in request.',
      field: 'task_token',
    })
    assert.deepEqual(Object.keys(render('qencode', byCode('qencode', 4)).body), [
      'error',
      'message',
    ])
    const envelopeOf = compileEnvelope(envelope)
    assert.equal(
      envelopeOf.isError(200, { error: 0, message: 'Operation completed successfully' }),
      false,
    )
  })
})

describe('QR forms OpenAPI V2 (seed 001)', () => {
  test('has the top-level codes and the module range 100300–100329', () => {
    const codes = catalogOf('qr-forms').errors.map((e) => e.code!)
    assert.deepEqual(sorted(codes), [...QR_FORMS_TOP, ...QR_FORMS_MODULE])
    assert.deepEqual(groupsOf('qr-forms'), {
      general: { range: [0, 599], prefix: undefined },
      module: { range: [100300, 100329], prefix: undefined },
    })
  })

  test('top-level errors have code = status; module errors have the status of their meaning', () => {
    for (const error of catalogOf('qr-forms').errors) {
      if (error.group === 'general' && !error.success) assert.equal(error.code, error.status)
    }
    assert.equal(byCode('qr-forms', 100303).status, 404)
    assert.equal(byCode('qr-forms', 100300).status, 500)
    assert.equal(byCode('qr-forms', 100328).status, 403)
    assert.equal(byCode('qr-forms', 0).success, true)
    assert.equal(byCode('qr-forms', 100300).internal, true)
    assert.equal(byCode('qr-forms', 100301).validation, true)
  })

  test('envelope: HTTP 200, `{ code, error_code (module only), message }`, error when code != 0', () => {
    const envelope = catalogOf('qr-forms').envelope
    assert.equal(envelope.status, 200)
    assert.equal(envelope.errorWhen, 'body.code != 0')
    const body = envelope.body as Record<string, unknown>
    assert.deepEqual(Object.keys(body), ['code', 'error_code', 'message'])
    assert.equal(body.message, '{{ error.message }}')
    // Top-level code: 400 for business errors, else the status.
    const code = body.code as Record<string, unknown>
    assert.deepEqual(Object.keys(code), ['$if', 'then', 'else'])
    assert.equal(code.$if, "error.group == 'module'")
    assert.equal(code.then, 400)
    assert.equal(code.else, '{{ error.status }}')
    // `error_code` only for module errors: `$if` without `else` leaves it out.
    const errorCode = body.error_code as Record<string, unknown>
    assert.deepEqual(Object.keys(errorCode), ['$if', 'then'])
    assert.equal(errorCode.$if, "error.group == 'module'")
    assert.equal(errorCode.then, '{{ error.code }}')
  })

  test('on the wire, every business error says code 400 with its error_code', () => {
    for (const error of catalogOf('qr-forms').errors) {
      if (error.success) continue
      const { status, body } = render('qr-forms', error)
      assert.equal(status, 200)
      assert.deepEqual(
        body,
        error.group === 'module'
          ? { code: 400, error_code: error.code, message: body.message }
          : { code: error.code, message: body.message },
        error.symbol,
      )
    }
    assert.equal(render('qr-forms', byCode('qr-forms', 100303)).body.message, 'Record not found')
    assert.equal(compileEnvelope(catalogOf('qr-forms').envelope).isError(200, { code: 0 }), false)
  })
})

describe('Seven Bridges (seed 002)', () => {
  test('has every code of the page, each in its thousand-range group', () => {
    const errors = catalogOf('sevenbridges').errors
    assert.deepEqual(sorted(errors.map((e) => e.code!)), sorted(SEVEN_BRIDGES))
    assert.deepEqual(groupsOf('sevenbridges'), {
      maintenance: { range: [0, 999], prefix: undefined },
      general: { range: [1000, 1999], prefix: undefined },
      users: { range: [2000, 2999], prefix: undefined },
      projects: { range: [3000, 3999], prefix: undefined },
      billing: { range: [4000, 4999], prefix: undefined },
      files: { range: [5000, 5999], prefix: undefined },
      apps: { range: [6000, 6999], prefix: undefined },
      tasks: { range: [7000, 7999], prefix: undefined },
      uploads: { range: [8000, 8999], prefix: undefined },
      volumes: { range: [9000, 9999], prefix: undefined },
      validation: { range: [90000, 99999], prefix: undefined },
    })
    for (const error of errors) assert.ok(error.group, `${error.code} has no group`)
  })

  test('the page contradictions are resolved as the catalog comments say', () => {
    assert.equal(byCode('sevenbridges', 6009).message, 'App revision must be a valid integer.')
    assert.equal(
      byCode('sevenbridges', 6013).message,
      'Source project must not be null or an empty string.',
    )
    assert.match(byCode('sevenbridges', 9023).message, /"sse_algorithm"/)
    assert.match(byCode('sevenbridges', 9024).message, /"aws_storage_class"/)
    assert.equal(
      catalogOf('sevenbridges').errors.find((e) => e.code === 9032),
      undefined,
    )
    assert.equal(
      catalogOf('sevenbridges').errors.find((e) => e.code === 9042),
      undefined,
    )
    assert.notEqual(byCode('sevenbridges', 9027).message, byCode('sevenbridges', 9028).message)
    assert.notEqual(byCode('sevenbridges', 9017).message, byCode('sevenbridges', 9019).message)
    // identical-messages is off for the cross-service repeats; within a service none may remain.
    const seen = new Map<string, string>()
    for (const error of catalogOf('sevenbridges').errors) {
      const key = `${error.group} ${error.message}`
      assert.equal(seen.get(key), undefined, `${error.symbol} repeats ${seen.get(key)}`)
      seen.set(key, error.symbol)
    }
    for (const error of catalogOf('sevenbridges').errors) {
      assert.notEqual(error.message.trim(), '', `${error.symbol} has an empty message`)
      assert.doesNotMatch(error.message, /\u00a0/, `${error.symbol} has a no-break space`)
    }
  })

  test('the rate limit is a policy of 1000 requests per 5 minutes', () => {
    const limit = byCode('sevenbridges', 1000)
    assert.equal(limit.status, 429)
    assert.deepEqual(limit.rateLimit, { policy: 'default', quota: 1000, window: 300 })
    assert.deepEqual(limit.retry, { kind: 'after', seconds: 300 })
  })

  test('more_info lands on the anchor of the code in the docs page', () => {
    assert.equal(
      byCode('sevenbridges', 9024).docsUrl,
      'https://docs.sevenbridges.com/docs/api-status-codes#9024',
    )
    const envelope = catalogOf('sevenbridges').envelope
    assert.equal(envelope.status, undefined, 'HTTP status is the error status')
    assert.deepEqual(envelope.body, {
      status: '{{ error.status }}',
      code: '{{ error.code }}',
      message: '{{ error.message }}',
      more_info: '{{ error.docsUrl }}',
    })
    const { status, body } = render('sevenbridges', byCode('sevenbridges', 9024))
    assert.equal(status, 400)
    assert.deepEqual(body, {
      status: 400,
      code: 9024,
      message: 'Invalid S3 storage class selected ("aws_storage_class"). Check the documentation.',
      more_info: 'https://docs.sevenbridges.com/docs/api-status-codes#9024',
    })
  })
})

describe('QRForge (seed 003)', () => {
  test('has every key of the page, in the page sections', () => {
    const errors = catalogOf('qrforge').errors
    assert.deepEqual(errors.map((e) => e.key).sort(), [...QRFORGE].sort())
    assert.ok(errors.every((e) => e.code === undefined))
    const sections: Record<string, string[]> = {}
    for (const e of errors) sections[e.group!] = [...(sections[e.group!] ?? []), e.key!]
    assert.deepEqual(sections, {
      auth: ['unauthorized', 'forbidden'],
      request: ['invalid_request', 'method_not_allowed', 'invalid_payload', 'not_found'],
      quota: ['rate_limit_minute', 'rate_limit_day'],
      resources: ['project_not_found', 'resource_archived'],
      internal: ['internal_error'],
    })
    assert.equal(groupsOf('qrforge').quota!.prefix, 'rate_limit_')
  })

  test('rate limits are IETF RateLimit policies, retried after their window', () => {
    const minute = byKey('rate_limit_minute')
    const day = byKey('rate_limit_day')
    assert.equal(minute.status, 429)
    assert.equal(day.status, 429)
    assert.deepEqual(minute.rateLimit, { policy: 'minute', quota: 600, window: 60 })
    assert.equal(day.rateLimit?.window, 86400)
    assert.deepEqual(minute.retry, { kind: 'after', seconds: 60 })
  })

  test('the example messages of the page are the catalog messages, with troubleshooting', () => {
    assert.equal(byKey('unauthorized').message, 'Invalid or missing API key.')
    assert.equal(byKey('rate_limit_minute').message, 'Too many requests this minute.')
    assert.equal(byKey('project_not_found').message, 'Project not found.')
    assert.equal(byKey('internal_error').message, 'Internal server error. Please try again later.')
    assert.equal(byKey('internal_error').internal, true)
    assert.match(byKey('unauthorized').troubleshooting ?? '', /x-api-key/)
    assert.match(byKey('project_not_found').troubleshooting ?? '', /project_id/)
  })

  test('envelope: `{ ok: false, version, request_id, code: key, message }` at the error status', () => {
    const catalog = catalogOf('qrforge')
    assert.equal(catalog.api.version, '2025-11-14-v1')
    assert.equal(catalog.envelope.status, undefined)
    assert.deepEqual(catalog.envelope.body, {
      ok: false,
      version: '{{ api.version }}',
      request_id: '{{ request.id }}',
      code: '{{ error.key }}',
      message: '{{ error.message }}',
    })
    const { status, body } = render('qrforge', byKey('unauthorized'))
    assert.equal(status, 401)
    assert.deepEqual(body, {
      ok: false,
      version: '2025-11-14-v1',
      request_id: 'req-1',
      code: 'unauthorized',
      message: 'Invalid or missing API key.',
    })
  })
})

describe('Gengo (seed 004)', () => {
  const raw = /^[a-z]+(_[a-z]+){3,}$/

  test('has every code of the page', () => {
    const codes = catalogOf('gengo').errors.map((e) => e.code!)
    assert.deepEqual(sorted(codes), sorted(GENGO))
  })

  test('2501 and 2502 carry real, distinct messages instead of the raw i18n key', () => {
    const [a, b] = [byCode('gengo', 2501), byCode('gengo', 2502)]
    for (const e of [a, b]) assert.doesNotMatch(e.message, raw)
    assert.notEqual(a.message, b.message)
    for (const e of catalogOf('gengo').errors) assert.doesNotMatch(e.message, raw, e.symbol)
  })

  test('the Japanese locale translates every message, keeping placeholders, none stale', () => {
    const catalog = catalogOf('gengo')
    assert.deepEqual(catalog.locales.available, ['en', 'ja'])
    const untranslated: string[] = []
    for (const error of catalog.errors as LoadedError[]) {
      const ja = error.translations.ja
      if (!ja) {
        untranslated.push(error.symbol)
        continue
      }
      assert.notEqual(ja.message, error.message, `${error.symbol} is not translated`)
      assert.match(ja.message, /[\u3040-\u30ff\u4e00-\u9fff]/, `${error.symbol} is not Japanese`)
      assert.equal(ja.source, error.message, `${error.symbol}: translation is stale`)
      assert.deepEqual(placeholders(ja.message), placeholders(error.message), error.symbol)
    }
    assert.deepEqual(untranslated, [])
  })

  test('envelope: HTTP 200, `{ opstat: "error", err: { code, msg } }`', () => {
    const envelope = catalogOf('gengo').envelope
    assert.equal(envelope.status, 200)
    assert.equal(envelope.errorWhen, "body.opstat == 'error'")
    assert.deepEqual(envelope.body, {
      opstat: 'error',
      err: { code: '{{ error.code }}', msg: '{{ error.message }}' },
    })
    const { status, body } = render('gengo', byCode('gengo', 2502))
    assert.equal(status, 200)
    assert.deepEqual(body, {
      opstat: 'error',
      err: { code: 2502, msg: 'rating must be between 1 and 5' },
    })
    assert.equal(compileEnvelope(envelope).isError(200, { opstat: 'ok', response: {} }), false)
  })
})
