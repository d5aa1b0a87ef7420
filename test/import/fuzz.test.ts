// Importers read whatever users point them at: no input may crash one, hang
// it, or make it report rows that point nowhere. Every importer in the
// registry (`--from` lets a user force any of them on any file) gets
// arbitrary text, token soup built from every format's syntax, and the real
// seed and corpus pages mutated (lines deleted, duplicated, swapped, the file
// cut short, random bytes inserted). Each parse must finish within a time
// bound; each importer runs in a worker thread that is stopped if it stops
// answering, so a true hang fails the test instead of freezing the suite.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import fc from 'fast-check'
import type { Importer, PageImport } from '../../src/import/find/page.ts'
import { importers } from '../../src/import/read/importers.ts'
import { FUZZ_SCALE, fuzz } from '../fuzz-settings.ts'
import { mutate, mutation } from '../text-mutations.ts'

// One parse of at most MAX_INPUT characters must take less than this, even on
// a loaded 2-core machine; real pages of that size parse in milliseconds.
const PARSE_BOUND_MS = 2_000
// A worker that sends no progress for this long is hung.
const SILENCE_BOUND_MS = 60_000
// Before its first input, a worker is loading tsx and the importers. On a loaded machine (two
// of these workers beside other tests) startup and the first inputs took more than 15 s.
const STARTUP_BOUND_MS = 120_000
const MAX_INPUT = 64 * 1024
const RUNS = { arbitrary: 60, soup: 60, mutated: 80 }

interface Progress {
  kind: 'progress'
  input: string
}
interface Done {
  kind: 'done'
  format: string
  failure?: string
  parses: number
}

/**
 * Fuzzes `formats` in turn in one worker (a worker starts tsx and every
 * importer, which costs more than a short fuzz run), resolving each format's
 * result as it ends. A worker that stops answering is terminated: the format
 * it was on fails with the input, the ones after it fail as not run.
 */
function fuzzInWorker(formats: string[]): Map<string, Promise<Done>> {
  const settle = new Map<string, (done: Done) => void>()
  const results = new Map(
    formats.map((format) => [format, new Promise<Done>((r) => settle.set(format, r))]),
  )
  const pending = [...formats]
  const finish = (done: Done) => {
    pending.splice(pending.indexOf(done.format), 1)
    settle.get(done.format)!(done)
  }
  const failRest = (failure: (format: string) => string) => {
    for (const format of [...pending])
      finish({ kind: 'done', format, parses: 0, failure: failure(format) })
  }
  // A worker does not inherit the TypeScript loader: its entry registers
  // tsx, then loads this file, which fuzzes (below) off the main thread.
  const tsx = import.meta.resolve('tsx/esm/api')
  const entry = `(async () => { (await import(${JSON.stringify(tsx)})).register(); await import(${JSON.stringify(import.meta.url)}) })()`
  const worker = new Worker(entry, { eval: true, workerData: formats })
  let last: string | undefined
  let timer: NodeJS.Timeout
  const arm = (bound: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      void worker.terminate()
      const stuck = pending[0]
      failRest((format) =>
        format !== stuck
          ? `${format} not run: the worker stopped on ${stuck}`
          : last === undefined
            ? `${format} did not start within ${bound} ms`
            : `${format} stopped answering for ${bound} ms on this input (${last.length} characters): ${JSON.stringify(last.slice(0, 300))}`,
      )
    }, bound)
  }
  arm(STARTUP_BOUND_MS)
  worker.on('message', (message: Progress | Done) => {
    if (message.kind === 'progress') {
      last = message.input
      arm(SILENCE_BOUND_MS)
      return
    }
    last = undefined
    finish(message)
    if (pending.length > 0) return arm(SILENCE_BOUND_MS)
    clearTimeout(timer)
    void worker.terminate()
  })
  worker.on('error', (error) => {
    clearTimeout(timer)
    failRest((format) => `${format} worker failed: ${error.stack ?? error}`)
  })
  worker.on('exit', (code) => {
    clearTimeout(timer)
    failRest((format) => `${format} not run: the worker exited with code ${code}`)
  })
  return results
}

function inputs(): string[] {
  const read = (dir: URL) =>
    readdirSync(dir)
      .filter((f) => f !== 'SOURCES.md')
      .map((f) => readFileSync(new URL(f, dir), 'utf8').slice(0, MAX_INPUT))
  return [
    ...read(new URL('../../../shared/seeds/', import.meta.url)),
    ...read(new URL('../../../shared/corpus/', import.meta.url)),
  ]
}

// Pieces of every format's syntax, so random text reaches deep into each parser.
const TOKENS = [
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  '|',
  '| ',
  ' |',
  '|---|',
  ':',
  ',',
  ';',
  '"',
  "'",
  '`',
  '```',
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  '</',
  '<table>',
  '<tr>',
  '<td>',
  '</td>',
  '<th colspan="2">',
  '<a name="9023">',
  '</a>',
  '<!--',
  '-->',
  '---\n',
  '# ',
  '## ',
  '###### ',
  '- ',
  '* ',
  '  - : ',
  ': ',
  '**',
  '\\',
  '\\_',
  '{{HTTPStatus(404, "404 Not Found")}}',
  '[block:parameters]\n',
  '\n[/block]',
  '"h-0": ',
  '"0-0": ',
  '"data": ',
  'import X from "y"\n',
  '<Tabs>',
  '</Tabs>',
  'Section: Class 22 - Data Exception\n',
  '22012    E    ERRCODE_DIVISION_BY_ZERO    division_by_zero\n',
  'start-error-number 1000\n',
  'reserved-error-section 5000 5999\n',
  'ER_NO\n',
  'OBSOLETE_ER_X 42000\n',
  '        eng "',
  '        ger "',
  '%s',
  '%-.64s',
  '%d',
  '%%',
  '\\"',
  '1001',
  '-1',
  '0x1F',
  '2xxx',
  '100300 ~ 100329',
  '12000 - 12175',
  '404',
  '200 (OK)',
  'invalid_request',
  'ERROR_BAD_TOKEN',
  'Not Found',
  'Invalid request parameters',
  'code,message\n',
  '[{"code": ',
  '{"message": "',
  'null',
  'true',
  '1e9999',
  '\u0000',
  '\uFEFF',
  '\u00a0',
  '😀',
  '错误码',
]

const soup = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })), { maxLength: 300 })
  .map((parts) => parts.join(''))

function runFuzz(importer: Importer): Done {
  const format = importer.format
  let parses = 0
  const check = (input: string) => {
    parentPort!.postMessage({ kind: 'progress', input } satisfies Progress)
    const started = performance.now()
    const score = importer.detect(input)
    assert.ok(Number.isFinite(score) && score >= 0, `detect() returned ${score}`)
    const page = importer.parse(input)
    const elapsed = performance.now() - started
    parses++
    assert.ok(elapsed < PARSE_BOUND_MS, `detect + parse took ${Math.round(elapsed)} ms`)
    checkPage(page, input)
  }
  // The counterexample may be a whole page: say what failed, and where the input starts.
  const failure = (
    name: string,
    details: { errorInstance: unknown; seed: number; counterexamplePath: string | null },
    input: string,
  ) => {
    const error =
      details.errorInstance instanceof Error
        ? details.errorInstance.message
        : String(details.errorInstance)
    return `${name}: ${error.slice(0, 500)}\n(seed ${details.seed}, path "${details.counterexamplePath}") on ${input.length} characters starting ${JSON.stringify(input.slice(0, 300))}`
  }
  const arbitrary = fc.check(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), check),
    fuzz(RUNS.arbitrary),
  )
  if (arbitrary.failed)
    return {
      kind: 'done',
      format,
      parses,
      failure: failure('arbitrary text', arbitrary, arbitrary.counterexample![0]),
    }
  const tokens = fc.check(fc.property(soup, check), fuzz(RUNS.soup))
  if (tokens.failed)
    return {
      kind: 'done',
      format,
      parses,
      failure: failure('token soup', tokens, tokens.counterexample![0]),
    }
  const mutated = fc.check(
    fc.property(
      fc.constantFrom(...inputs()),
      fc.array(mutation(TOKENS), { minLength: 1, maxLength: 6 }),
      (text, ms) => check(mutate(text, ms)),
    ),
    fuzz(RUNS.mutated),
  )
  if (mutated.failed) {
    const [text, ms] = mutated.counterexample!
    return {
      kind: 'done',
      format,
      parses,
      failure: failure('mutated pages', mutated, mutate(text, ms)),
    }
  }
  return { kind: 'done', format, parses }
}

/** What every PageImport promises: rows with codes, lines inside the input, groups that exist. */
function checkPage(page: PageImport, input: string): void {
  const lines = input.split(/\r\n|\r|\n/).length
  const inside = (line: number) => Number.isInteger(line) && line >= 1 && line <= lines
  assert.equal(typeof page.format, 'string')
  for (const row of page.rows) {
    assert.ok(
      typeof row.code === 'string' && row.code.trim() !== '',
      `row without a code: ${JSON.stringify(row)}`,
    )
    assert.ok(inside(row.line), `row line ${row.line} outside 1..${lines}`)
    if (row.group !== undefined)
      assert.ok(page.groups[row.group], `row group ${row.group} does not exist`)
  }
  for (const group of page.groups)
    assert.ok(inside(group.line), `group line ${group.line} outside 1..${lines}`)
  for (const note of page.notes)
    assert.ok(inside(note.line), `note line ${note.line} outside 1..${lines}`)
}

// Declarations above are initialised by now: the worker may start fuzzing.
if (isMainThread) {
  // Two workers, one per core, each taking every other importer.
  const formats = importers.map((i) => i.format)
  const results = new Map([
    ...fuzzInWorker(formats.filter((_, i) => i % 2 === 0)),
    ...fuzzInWorker(formats.filter((_, i) => i % 2 === 1)),
  ])
  describe('importers never crash or hang, whatever the input', () => {
    for (const format of formats) {
      it(format, async () => {
        const result = await results.get(format)!
        assert.equal(result.failure, undefined, result.failure)
        assert.ok(result.parses >= (RUNS.arbitrary + RUNS.soup + RUNS.mutated) * FUZZ_SCALE)
      })
    }
  })
} else {
  for (const format of workerData as string[]) {
    const importer = importers.find((i) => i.format === format)!
    parentPort!.postMessage(runFuzz(importer))
  }
}
