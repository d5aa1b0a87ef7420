// errcat docs: search and filters over the prebuilt index, links to errors on
// other pages, copy buttons, the theme and locale switches. The page works
// without this script; it only adds to it. Catalog text reaches the page
// through textContent only, never as HTML.
;(() => {
  const body = document.body
  const byId = (id) => document.getElementById(id)
  const query = byId('q')
  const filters = { status: byId('f-status'), group: byId('f-group'), life: byId('f-life') }
  const results = byId('results')
  const all = byId('all')
  const count = byId('result-count')
  const localeRoot = body.dataset.localeRoot || ''
  const thisPage = body.dataset.page || 'index.html'
  const FIRST_RESULTS = 50
  const MORE_RESULTS = 200

  // Positions in the index rows (src/emit/docs/search-index.ts).
  const ID = 0
  const PAGE = 1
  const CODE = 2
  const KEY = 3
  const SYMBOL = 4
  const TITLE = 5
  const MESSAGE = 6
  const STATUS = 7
  const GROUP = 8
  const LIFE = 9

  // ── The index: loaded when the reader searches, or when the browser is idle ──
  let index
  let loading = false
  const waiting = []

  const normalize = (text) =>
    String(text)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()

  window.errcatSearchIndex = (data) => {
    const rows = data.errors
    const hay = new Array(rows.length)
    const ids = new Map()
    const exact = new Map()
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]
      const names = [r[CODE], r[KEY], r[SYMBOL]].filter((v) => v !== null).map(normalize)
      hay[i] =
        `${names.join(' ')} ${normalize(r[SYMBOL]).replace(/_/g, ' ')} ${normalize(r[TITLE])} ${normalize(r[MESSAGE])}`
      ids.set(r[ID], i)
      for (const name of names) if (!exact.has(name)) exact.set(name, i)
    }
    index = { ...data, hay, ids, exact }
    // For tests and benchmarks that measure searching, not loading.
    body.dataset.searchReady = 'true'
    for (const run of waiting.splice(0)) run(index)
  }

  function withIndex(run) {
    if (index) return run(index)
    waiting.push(run)
    if (loading) return
    loading = true
    const script = document.createElement('script')
    script.src = body.dataset.index
    script.onerror = () => {
      count.textContent = 'The search index could not be loaded.'
    }
    document.head.appendChild(script)
  }

  // ── Search ──
  let shown = FIRST_RESULTS

  function state() {
    return {
      q: query.value.trim(),
      status: filters.status?.value ?? '',
      group: filters.group?.value ?? '',
      life: filters.life?.value ?? '',
    }
  }

  const isEmpty = (s) => !s.q && !s.status && !s.group && !s.life

  // The last search, so that typing on searches only what still matched.
  let last = { filters: '', query: '', matches: [] }

  function search(ix, s) {
    const query = normalize(s.q).trim()
    const terms = query.split(/\s+/).filter(Boolean)
    const groupIndex = s.group ? ix.groups.findIndex((g) => g[0] === s.group) : -1
    const filters = `${s.status}|${s.group}|${s.life}`
    // A query that extends the last one can only match fewer errors: each of its terms
    // contains the matching term of the last query.
    const narrowing = filters === last.filters && last.query !== '' && query.startsWith(last.query)
    const candidates = narrowing ? last.matches : null
    const count = candidates ? candidates.length : ix.errors.length
    const matches = []
    for (let n = 0; n < count; n++) {
      const i = candidates ? candidates[n] : n
      const r = ix.errors[i]
      if (s.status && String(r[STATUS]) !== s.status) continue
      if (s.group && r[GROUP] !== groupIndex) continue
      if (s.life && r[LIFE] !== s.life) continue
      const hay = ix.hay[i]
      let all = true
      for (const term of terms)
        if (!hay.includes(term)) {
          all = false
          break
        }
      if (all) matches.push(i)
    }
    last = { filters, query, matches }
    // The error whose code, key or symbol is the query comes first; then catalog order.
    const ordered = matches.slice()
    const first = terms.length === 1 ? ix.exact.get(terms[0]) : undefined
    if (first !== undefined) {
      const at = ordered.indexOf(first)
      if (at > 0) ordered.unshift(...ordered.splice(at, 1))
    }
    return ordered
  }

  function update(resetShown) {
    const s = state()
    if (resetShown) shown = FIRST_RESULTS
    writeUrl(s)
    if (isEmpty(s)) {
      results.hidden = true
      results.replaceChildren()
      all.hidden = false
      count.textContent = ''
      return
    }
    withIndex((ix) => {
      // The reader may have typed on while the index loaded.
      if (JSON.stringify(state()) !== JSON.stringify(s)) return
      render(ix, search(ix, s))
    })
  }

  function render(ix, matches) {
    all.hidden = true
    results.hidden = false
    const n = matches.length
    count.textContent =
      n === 0 ? 'No error matches.' : `${n} error${n === 1 ? '' : 's'} match${n === 1 ? 'es' : ''}.`
    const list = document.createElement('ol')
    list.className = 'result-list'
    for (const i of matches.slice(0, shown)) list.appendChild(resultItem(ix, ix.errors[i]))
    const children = [list]
    if (n > shown) {
      const more = document.createElement('button')
      more.type = 'button'
      more.className = 'more'
      more.textContent = `Show ${Math.min(MORE_RESULTS, n - shown)} more of ${n - shown}`
      more.addEventListener('click', () => {
        shown += MORE_RESULTS
        render(ix, matches)
      })
      children.push(more)
    }
    results.replaceChildren(...children)
  }

  /** The error's card when it is on this page (a copy without ids), else a summary row linking to it. */
  function resultItem(ix, r) {
    const item = document.createElement('li')
    const card = ix.pages[r[PAGE]] === thisPage ? byId(r[ID]) : null
    if (card) {
      const copy = card.cloneNode(true)
      copy.setAttribute(
        'aria-label',
        card.querySelector('h3')?.textContent?.replace(/^#/, '') ?? '',
      )
      copy.removeAttribute('aria-labelledby')
      for (const el of [copy, ...copy.querySelectorAll('[id]')]) el.removeAttribute('id')
      item.appendChild(copy)
      return item
    }
    item.className = 'result-row'
    const link = document.createElement('a')
    link.href = hrefOf(ix, r)
    const ids = [r[CODE], r[KEY]].filter((v) => v !== null)
    for (const id of ids) {
      const code = document.createElement('code')
      code.textContent = String(id)
      link.append(code, ' ')
    }
    link.append(r[TITLE])
    const status = document.createElement('span')
    status.className = `status s${String(r[STATUS])[0]}xx`
    status.textContent = ` ${r[STATUS]}`
    const message = document.createElement('p')
    message.textContent = r[MESSAGE]
    item.append(link, status, message)
    return item
  }

  function hrefOf(ix, r) {
    const page = ix.pages[r[PAGE]]
    return `${page === thisPage ? '' : localeRoot + page}#${encodeURIComponent(r[ID])}`
  }

  // ── The URL holds the search, so a search can be shared ──
  function writeUrl(s) {
    const params = new URLSearchParams()
    for (const [name, value] of Object.entries(s)) if (value) params.set(name, value)
    const search = params.toString()
    const url = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`
    try {
      history.replaceState(history.state, '', url)
    } catch {
      // Some file:// setups refuse URL changes; the search still works.
    }
  }

  function readUrl() {
    const params = new URLSearchParams(location.search)
    query.value = params.get('q') ?? ''
    for (const [name, select] of Object.entries(filters)) {
      if (!select) continue
      const value = params.get(name) ?? ''
      if ([...select.options].some((o) => o.value === value)) select.value = value
    }
  }

  function clearSearch() {
    query.value = ''
    for (const select of Object.values(filters)) if (select) select.value = ''
    update(true)
  }

  // ── #anchor links: scroll to the error, or forward to the page that holds it ──
  function goToHash() {
    const id = decodeURIComponent(location.hash.slice(1))
    if (!id) return
    const target = byId(id)
    if (target) {
      if (all.hidden && all.contains(target)) clearSearch()
      target.scrollIntoView()
      return
    }
    withIndex((ix) => {
      const i = ix.ids.get(id)
      if (i === undefined) return
      const page = ix.pages[ix.errors[i][PAGE]]
      if (page !== thisPage)
        location.replace(`${localeRoot}${page}${location.search}#${encodeURIComponent(id)}`)
    })
  }

  // ── Theme ──
  const themeButton = byId('theme')
  const THEMES = ['auto', 'light', 'dark']
  function showTheme() {
    const theme = document.documentElement.dataset.theme || 'auto'
    themeButton.textContent = `Theme: ${theme}`
    themeButton.title =
      theme === 'auto'
        ? 'The colour theme follows the system. Click to change.'
        : 'Click to change the colour theme.'
  }
  if (themeButton) {
    themeButton.hidden = false
    showTheme()
    themeButton.addEventListener('click', () => {
      const current = document.documentElement.dataset.theme || 'auto'
      const next = THEMES[(THEMES.indexOf(current) + 1) % THEMES.length]
      if (next === 'auto') delete document.documentElement.dataset.theme
      else document.documentElement.dataset.theme = next
      try {
        if (next === 'auto') localStorage.removeItem('errcat-theme')
        else localStorage.setItem('errcat-theme', next)
      } catch {
        // The choice lasts for this page only.
      }
      showTheme()
    })
  }

  // ── Copy buttons (also on cards copied into the results) ──
  async function copy(button) {
    const text = button.parentElement?.querySelector('pre')?.textContent ?? ''
    let done = false
    try {
      await navigator.clipboard.writeText(text)
      done = true
    } catch {
      const range = document.createRange()
      const pre = button.parentElement?.querySelector('pre')
      if (pre) {
        range.selectNodeContents(pre)
        const selection = getSelection()
        selection?.removeAllRanges()
        selection?.addRange(range)
        done = document.execCommand('copy')
      }
    }
    button.textContent = done ? 'Copied' : 'Press Ctrl+C'
    setTimeout(() => {
      button.textContent = 'Copy'
    }, 2000)
  }

  document.addEventListener('click', (event) => {
    const target = event.target
    if (!(target instanceof Element)) return
    const button = target.closest('button.copy')
    if (button) return void copy(button)
    // The same error in another language: keep the search and the anchor.
    const localeLink = target.closest('a[data-locale-link]')
    if (localeLink instanceof HTMLAnchorElement) {
      localeLink.href = `${localeLink.href.split(/[?#]/, 1)[0]}${location.search}${location.hash}`
    }
  })

  // ── Wiring ──
  query.addEventListener('input', () => update(true))
  for (const select of Object.values(filters))
    select?.addEventListener('change', () => update(true))
  query.form?.addEventListener('submit', (event) => {
    event.preventDefault()
    update(true)
  })
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
    const active = document.activeElement
    if (
      active &&
      (active.tagName === 'INPUT' || active.tagName === 'SELECT' || active.tagName === 'TEXTAREA')
    )
      return
    event.preventDefault()
    query.focus()
  })
  window.addEventListener('hashchange', goToHash)

  readUrl()
  if (!isEmpty(state())) update(false)
  goToHash()
  // Load the index ahead of the first keystroke, without competing with the first paint.
  const idle = window.requestIdleCallback ?? ((run) => setTimeout(run, 200))
  idle(() => withIndex(() => {}))
})()
