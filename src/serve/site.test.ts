import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { contentTypeOf, createSite, LIVE_RELOAD_SCRIPT, lookup, type Site } from './site.ts'

const PAGE = '<!doctype html>\n<html><head><title>x</title></head><body><p>hi</p></body></html>\n'
const FILES = [
  { path: 'index.html', content: PAGE },
  { path: 'ja/index.html', content: PAGE.replace('hi', 'こんにちは') },
  { path: 'groups/auth.html', content: PAGE },
  { path: 'assets/docs.js', content: 'console.log(1)\n' },
  { path: 'assets/docs.css', content: 'body{}\n' },
  { path: 'search-index.js', content: 'window.x=1\n' },
]

function pathOf(site: Site, target: string): string | undefined {
  const found = lookup(site, target)
  if (found.kind !== 'file') return undefined
  return [...site.files].find(([, file]) => file === found.file)?.[0]
}

describe('the in-memory docs site', () => {
  const site = createSite(FILES, { liveReload: false })

  it('serves the built files by path, and index.html for / and folders', () => {
    assert.equal(pathOf(site, '/'), 'index.html')
    assert.equal(pathOf(site, '/index.html'), 'index.html')
    assert.equal(pathOf(site, '/?q=1'), 'index.html')
    assert.equal(pathOf(site, '/ja/'), 'ja/index.html')
    assert.equal(pathOf(site, '/ja/index.html#top'), 'ja/index.html')
    assert.equal(pathOf(site, '/groups/auth.html'), 'groups/auth.html')
    assert.equal(pathOf(site, '/assets/docs.js'), 'assets/docs.js')
    assert.equal(pathOf(site, '/search-index.js'), 'search-index.js')
  })

  it('redirects a folder without its slash, so that relative links resolve', () => {
    assert.deepEqual(lookup(site, '/ja'), { kind: 'redirect', location: '/ja/' })
    assert.deepEqual(lookup(site, '/ja?x=1'), { kind: 'redirect', location: '/ja/?x=1' })
  })

  it('finds nothing outside the built files, however the path is spelled', () => {
    for (const target of [
      '/../package.json',
      '/ja/../index.html',
      '/./index.html',
      '/%2e%2e/package.json',
      '/%2E%2E/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fpackage.json',
      '/ja%2findex.html',
      '/assets%5cdocs.js',
      '/assets\\docs.js',
      '//index.html',
      '/index.html%00.js',
      '/%E0%A4%A',
      '/etc/passwd',
      '/src/cli/main.ts',
      '/groups/',
      '/assets/',
      '/assets',
      'index.html',
      'http://evil.example/index.html',
      '*',
    ])
      assert.deepEqual(lookup(site, target), { kind: 'missing' }, target)
  })

  it('gives each file its content type, with a charset for text', () => {
    assert.equal(contentTypeOf('a/index.html'), 'text/html; charset=utf-8')
    assert.equal(contentTypeOf('assets/docs.js'), 'text/javascript; charset=utf-8')
    assert.equal(contentTypeOf('assets/docs.css'), 'text/css; charset=utf-8')
    assert.equal(contentTypeOf('openapi.json'), 'application/json')
    assert.equal(contentTypeOf('x.unknown'), 'application/octet-stream')
  })

  it('keeps the files byte for byte without live reload', () => {
    for (const { path, content } of FILES)
      assert.equal(site.files.get(path)!.body.toString('utf8'), content, path)
  })

  it('adds the build and the live-reload script to HTML pages only, in serve mode', () => {
    const live = createSite(FILES, { liveReload: true })
    assert.equal(live.id, site.id, 'the id is of the generated files, not of what is served')
    const html = live.files.get('ja/index.html')!.body.toString('utf8')
    assert.equal(
      html,
      PAGE.replace('hi', 'こんにちは')
        .replace('</head>', `<meta name="errcat-build" content="${live.id}">\n</head>`)
        .replace('</body>', `<script src="${LIVE_RELOAD_SCRIPT}"></script>\n</body>`),
    )
    assert.equal(live.files.get('assets/docs.js')!.body.toString('utf8'), 'console.log(1)\n')
    assert.notEqual(live.files.get('index.html')!.etag, site.files.get('index.html')!.etag)
  })

  it('changes its id and ETags when a file changes', () => {
    const changed = createSite(
      FILES.map((f) => (f.path === 'index.html' ? { ...f, content: PAGE.replace('hi', 'ho') } : f)),
      { liveReload: false },
    )
    assert.notEqual(changed.id, site.id)
    assert.notEqual(changed.files.get('index.html')!.etag, site.files.get('index.html')!.etag)
    assert.equal(changed.files.get('assets/docs.js')!.etag, site.files.get('assets/docs.js')!.etag)
  })
})
