// Helpers for tests that act like a user's project: a temporary folder whose
// node_modules/errcat links to this repository (and @errcat/runtime to its
// runtime package), so generated modules import `@errcat/runtime` through the package's own exports (with the errcat-source
// condition, which maps it to src/).
import { spawnSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cliArgs } from '../cli-command.ts'

export const REPO = fileURLToPath(new URL('../../', import.meta.url))
export const SHOP_FIXTURE = join(REPO, 'test/build/fixtures/shop')

export interface Project {
  dir: string
  path(...parts: string[]): string
  write(name: string, text: string): Promise<string>
  remove(): Promise<void>
}

export async function createProject(): Promise<Project> {
  const dir = await mkdtemp(join(tmpdir(), 'errcat-test-'))
  await mkdir(join(dir, 'node_modules'))
  await symlink(REPO, join(dir, 'node_modules', 'errcat'), 'dir')
  // Generated modules import the runtime package, which a project installs beside the CLI.
  await mkdir(join(dir, 'node_modules', '@errcat'))
  await symlink(
    join(REPO, 'packages', 'runtime'),
    join(dir, 'node_modules', '@errcat', 'runtime'),
    'dir',
  )
  await writeFile(join(dir, 'package.json'), '{ "type": "module", "private": true }\n')
  return {
    dir,
    path: (...parts) => join(dir, ...parts),
    async write(name, text) {
      const file = join(dir, name)
      await writeFile(file, text)
      return file
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}

/** Copies the shop fixture catalog (and its locale files) into the project. */
export async function copyShopCatalog(project: Project): Promise<string> {
  await cp(SHOP_FIXTURE, project.dir, { recursive: true })
  return project.path('errors.yaml')
}

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the errcat CLI as a child process, in the repository folder. */
export function runCli(args: string[]): CliResult {
  const result = spawnSync(process.execPath, cliArgs(args), {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
