// LoadedCatalog → the same runtime objects a generated module exports
// (`catalog` and `allErrors`), built in memory. The docs' example responses,
// the OpenAPI examples and `errcat serve`'s mock all answer through these, with
// the server runtime's own error handler, so what they show is what a server
// built from the generated module sends.

import { defineError, type ErrorFactory } from '@errcat/runtime/internal/define-error'
import type { ErrorDefinition, RuntimeCatalog } from '@errcat/runtime/internal/definition'
import type { LoadedCatalog } from '../catalog/model.ts'
import { envelopeWriter } from './envelope-writer.ts'
import { buildRuntimeData } from './runtime-data.ts'

export interface InMemoryRuntime {
  catalog: RuntimeCatalog
  /** A factory per throwable error, by symbol (success and obsolete codes have none). */
  errors: Record<string, ErrorFactory>
}

// One runtime per loaded catalog, however many targets of one build ask for it
// (docs, Markdown, OpenAPI and the JSON Schema all render example responses).
const built = new WeakMap<LoadedCatalog, InMemoryRuntime>()

export function runtimeOf(loaded: LoadedCatalog): InMemoryRuntime {
  let runtime = built.get(loaded)
  if (!runtime) {
    runtime = createRuntime(loaded)
    built.set(loaded, runtime)
  }
  return runtime
}

function createRuntime(loaded: LoadedCatalog): InMemoryRuntime {
  const data = buildRuntimeData(loaded)
  const errors: Record<string, ErrorFactory> = {}
  for (const { definition } of data.errors) {
    const full: ErrorDefinition = { catalog: data.scope, ...definition }
    errors[definition.symbol] = defineError(full)
  }
  const catalog: RuntimeCatalog = {
    scope: data.scope,
    api: data.api,
    envelope: envelopeWriter(data.envelope),
    locales: data.locales,
    ...(data.internal ? { internal: errors[data.internal]!.definition } : {}),
    ...(data.validation ? { validation: errors[data.validation]!.definition } : {}),
  }
  return { catalog, errors }
}
