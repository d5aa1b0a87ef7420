// Runs the errcat CLI as a child process, in any folder (the catalogs of
// test/check, a temporary folder), the way a user runs it.
import { spawn } from 'node:child_process'
import { cliArgs } from '../cli-command.ts'

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

export function errcat(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgs(args), {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '', ERRCAT_DEBUG: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill(), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** A stack trace in output: a line like `    at fn (file:1:2)`. */
export const STACK_LINE = /^\s+at .+[:(]/m

/** Whether output holds terminal colour codes. */
export function hasColour(text: string): boolean {
  return text.includes('\x1b[')
}
