/** An expected failure of a command: printed as one message, never a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
    readonly hint?: string,
  ) {
    super(message)
  }
}
