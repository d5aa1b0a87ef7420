// Format detection reads the content, never the file name: the seeds are all
// `.txt`, Qencode's HTML table sits in a Markdown file, and readme.io exports
// end in `.md`. Each importer scores the text; the highest score wins, ties
// go to the earlier importer in the registry.

import type { Importer } from '../find/page.ts'
import { looksBinary } from '../find/text.ts'
import { importers as registry } from './importers.ts'

export interface Detection {
  importer: Importer
  score: number
}

/** The importer most sure of the text, or undefined when none recognises it. */
export function detectFormat(
  text: string,
  importers: readonly Importer[] = registry,
): Detection | undefined {
  if (looksBinary(text) || text.trim() === '') return undefined
  let best: Detection | undefined
  for (const importer of importers) {
    let score = 0
    try {
      score = importer.detect(text)
    } catch {
      // A detector that fails on odd input just does not claim it.
      score = 0
    }
    if (score > 0 && (!best || score > best.score)) best = { importer, score }
  }
  return best
}

/** Every importer's score for the text, highest first (ties in registry order): why one was chosen. */
export function scoreFormats(
  text: string,
  importers: readonly Importer[] = registry,
): { format: string; score: number }[] {
  if (looksBinary(text) || text.trim() === '') return []
  const scores = importers.map((importer, order) => {
    let score = 0
    try {
      score = importer.detect(text)
    } catch {
      score = 0
    }
    return { format: importer.format, score, order }
  })
  scores.sort((a, b) => b.score - a.score || a.order - b.order)
  return scores.map(({ format, score }) => ({ format, score }))
}

/** The importer registered for a format name (`--from`). */
export function importerFor(
  format: string,
  importers: readonly Importer[] = registry,
): Importer | undefined {
  return importers.find((i) => i.format === format)
}

/** Format names, for messages. */
export function formatNames(importers: readonly Importer[] = registry): string[] {
  return importers.map((i) => i.format)
}
