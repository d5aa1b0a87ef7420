#!/usr/bin/env node
// The `errcat` command. Each command lives in ./commands; this file wires
// them into commander and maps failures to exit codes (2: misuse or a catalog
// that cannot be loaded), never to a stack trace.
import { Command, CommanderError } from 'commander'
import { version } from '../version.ts'
import { registerCommands } from './commands/index.ts'
import { CliError } from './errors.ts'

export async function run(argv: string[]): Promise<number> {
  const program = new Command('errcat')
    .description(
      'API error codes as a contract: import, lint, diff, explain and generate code from an error catalog.',
    )
    .version(version, '-v, --version', 'print the errcat version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .option(
      '--allow-outside',
      "let a catalog's `include` reach files outside its folder (only for catalogs you trust)",
    )
    .hook('preAction', (command) => {
      // The loader reads it from the environment, so every command and `serve`'s rebuilds agree.
      if (command.opts().allowOutside) process.env.ERRCAT_ALLOW_OUTSIDE = '1'
    })
  registerCommands(program)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return Number(process.exitCode ?? 0)
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return 0
      return 2
    }
    if (error instanceof CliError) {
      process.stderr.write(`errcat: ${error.message}\n`)
      if (error.hint) process.stderr.write(`hint: ${error.hint}\n`)
      return error.exitCode
    }
    // A bug of ours: say so plainly, keep the detail one flag away.
    const detail = error instanceof Error ? error.message : String(error)
    process.stderr.write(`errcat: internal error: ${detail}\n`)
    process.stderr.write(
      'Please report it with the command you ran. Set ERRCAT_DEBUG=1 to see the stack.\n',
    )
    if (process.env.ERRCAT_DEBUG) console.error(error)
    return 70
  }
}

const code = await run(process.argv.slice(2))
process.exitCode = code
