// MDX pages that keep their tables in other files: `import Codes from
// './_codes.mdx'`, then `<Codes />` where the table belongs (Docusaurus
// partials, Mintlify snippets). The page itself is blanked of its ESM and JSX
// (mdx.ts), so without this the entries in the snippet are never seen: the
// reader of pages follows these imports and reads each snippet as a page.
import { codeFenceTracker } from './mdx.ts'

/** `import Name from './file.mdx'` (or `.md`), with a relative path. */
const DEFAULT_IMPORT = /^import\s+([A-Za-z_$][\w$]*)\s+from\s+(["'])(\.{1,2}\/[^"']+\.mdx?)\2/

export interface SnippetImport {
  /** The path as the page writes it, relative to the page's folder. */
  specifier: string
  /** 1-based line of the import. */
  line: number
}

/** The Markdown and MDX files a page imports and renders as a component, in page order. */
export function snippetImports(text: string): SnippetImport[] {
  const lines = text.split('\n')
  const imports: Array<SnippetImport & { name: string }> = []
  const used = new Set<string>()
  const inCode = codeFenceTracker()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (inCode(line)) continue
    const m = DEFAULT_IMPORT.exec(line)
    if (m) imports.push({ name: m[1]!, specifier: m[3]!, line: i + 1 })
    else for (const name of tagNames(line)) used.add(name)
  }
  return imports.filter((i) => used.has(i.name)).map(({ specifier, line }) => ({ specifier, line }))
}

/** The names of the JSX components a line opens (`<Codes />`, `<Codes>`), scanned once. */
function tagNames(line: string): string[] {
  const names: string[] = []
  let at = line.indexOf('<')
  while (at !== -1 && at + 1 < line.length) {
    let end = at + 1
    while (end < line.length && /[\w$.]/.test(line[end]!)) end++
    const name = line.slice(at + 1, end)
    if (/^[A-Z]/.test(name)) names.push(name)
    at = line.indexOf('<', end)
  }
  return names
}
