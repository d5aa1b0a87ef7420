// The docs site of one build, held in memory: exactly the files `errcat build
// --target docs` would write, looked up by URL path. Nothing else is served,
// so no request can reach the file system, however its path is spelled.
import { createHash } from 'node:crypto'
import { extname } from 'node:path'
import type { OutputFile } from '../emit/targets.ts'

export interface SiteFile {
  body: Buffer
  contentType: string
  /** A strong validator of `body`, quoted as the ETag header wants it. */
  etag: string
}

export interface Site {
  /** A hash of the generated files: a page compares it with its own to know it is stale. */
  id: string
  /** The site paths (`index.html`, `ja/index.html`, `assets/docs.js`, …), in build order. */
  paths: readonly string[]
  files: ReadonlyMap<string, SiteFile>
}

export type Lookup =
  | { kind: 'file'; file: SiteFile }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' }

/** The script every page loads in serve mode (an external file: the pages' CSP forbids inline ones). */
export const LIVE_RELOAD_SCRIPT = '/__errcat/live-reload.js'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/**
 * The site of `files`. With `liveReload`, each HTML page also names its build
 * (a meta tag) and loads the live-reload script; the files of `errcat build`
 * carry neither.
 */
export function createSite(files: readonly OutputFile[], options: { liveReload: boolean }): Site {
  const bodies = files.map((f) => ({ path: f.path, body: Buffer.from(f.content) }))
  const hash = createHash('sha256')
  for (const { path, body } of bodies) hash.update(`${path}\0${body.length}\0`).update(body)
  const id = hash.digest('base64url').slice(0, 16)
  const served = new Map<string, SiteFile>()
  for (const { path, body } of bodies) {
    const contentType = contentTypeOf(path)
    const withScript =
      options.liveReload && contentType.startsWith('text/html') ? injectLiveReload(body, id) : body
    served.set(path, { body: withScript, contentType, etag: etagOf(withScript) })
  }
  return { id, paths: bodies.map((b) => b.path), files: served }
}

function injectLiveReload(html: Buffer, id: string): Buffer {
  const text = html.toString('utf8')
  const meta = `<meta name="errcat-build" content="${id}">\n`
  const script = `<script src="${LIVE_RELOAD_SCRIPT}"></script>\n`
  // At the end of the body, so that the script finds the page it decorates.
  const withMeta = insertBefore(text, '</head>', meta)
  return Buffer.from(insertBefore(withMeta, '</body>', script))
}

function insertBefore(text: string, marker: string, insert: string): string {
  const at = text.lastIndexOf(marker)
  return at === -1 ? text + insert : text.slice(0, at) + insert + text.slice(at)
}

// Encoded separators and dots are refused before decoding, so that no
// spelling of a path can mean anything but its plain segments.
const ENCODED_SEPARATOR = /%(?:2f|5c|2e|00)/i

/**
 * What a request target (`/ja/?x=1`, as it came on the request line) names in
 * the site: a file, a folder to redirect to with its trailing slash (so that
 * the page's relative links work), or nothing. `..`, `.`, empty segments,
 * backslashes and encoded separators name nothing.
 */
export function lookup(site: Site, target: string): Lookup {
  if (!target.startsWith('/')) return { kind: 'missing' }
  const queryAt = target.search(/[?#]/)
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt)
  const path = safeDecode(rawPath)
  if (path === undefined) return { kind: 'missing' }
  if (path === '/') return fileAt(site, 'index.html')
  const segments = path.slice(1).split('/')
  const folder = segments.at(-1) === ''
  if (folder) segments.pop()
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return { kind: 'missing' }
  const key = segments.join('/')
  if (folder) return fileAt(site, `${key}/index.html`)
  const file = site.files.get(key)
  if (file) return { kind: 'file', file }
  if (site.files.has(`${key}/index.html`))
    return {
      kind: 'redirect',
      location: `${rawPath}/${queryAt === -1 ? '' : target.slice(queryAt)}`,
    }
  return { kind: 'missing' }
}

function fileAt(site: Site, key: string): Lookup {
  const file = site.files.get(key)
  return file ? { kind: 'file', file } : { kind: 'missing' }
}

function safeDecode(rawPath: string): string | undefined {
  if (ENCODED_SEPARATOR.test(rawPath) || rawPath.includes('\\')) return undefined
  try {
    return decodeURIComponent(rawPath)
  } catch {
    return undefined
  }
}
