// The mock API: `GET /mock/{code|key|symbol}` answers that error exactly as a
// server built from the catalog does, because it is answered by the same
// runtime pieces a generated module and its adapter use (the in-memory
// runtime catalog, errorFinder, errorWithParams, createErrorHandler), with the
// request's own method, path and headers. Only its own answers (the index, an
// unknown id) say that they come from the mock.
import type { IncomingHttpHeaders } from 'node:http'
import { errorFinder, errorWithParams } from '@errcat/runtime/internal/find-error'
import { createErrorHandler } from '@errcat/runtime/internal/handle'
import { pathOf } from '@errcat/runtime/internal/request-errors'
import type { LoadedCatalog, LoadedError } from '../catalog/model.ts'
import { type InMemoryRuntime, runtimeOf } from '../emit/runtime-catalog.ts'

export const MOCK_PATH = '/mock'

/** The header that marks the mock's own answers, which no server built from the catalog sends. */
export const MOCK_HEADER = 'x-errcat-mock'

export interface MockRequest {
  method: string
  /** The request target as on the request line: `/mock/1001?hint=abcd`. */
  target: string
  headers: IncomingHttpHeaders
  /** Where the server is reachable (`http://127.0.0.1:4000`), for the links of the index. */
  baseUrl: string
}

export interface MockAnswer {
  status: number
  /** Lower-case names. */
  headers: Record<string, string>
  body: string
}

export interface Mock {
  answer(request: MockRequest): MockAnswer
}

/** Whether a request path (without query) is the mock's: `/mock`, `/mock/`, `/mock/…`. */
export function isMockPath(path: string): boolean {
  return path === MOCK_PATH || path.startsWith(`${MOCK_PATH}/`)
}

export function createMock(
  catalog: LoadedCatalog,
  runtime: InMemoryRuntime = runtimeOf(catalog),
): Mock {
  const find = errorFinder(runtime.errors)
  // No spans or counters for a development server's answers.
  const handle = createErrorHandler(runtime.catalog, { telemetry: false })
  return {
    answer(request) {
      const path = pathOf(request.target)
      const raw = path.slice(MOCK_PATH.length + 1)
      if (raw === '') return index(catalog, runtime, request.baseUrl)
      const id = decode(raw)
      const entry = id === undefined ? undefined : find(id)
      if (!entry) return unknown(catalog, id ?? raw)
      const { status, headers, body } = handle(errorWithParams(entry, queryOf(request.target)), {
        method: request.method,
        path,
        headers: request.headers,
      })
      return { status, headers, body }
    },
  }
}

/** The query of a request target; URLSearchParams reads any text, where URL may throw. */
function queryOf(target: string): URLSearchParams {
  const at = target.indexOf('?')
  return new URLSearchParams(at === -1 ? '' : target.slice(at + 1).split('#')[0])
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

function own(status: number, kind: string, value: unknown): MockAnswer {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-content-type-options': 'nosniff',
      [MOCK_HEADER]: kind,
    },
    body: `${JSON.stringify(value, null, 2)}\n`,
  }
}

/** Every error a server can answer, with its mock URL. */
function index(catalog: LoadedCatalog, runtime: InMemoryRuntime, baseUrl: string): MockAnswer {
  const errors = Object.values(runtime.errors).map(({ definition }) => ({
    symbol: definition.symbol,
    ...(definition.code !== undefined ? { code: definition.code } : {}),
    ...(definition.key !== undefined ? { key: definition.key } : {}),
    status: definition.status,
    title: definition.title,
    ...(definition.params ? { params: definition.params } : {}),
    url: `${baseUrl}${MOCK_PATH}/${encodeURIComponent(definition.symbol)}`,
  }))
  return own(200, 'index', {
    mock: `errcat serve: the errors of ${catalog.api.name}`,
    usage:
      'Request a url below (any method) to get that error exactly as a server built from the catalog answers it. Its code or key work as well as its symbol; query parameters fill its params; x-request-id and Accept-Language work as on the server.',
    errors,
  })
}

/** The mock's own 404: the catalog has no such error (or one that no server answers). */
function unknown(catalog: LoadedCatalog, id: string): MockAnswer {
  const declared = declaredError(catalog, id)
  const why = !declared
    ? `The catalog has no error with code, key or symbol "${id}".`
    : declared.success
      ? `${declared.symbol} is a success code: no server answers it as an error.`
      : `${declared.symbol} is obsolete: its number stays reserved, and no server answers it.`
  return own(404, 'unknown-error', {
    mock: 'errcat serve: this answer comes from the mock, not from the API',
    message: why,
    list: `${MOCK_PATH}/`,
  })
}

/** Success codes and obsolete numbers are declared but never thrown, so the finder has no factory for them. */
function declaredError(catalog: LoadedCatalog, id: string): LoadedError | undefined {
  return (
    catalog.errors.find((e) => e.symbol === id) ??
    catalog.errors.find((e) => e.key === id) ??
    catalog.errors.find((e) => e.code !== undefined && String(e.code) === id)
  )
}
