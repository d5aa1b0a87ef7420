// What `errcat serve` answers, by path: the mock under /mock, the live-reload
// stream and script under /__errcat (in watch mode), and the files of the
// docs site; every other path is a 404.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pathOf } from '@errcat/runtime/internal/request-errors'
import { CONTENT_SECURITY_POLICY } from '../emit/docs/page.ts'
import type { Build } from './build.ts'
import { corsHeaders, isPreflight, preflightHeaders } from './cors.ts'
import { CLIENT_ASSETS, EVENTS_PATH, type LiveReload } from './live-reload.ts'
import { isMockPath } from './mock.ts'
import { etagOf, lookup, type SiteFile } from './site.ts'

export interface RouterState {
  /** The build served now: the last one that loaded. */
  build(): Build
  /** Absent when not watching: pages then get no script and there is no stream. */
  live: LiveReload | undefined
  /** Where the server is reachable, for the mock's index. */
  baseUrl(): string
  /** Reports a failure of our own (a bug), which is answered with a 500. */
  onBug(error: unknown): void
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void

const PLAIN = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }

export function createRouter(state: RouterState): Handler {
  const assets = new Map(
    [...CLIENT_ASSETS].map(([path, asset]) => [
      path,
      { ...asset, etag: etagOf(asset.body) } satisfies SiteFile,
    ]),
  )
  return (request, response) => {
    try {
      route(state, assets, request, response)
    } catch (error) {
      state.onBug(error)
      if (!response.headersSent) sendText(response, 500, 'errcat serve: internal error\n')
      else response.end()
    }
  }
}

function route(
  state: RouterState,
  assets: ReadonlyMap<string, SiteFile>,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const target = request.url ?? '/'
  const path = pathOf(target)
  const asset = state.live ? assets.get(path) : undefined
  if (isMockPath(path)) mock(state, request, response, target)
  else if (request.method !== 'GET' && request.method !== 'HEAD')
    sendText(response, 405, 'Method not allowed\n', { allow: 'GET, HEAD' })
  else if (state.live && path === EVENTS_PATH) {
    // A HEAD request would hold a stream open that can never carry anything.
    if (request.method === 'HEAD')
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' }).end()
    else state.live.connect(response)
  } else if (asset) sendFile(request, response, asset)
  else site(state, request, response, target)
}

function site(
  state: RouterState,
  request: IncomingMessage,
  response: ServerResponse,
  target: string,
): void {
  const found = lookup(state.build().site, target)
  if (found.kind === 'file') sendFile(request, response, found.file)
  else if (found.kind === 'redirect') sendText(response, 301, '', { location: found.location })
  else sendText(response, 404, 'Not found\n')
}

function mock(
  state: RouterState,
  request: IncomingMessage,
  response: ServerResponse,
  target: string,
): void {
  if (isPreflight(request.method, request.headers)) {
    response.writeHead(204, preflightHeaders(request.headers)).end()
    return
  }
  // The mock never reads a body; drain it so that keep-alive connections stay usable.
  request.resume()
  const answer = state.build().mock.answer({
    method: request.method ?? 'GET',
    target,
    headers: request.headers,
    baseUrl: state.baseUrl(),
  })
  response.writeHead(answer.status, {
    ...answer.headers,
    ...corsHeaders(request.headers, answer.headers),
    'content-length': Buffer.byteLength(answer.body),
  })
  response.end(request.method === 'HEAD' ? undefined : answer.body)
}

function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  response
    .writeHead(status, { ...PLAIN, ...extra, 'content-length': Buffer.byteLength(text) })
    .end(text)
}

function sendFile(request: IncomingMessage, response: ServerResponse, file: SiteFile): void {
  const headers: Record<string, string | number> = {
    'content-type': file.contentType,
    'cache-control': 'no-cache',
    etag: file.etag,
    'x-content-type-options': 'nosniff',
  }
  // The pages carry their policy in a meta tag (they work from file://); the header says the same.
  if (file.contentType.startsWith('text/html'))
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY
  if (matches(request.headers['if-none-match'], file.etag)) {
    response.writeHead(304, headers).end()
    return
  }
  headers['content-length'] = file.body.length
  response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : file.body)
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*')
}
