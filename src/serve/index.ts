// `errcat serve` as a library: the docs site and mock API of a catalog, with
// live reload. The CLI command and `npm start` (examples/start.ts) use it.

export { DEFAULT_HOST, DEFAULT_PORT, isLoopback } from './address.ts'
export { MOCK_HEADER, MOCK_PATH } from './mock.ts'
export {
  CatalogLoadError,
  type ServeLog,
  type ServeOptions,
  type Serving,
  startServe,
} from './server.ts'
