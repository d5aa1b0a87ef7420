// errcat as a library: what the CLI does, for build scripts and editor
// integrations. Load and check a catalog, generate any build target, import
// error pages. Servers and clients import @errcat/runtime instead.
export type { Finding, FindingSeverity, Position } from './catalog/diagnostic.ts'
export type { LoadedCatalog, LoadedError, LoadedGroup } from './catalog/model.ts'
export type { CatalogFile, ErrorEntry } from './catalog/schema.ts'
export { type CheckResult, checkCatalog, checkFile } from './check/check.ts'
export {
  type BuildTarget,
  findTarget,
  type OutputFile,
  type TargetContext,
  type TargetOptions,
  targets,
} from './emit/targets.ts'
export { buildDraft, type Draft } from './import/draft/build-draft.ts'
export { readPages } from './import/read/read-pages.ts'
export { type DraftFormat, writeDraft } from './import/write/write-draft.ts'
export { type LoadOptions, type LoadResult, loadCatalog } from './load/load.ts'
export { version } from './version.ts'
