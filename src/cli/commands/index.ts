import type { Command } from 'commander'
import { buildCommand } from './build.ts'
import { checkCommand } from './check.ts'
import { diffCommand } from './diff.ts'
import { explainCommand } from './explain.ts'
import { importCommand } from './import.ts'
import { initCommand } from './init.ts'
import { serveCommand } from './serve.ts'

export function registerCommands(program: Command): void {
  for (const command of [
    buildCommand(),
    checkCommand(),
    diffCommand(),
    explainCommand(),
    importCommand(),
    initCommand(),
    serveCommand(),
  ]) {
    // Subcommands built with `new Command` must copy exitOverride and output
    // settings explicitly, or commander would call process.exit itself.
    program.addCommand(command.copyInheritedSettings(program))
  }
}
