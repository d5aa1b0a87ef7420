// Messages quote catalog text, which may hold anything: the GitHub and
// Markdown formats must keep it from breaking a workflow command or a table.
import assert from 'node:assert/strict'
import { it } from 'node:test'
import type { Change, DiffResult } from '../change.ts'
import { formatGithub } from './github.ts'
import { formatMarkdown } from './markdown.ts'

const change: Change = {
  rule: 'message-reworded',
  kind: 'compatible',
  message: 'the message of A became "50% off | now\nsecond line"',
  hint: 'Nothing to do.',
  error: 'A',
  file: 'dir,with:odd/errors.yaml',
  line: 3,
  column: 5,
}
const result: DiffResult = { breaking: [], compatible: [change], semver: 'patch' }

it('github: escapes data and properties as workflow commands require', () => {
  const [line] = formatGithub(result).split('\n')
  assert.equal(
    line,
    '::notice file=dir%2Cwith%3Aodd/errors.yaml,line=3,col=5,title=errcat diff%3A message-reworded::the message of A became "50%25 off | now%0Asecond line"',
  )
})

it('markdown: a message cannot end its table cell or row', () => {
  const row = formatMarkdown(result)
    .split('\n')
    .find((l) => l.includes('message-reworded'))
  assert.equal(
    row,
    '| `dir,with:odd/errors.yaml:3` | `message-reworded` | `A` | the message of A became "50% off \\| now second line" |',
  )
})
