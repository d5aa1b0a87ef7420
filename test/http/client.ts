// The tests' HTTP client: fetch for well-formed requests, a raw socket for
// the bytes fetch refuses to send (hostile header values).
import { connect } from 'node:net'

export interface Answer {
  status: number
  /** The status line's reason phrase ('' from fetch, which does not keep it). */
  statusLine: string
  /** Lower-case names. */
  headers: Record<string, string>
  text: string
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown
}

export async function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const response = await fetch(url, init)
  const text = await response.text()
  return {
    status: response.status,
    statusLine: `${response.status} ${response.statusText}`,
    headers: Object.fromEntries(response.headers),
    text,
    json: parse(text),
  }
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/**
 * Sends `GET path` with extra header lines written byte for byte (latin1),
 * and returns the answer as the server sent it, including the status line.
 */
export function rawGet(url: string, path: string, headerLines: string): Promise<Answer> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        Buffer.from(
          `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n${headerLines}\r\n\r\n`,
          'latin1',
        ),
      )
    })
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const raw = Buffer.concat(chunks).toString('latin1')
      const headEnd = raw.indexOf('\r\n\r\n')
      const [statusLine = '', ...lines] = raw.slice(0, headEnd).split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const colon = line.indexOf(':')
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      let text = raw.slice(headEnd + 4)
      if (headers['transfer-encoding'] === 'chunked') text = unchunk(text)
      resolve({
        status: Number(statusLine.split(' ')[1]),
        statusLine,
        headers,
        text,
        json: parse(text),
      })
    })
  })
}

function unchunk(text: string): string {
  let out = ''
  let rest = text
  for (;;) {
    const lineEnd = rest.indexOf('\r\n')
    const size = Number.parseInt(rest.slice(0, lineEnd), 16)
    if (!size) return out
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size)
    rest = rest.slice(lineEnd + 2 + size + 2)
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Everything a client sees of a response, as one string to search. */
export function visible(answer: Answer): string {
  return [
    answer.statusLine,
    ...Object.entries(answer.headers).map(([k, v]) => `${k}: ${v}`),
    answer.text,
  ].join('\n')
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
