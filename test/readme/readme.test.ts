// The README's samples run: its catalog loads and checks clean, and every
// `npx errcat …` line of its shell blocks runs against that catalog with the
// exit code a reader would expect.
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { errcat, STACK_LINE } from '../cli/cli.ts'

const README = new URL('../../README.md', import.meta.url)

interface Block {
  lang: string
  text: string
}

function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = []
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm
  for (const match of markdown.matchAll(fence)) blocks.push({ lang: match[1]!, text: match[2]! })
  return blocks
}

let dir: string
let blocks: Block[]

before(async () => {
  blocks = fencedBlocks(await readFile(README, 'utf8'))
  dir = await mkdtemp(join(tmpdir(), 'errcat-readme-'))
  const catalog = blocks.find((b) => b.lang === 'yaml' && b.text.startsWith('# errors.yaml'))
  assert.ok(catalog, 'README has a yaml block starting with `# errors.yaml`')
  await writeFile(join(dir, 'errors.yaml'), catalog.text)
})
after(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('README', () => {
  test('the catalog sample checks clean', async () => {
    const run = await errcat(['check', 'errors.yaml'], { cwd: dir })
    assert.equal(run.code, 0, run.stdout + run.stderr)
    assert.match(run.stdout, /0 errors/)
  })

  test('every `npx errcat` command of the shell samples runs on it', async () => {
    const commands = blocks
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => b.text.split('\n'))
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line.startsWith('npx errcat '))
    assert.ok(commands.length >= 2, 'README shows errcat commands')
    for (const command of commands) {
      const args = command.slice('npx errcat '.length).split(/\s+/)
      const run = await errcat(args, { cwd: dir })
      assert.equal(run.code, 0, `${command}\n${run.stdout}${run.stderr}`)
      assert.doesNotMatch(run.stdout + run.stderr, STACK_LINE)
    }
  })
})
