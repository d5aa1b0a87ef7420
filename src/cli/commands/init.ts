// `errcat init [FILE]`: writes a starter catalog (errors.yaml). Asks for the
// API name and docs URL only when a person is at the terminal; in scripts
// and CI it asks nothing and uses the defaults. Never overwrites a file
// without --force.
import { readFile } from 'node:fs/promises'
import { createInterface } from 'node:readline/promises'
import { Command } from 'commander'
import { CliError } from '../errors.ts'
import { DEFAULT_CATALOG } from '../load-catalog.ts'
import { writeUserFile } from '../outputs.ts'
import type { StarterOptions } from '../starter-catalog.ts'

interface InitOptions {
  force?: boolean
  name?: string
  docs?: string
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The package name of the current folder, as the default API name. */
async function packageName(): Promise<string | undefined> {
  try {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { name?: unknown }
    return typeof pkg.name === 'string' && pkg.name ? pkg.name.replace(/^@[^/]+\//, '') : undefined
  } catch {
    return undefined
  }
}

async function ask(defaults: StarterOptions): Promise<StarterOptions> {
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  const cancel = new AbortController()
  rl.on('SIGINT', () => cancel.abort())
  let ended = false
  // Ctrl+D ends the questions: the rest take their defaults. Ctrl+C cancels.
  const question = async (prompt: string): Promise<string> => {
    if (ended) return ''
    try {
      return oneLine(await rl.question(prompt, { signal: cancel.signal }))
    } catch (error) {
      if (cancel.signal.aborted) throw new CliError('cancelled; nothing was written', 130)
      if ((error as NodeJS.ErrnoException).code !== 'ABORT_ERR') throw error
      ended = true
      process.stderr.write('\n')
      return ''
    }
  }
  try {
    const name = (await question(`API name (${defaults.name}): `)) || defaults.name
    const docs = (await question('Docs URL of the errors (none): ')) || defaults.docs
    return { name, ...(docs ? { docs } : {}) }
  } finally {
    rl.close()
  }
}

export function initCommand(): Command {
  return new Command('init')
    .description(
      'Write a starter catalog with three commented errors and the RFC 9457 envelope. Asks for the API name and docs URL when run at a terminal.',
    )
    .argument('[file]', 'the catalog to create', DEFAULT_CATALOG)
    .option('--name <name>', 'the API name (default: the package name, else "My API")')
    .option('--docs <url>', 'base URL of the error docs')
    .option('--force', 'overwrite the file if it exists')
    .action(async (file: string, options: InitOptions) => {
      const docs = options.docs === undefined ? undefined : oneLine(options.docs)
      let starter: StarterOptions = {
        name: oneLine(options.name ?? '') || (await packageName()) || 'My API',
        ...(docs ? { docs } : {}),
      }
      const interactive =
        process.stdin.isTTY && options.name === undefined && options.docs === undefined
      if (interactive) starter = await ask(starter)
      try {
        const { starterCatalog } = await import('../starter-catalog.ts')
        await writeUserFile(file, starterCatalog(starter), options.force ?? false)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EEXIST') {
          throw new CliError(
            `${file} already exists; nothing was written`,
            2,
            'Pass --force to replace it, or name another file: `errcat init other.yaml`.',
          )
        }
        throw new CliError(`cannot write ${file} (${code})`, 2)
      }
      process.stderr.write(
        `wrote ${file}: 3 errors to start from. Next: edit it, then run \`errcat check${file === DEFAULT_CATALOG ? '' : ` ${file}`}\`.\n`,
      )
    })
}
