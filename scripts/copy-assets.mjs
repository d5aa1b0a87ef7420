#!/usr/bin/env node
// tsc compiles src/ to dist/ but copies nothing else: the files generators
// read at run time (the docs site's stylesheet and scripts) are copied here,
// from every `assets/` folder under src/ to the same place under dist/.
import { cpSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    const path = join(dir, entry.name)
    if (entry.name === 'assets') cpSync(path, path.replace(/^src/, 'dist'), { recursive: true })
    else copyAssets(path)
  }
}

copyAssets('src')
