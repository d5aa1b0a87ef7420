import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDocument } from 'yaml'
import type { Edit } from './plan.ts'
import { SpliceUnsupported, spliceYaml } from './yaml-splice.ts'

const splice = (text: string, edits: Edit[]) => spliceYaml(text, parseDocument(text), edits)
const ref = (status: number) => ({ $ref: `#/components/responses/ErrcatError${status}` })
const response = (parent: string[], status: number): Edit => ({
  kind: 'put',
  parent,
  key: String(status),
  value: ref(status),
  statusOrder: true,
})

// Everything the yaml package's own writer would change: the spacing before a
// comment, a folded scalar, flow mappings with and without padding, quotes.
const DOCUMENT = `# The API.
openapi: 3.1.0
info:
  title: Tasks   # two spaces before this comment
  description: >
    Folded over
    two lines.
  contact: {name: Ops, email: 'ops@tasks.example'}
tags:
- name: tasks
paths:
  /tasks/{id}:
    get:
      responses:
        '200':
          description: OK

        # Hand-written, kept.
        default: { description: Anything else }
components:
  schemas:
    Task: { type: object }
`

describe('spliceYaml', () => {
  it('inserts in place and keeps every other byte', () => {
    const out = splice(DOCUMENT, [
      response(['paths', '/tasks/{id}', 'get', 'responses'], 404),
      {
        kind: 'put',
        parent: ['components', 'schemas'],
        key: 'ErrcatError',
        value: { type: 'object' },
      },
      { kind: 'put', parent: [], key: 'x-errcat', value: { catalog: 'errors.yaml' } },
    ])
    assert.equal(
      out,
      DOCUMENT.replace(
        '          description: OK\n',
        "          description: OK\n        '404':\n          $ref: '#/components/responses/ErrcatError404'\n",
      ).replace(
        '    Task: { type: object }\n',
        '    Task: { type: object }\n    ErrcatError:\n      type: object\nx-errcat:\n  catalog: errors.yaml\n',
      ),
    )
  })

  it('writes status keys as the document does, in status order, before ranges and default', () => {
    const text = `paths:
  /a:
    get:
      responses:
        200:
          description: OK
        4XX:
          description: Client error
`
    const out = splice(text, [
      response(['paths', '/a', 'get', 'responses'], 404),
      response(['paths', '/a', 'get', 'responses'], 100),
    ])
    assert.equal(
      out,
      `paths:
  /a:
    get:
      responses:
        100:
          $ref: "#/components/responses/ErrcatError100"
        200:
          description: OK
        404:
          $ref: "#/components/responses/ErrcatError404"
        4XX:
          description: Client error
`,
    )
  })

  it('keeps the comments above the entry it inserts before', () => {
    const text =
      'paths:\n  /a:\n    get:\n      responses:\n        # our default\n        default:\n          description: x\n'
    const out = splice(text, [response(['paths', '/a', 'get', 'responses'], 404)])
    assert.equal(
      out,
      text.replace(
        '        # our default',
        '        "404":\n          $ref: "#/components/responses/ErrcatError404"\n        # our default',
      ),
    )
  })

  it('fills empty mappings: `key:`, `key: {}` and either with a comment', () => {
    const text = `paths:
  /a:
    get:
      responses: {}
  /b:
    get:
      responses:
  /c:
    get:
      responses: {} # none yet
`
    const out = splice(text, [
      response(['paths', '/a', 'get', 'responses'], 404),
      response(['paths', '/b', 'get', 'responses'], 404),
      response(['paths', '/c', 'get', 'responses'], 404),
    ])
    const entry = '\n        "404":\n          $ref: "#/components/responses/ErrcatError404"'
    assert.equal(
      out,
      `paths:
  /a:
    get:
      responses:${entry}
  /b:
    get:
      responses:${entry}
  /c:
    get:
      responses: # none yet${entry}
`,
    )
    assert.deepEqual(parseDocument(out).errors, [])
  })

  it('replaces and removes whole entries, leaving their neighbours alone', () => {
    const text = `components:
  schemas:
    Mine: {type: string}   # mine
    ErrcatError_OLD:
      x-errcat: generated
      type: object
    ErrcatError:
      x-errcat: generated
      type: object
    Yours:
      type: integer
`
    const out = splice(text, [
      { kind: 'remove', parent: ['components', 'schemas'], key: 'ErrcatError_OLD' },
      {
        kind: 'put',
        parent: ['components', 'schemas'],
        key: 'ErrcatError',
        value: { 'x-errcat': 'generated', type: 'array' },
      },
    ])
    assert.equal(
      out,
      `components:
  schemas:
    Mine: {type: string}   # mine
    ErrcatError:
      x-errcat: generated
      type: array
    Yours:
      type: integer
`,
    )
  })

  it('appends after a sequence written at its key’s indentation, and to a file without a final newline', () => {
    const out = splice('a: 1\ntags:\n- name: x\n- name: y', [
      { kind: 'put', parent: [], key: 'b', value: 2 },
    ])
    assert.equal(out, 'a: 1\ntags:\n- name: x\n- name: y\nb: 2\n')
  })

  it('keeps the line breaks of a CRLF document', () => {
    const out = splice('a: 1\r\nb:\r\n  c: 2\r\n', [
      { kind: 'put', parent: ['b'], key: 'd', value: 3 },
    ])
    assert.equal(out, 'a: 1\r\nb:\r\n  c: 2\r\n  d: 3\r\n')
  })

  it('quotes what a YAML 1.1 reader would take for something else', () => {
    const out = splice('a: 1\n', [
      { kind: 'put', parent: [], key: 'x', value: { version: '2025-01-01', flag: 'on', y: '1.0' } },
    ])
    // `y` is a boolean in YAML 1.1, hence a quoted key.
    assert.equal(out, 'a: 1\nx:\n  version: "2025-01-01"\n  flag: "on"\n  "y": "1.0"\n')
  })

  it('gives up on layouts it does not edit in place', () => {
    assert.throws(
      () => splice('a: { b: 1 }\n', [{ kind: 'put', parent: ['a'], key: 'c', value: 1 }]),
      SpliceUnsupported,
    )
    assert.throws(
      () => splice('- a: 1\n', [{ kind: 'put', parent: [], key: 'c', value: 1 }]),
      SpliceUnsupported,
    )
  })
})
