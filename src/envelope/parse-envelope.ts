// The whole `envelope:` section → its parsed parts, the preset resolved.
// validateEnvelope reports the problems; compileEnvelope builds closures from
// the parts. Works on untyped input, since a catalog may not match the schema.

import type { ParsedEnvelope } from '@errcat/runtime/internal/envelope/ast'
import { CLIENT_ROOTS, RENDER_ROOTS } from '@errcat/runtime/internal/envelope/context'
import type { EnvelopeProblem } from '@errcat/runtime/internal/envelope/types'
import type { EnvelopeTemplate } from '../catalog/schema.ts'
import { PRESETS, type PresetName } from './presets.ts'
import { TemplateParser, type TNode } from './template.ts'

export type { ParsedEnvelope }

const KEYS = ['preset', 'status', 'contentType', 'headers', 'body', 'errorWhen']
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const MEDIA_TYPE = /^[A-Za-z0-9][\w.+-]*\/[A-Za-z0-9][\w.+-]*\s*(;.*)?$/
const RENDER = new Map(Object.entries(RENDER_ROOTS))
const CLIENT = new Map(Object.entries(CLIENT_ROOTS))
const DEFAULT_STATUS: TNode = {
  kind: 'expr',
  expr: { kind: 'path', root: 'error', members: ['status'], start: 0, end: 12 },
}

export function parseEnvelope(input: EnvelopeTemplate | undefined): {
  envelope?: ParsedEnvelope
  problems: EnvelopeProblem[]
} {
  const parser = new TemplateParser()
  const template = (input ?? {}) as Record<string, unknown>
  if (typeof template !== 'object' || template === null || Array.isArray(template)) {
    parser.problem(
      [],
      undefined,
      '`envelope` must be a mapping',
      'For example `envelope: { preset: problem }`; see docs/envelope.md.',
    )
    return { problems: parser.problems }
  }
  for (const key of Object.keys(template)) {
    if (!KEYS.includes(key)) {
      parser.problem(
        [key],
        undefined,
        `\`${key}\` is not an envelope setting`,
        `Settings: ${KEYS.map((k) => `\`${k}\``).join(', ')}. The error body goes under \`body\`.`,
      )
    }
  }

  let preset: PresetName | undefined
  if (template.preset !== undefined) {
    if (typeof template.preset === 'string' && Object.hasOwn(PRESETS, template.preset)) {
      preset = template.preset as PresetName
    } else {
      parser.problem(
        ['preset'],
        undefined,
        `unknown preset \`${String(template.preset)}\``,
        `Presets: ${Object.keys(PRESETS)
          .map((p) => `\`${p}\``)
          .join(', ')}; or describe your own format under \`body\`.`,
      )
    }
  }
  const hasBody = template.body !== undefined
  if (hasBody && template.preset !== undefined) {
    parser.problem(
      ['body'],
      undefined,
      '`body` and `preset` are both set',
      'A custom `body` replaces the preset entirely: remove `preset` (and set `contentType` if you need it), or remove `body` to use the preset.',
    )
  }
  const base = hasBody ? undefined : PRESETS[preset ?? 'problem']

  const status = parseStatus(template.status, parser)
  const contentType =
    parseContentType(template.contentType, parser) ?? base?.contentType ?? 'application/json'

  const headers: { name: string; node: TNode }[] = []
  const declared: Record<string, unknown> = { ...base?.headers }
  if (template.headers !== undefined) {
    if (
      typeof template.headers !== 'object' ||
      template.headers === null ||
      Array.isArray(template.headers)
    ) {
      parser.problem(
        ['headers'],
        undefined,
        '`headers` must be a mapping of header name to template',
        'For example `headers: { x-error-code: "{{ error.code }}" }`.',
      )
    } else {
      for (const name of Object.keys(declared)) {
        // A user header replaces the preset's one of the same name, whatever its case.
        if (Object.keys(template.headers).some((n) => n.toLowerCase() === name.toLowerCase()))
          delete declared[name]
      }
      for (const [name, value] of Object.entries(template.headers)) {
        if (!TOKEN.test(name)) {
          parser.problem(
            ['headers', name],
            undefined,
            `\`${name}\` is not a valid header name`,
            'Header names are letters, digits and `-` (RFC 9110 tokens).',
          )
          continue
        }
        const lower = name.toLowerCase()
        if (lower === 'content-type' || lower === 'content-length') {
          parser.problem(
            ['headers', name],
            undefined,
            `\`${name}\` is set by errcat`,
            lower === 'content-type'
              ? 'Use the `contentType` setting.'
              : 'Remove it; the length is computed.',
          )
          continue
        }
        if (typeof value !== 'string') {
          parser.problem(
            ['headers', name],
            undefined,
            'a header value must be a string template',
            'For example `"{{ error.code }}"`.',
          )
          continue
        }
        declared[name] = value
      }
    }
  }
  for (const [name, value] of Object.entries(declared)) {
    const node = parser.string(value as string, ['headers', name], RENDER)
    if (node) headers.push({ name, node })
  }

  const body = parser.node(
    hasBody ? template.body : base!.body,
    hasBody ? ['body'] : ['preset'],
    RENDER,
  )
  const errorWhen =
    template.errorWhen === undefined
      ? undefined
      : parser.condition(template.errorWhen, ['errorWhen'], CLIENT, '`errorWhen`')

  if (parser.problems.length > 0 || !body || !status) return { problems: parser.problems }
  return {
    envelope: { status, contentType, headers, body, ...(errorWhen ? { errorWhen } : {}) },
    problems: [],
  }
}

function parseStatus(value: unknown, parser: TemplateParser): TNode | undefined {
  if (value === undefined) return DEFAULT_STATUS
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 100 && value <= 599) return { kind: 'const', value }
    parser.problem(
      ['status'],
      undefined,
      `${value} is not an HTTP status`,
      'Use an integer from 100 to 599, e.g. `200` for APIs that signal errors in the body.',
    )
    return undefined
  }
  if (typeof value === 'string') {
    const node = parser.string(value, ['status'], RENDER)
    if (!node) return undefined
    if (node.kind === 'expr') return node
    parser.problem(
      ['status'],
      undefined,
      /^\s*\d+\s*$/.test(value)
        ? 'the status is a string'
        : 'the status must be a number or one `{{ expression }}`',
      /^\s*\d+\s*$/.test(value)
        ? `Write it as a number: \`status: ${value.trim()}\`.`
        : 'For example `status: 200` or `status: "{{ error.status }}"`.',
    )
    return undefined
  }
  parser.problem(
    ['status'],
    undefined,
    'the status must be a number or one `{{ expression }}`',
    'For example `status: 200` or `status: "{{ error.status }}"`.',
  )
  return undefined
}

function parseContentType(value: unknown, parser: TemplateParser): string | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string' && MEDIA_TYPE.test(value)) return value
  parser.problem(
    ['contentType'],
    undefined,
    `\`${String(value)}\` is not a media type`,
    'For example `application/json` or `application/problem+json`.',
  )
  return undefined
}
