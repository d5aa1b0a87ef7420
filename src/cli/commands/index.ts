import type { Command } from 'commander'
import { checkCommand } from './check.ts'

export function registerCommands(program: Command): void {
  for (const command of [checkCommand()]) {
    // Subcommands built with `new Command` must copy exitOverride and output
    // settings explicitly, or commander would call process.exit itself.
    program.addCommand(command.copyInheritedSettings(program))
  }
}
