/** Rebuilds (npm run build) when a source file is newer than the build. */
export function ensureBuilt(): void
