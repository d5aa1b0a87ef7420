// Start-up of the published CLI (`node dist/cli/main.js`, built by `npm run
// build`), as hyperfine would measure it: wall time from spawn to exit, many
// runs after a few warm-up ones, the commands interleaved so that a busy
// moment of a shared machine falls on all of them, medians reported. Three
// commands: `node -e 0` (what Node itself costs), `errcat --version` (the CLI's
// own modules) and `errcat check` on a 12-error fixture (the loader and the
// linter too).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { median } from './median.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CLI = 'dist/cli/main.js'

const COMMANDS = {
  'node -e 0': ['-e', '0'],
  'errcat --version': [CLI, '--version'],
  'errcat check (shop, 12 errors)': [CLI, 'check', 'test/build/fixtures/shop/errors.yaml'],
} as const
type Command = keyof typeof COMMANDS

export interface CliStartupResult {
  name: 'cli-startup'
  runs: number
  /** Milliseconds, by command. */
  medianMs: Record<Command, number>
  minMs: Record<Command, number>
  /** Each command's median minus `node -e 0`'s: what errcat adds to Node's own start. */
  overNodeMs: Record<Command, number>
}

function once(args: readonly string[]): number {
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`)
  return ms
}

export async function run(options: { runs?: number } = {}): Promise<CliStartupResult> {
  const { runs = 40 } = options
  if (!existsSync(`${ROOT}/${CLI}`)) throw new Error(`${CLI} is missing: run \`npm run build\``)
  const names = Object.keys(COMMANDS) as Command[]
  for (const name of names) for (let i = 0; i < 3; i++) once(COMMANDS[name])
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<
    Command,
    number[]
  >
  for (let i = 0; i < runs; i++)
    for (const name of names.map((_, j) => names[(i + j) % names.length]!))
      times[name].push(once(COMMANDS[name]))
  const per = (f: (values: number[]) => number) =>
    Object.fromEntries(names.map((n) => [n, f(times[n])])) as Record<Command, number>
  const medianMs = per(median)
  return {
    name: 'cli-startup',
    runs,
    medianMs,
    minMs: per((values) => Math.min(...values)),
    overNodeMs: per((values) => median(values) - medianMs['node -e 0']),
  }
}

export function formatResult(result: CliStartupResult): string {
  return [
    `cli-startup: ${result.runs} runs each, interleaved, wall time from spawn to exit (node ${process.version})`,
    ...(Object.keys(result.medianMs) as Command[]).map(
      (name) =>
        `  ${name.padEnd(31)} median ${result.medianMs[name].toFixed(0).padStart(4)} ms  (min ${result.minMs[name].toFixed(0)} ms; +${result.overNodeMs[name].toFixed(0)} ms over node -e 0)`,
    ),
  ].join('\n')
}
