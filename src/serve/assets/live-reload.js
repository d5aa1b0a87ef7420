// errcat serve: keeps an open docs page in step with the catalog. The server
// tells it over Server-Sent Events which build it serves; a page of another
// build reloads, and a catalog that cannot be loaded shows as a banner until
// the next good build. Served as an external file because the pages' CSP
// allows no inline script or style; text reaches the page through
// textContent only.
;(() => {
  const EVENTS = '/__errcat/events'
  const STYLESHEET = '/__errcat/live-reload.css'
  const BANNER_ID = 'errcat-live-error'
  const meta = document.querySelector('meta[name="errcat-build"]')
  const pageBuild = meta ? meta.getAttribute('content') : null

  function ensureStylesheet() {
    if (document.querySelector(`link[href="${STYLESHEET}"]`)) return
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.href = STYLESHEET
    document.head.append(link)
  }

  function hideBanner() {
    const banner = document.getElementById(BANNER_ID)
    if (banner) banner.remove()
  }

  function showBanner(problem) {
    ensureStylesheet()
    let banner = document.getElementById(BANNER_ID)
    if (!banner) {
      banner = document.createElement('aside')
      banner.id = BANNER_ID
      banner.setAttribute('role', 'alert')
      document.body.append(banner)
    }
    const title = document.createElement('p')
    title.className = 'errcat-live-title'
    title.textContent = String(problem.title || 'The catalog cannot be loaded.')
    const list = document.createElement('ul')
    for (const line of Array.isArray(problem.findings) ? problem.findings : []) {
      const item = document.createElement('li')
      item.textContent = String(line)
      list.append(item)
    }
    banner.replaceChildren(title, list)
    if (problem.more > 0) {
      const more = document.createElement('p')
      more.textContent = `… and ${problem.more} more (see the terminal).`
      banner.append(more)
    }
  }

  function onBuild(event) {
    let build
    try {
      build = JSON.parse(event.data).build
    } catch {
      return
    }
    if (pageBuild !== null && build !== pageBuild) location.reload()
    else hideBanner()
  }

  function onCatalogError(event) {
    try {
      showBanner(JSON.parse(event.data))
    } catch {
      showBanner({})
    }
  }

  if (typeof EventSource !== 'function') return
  const events = new EventSource(EVENTS)
  // `build` comes on every (re)connection, `reload` after each good rebuild.
  events.addEventListener('build', onBuild)
  events.addEventListener('reload', onBuild)
  events.addEventListener('catalog-error', onCatalogError)
  // EventSource reconnects by itself when the server restarts; nothing to do here.
  window.addEventListener('pagehide', () => events.close())
})()
