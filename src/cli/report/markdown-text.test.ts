import assert from 'node:assert/strict'
import { it } from 'node:test'
import { markdownToText } from './markdown-text.ts'
import { createStyle } from './style.ts'

it('reads like the rendered page: no markup, links keep their URL', () => {
  const text = markdownToText(
    [
      '## Why',
      '',
      'The **card** was _declined_. See [payments](https://example.com/p) or <https://example.com>.',
      '',
      '1. Check the card.',
      '2. Retry with `another_card`.',
      '',
      '- [x] done',
      '',
      '> Note: test cards never pass.',
      '',
      '```json',
      '{ "code": 3001 }',
      '```',
    ].join('\n'),
  )
  assert.equal(
    text,
    [
      'Why',
      '',
      'The card was declined. See payments (https://example.com/p) or https://example.com.',
      '',
      '1. Check the card.',
      '2. Retry with `another_card`.',
      '',
      '- [x] done',
      '',
      '> Note: test cards never pass.',
      '',
      '    { "code": 3001 }',
    ].join('\n'),
  )
})

it('lays out tables in aligned columns', () => {
  const text = markdownToText('| Plan | Limit |\n|---|---|\n| free | 100 |\n| enterprise | 10000 |')
  assert.equal(
    text,
    ['Plan        Limit', '----------  -----', 'free        100', 'enterprise  10000'].join('\n'),
  )
})

it('uses bold only when colour is on', () => {
  assert.equal(markdownToText('**Stop**', createStyle(true)), '\x1b[1mStop\x1b[22m')
})
