import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { detectFormat, importerFor } from './detect.ts'

const SEEDS = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url))
const seed = (name: string) => readFileSync(`${SEEDS}${name}`, 'utf8')

describe('detectFormat', () => {
  it('reads the seeds by content: all are .txt', () => {
    assert.equal(detectFormat(seed('000_1307ca0379bd57f0.txt'))?.importer.format, 'html')
    assert.equal(detectFormat(seed('001_f61eb87d00d9bc22.txt'))?.importer.format, 'text-columns')
    assert.equal(detectFormat(seed('002_0f098ae85f5c511a.txt'))?.importer.format, 'readme-blocks')
    assert.equal(detectFormat(seed('003_b6041020057ff39e.txt'))?.importer.format, 'text-columns')
    assert.equal(detectFormat(seed('004_327a37d0f8266f11.txt'))?.importer.format, 'markdown')
  })
  it('recognises nothing in empty, binary or structureless text', () => {
    assert.equal(detectFormat(''), undefined)
    assert.equal(detectFormat('\u0000\u0001binary'), undefined)
    assert.equal(detectFormat('Just one sentence of prose.'), undefined)
  })
  it('finds importers by format name', () => {
    assert.equal(importerFor('markdown')?.format, 'markdown')
    assert.equal(importerFor('nope'), undefined)
  })
})

describe('format names', () => {
  it('lists every importer, in detection order, without loading them', async () => {
    const { FORMAT_NAMES } = await import('./format-names.ts')
    const { importers } = await import('./importers.ts')
    assert.deepEqual(
      FORMAT_NAMES,
      importers.map((i) => i.format),
    )
  })
})
