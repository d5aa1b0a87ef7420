// Whether an error's status says something about the error. An API that
// answers every error with one fixed status (Qencode, Gengo: HTTP 200 and the
// error in the body) often leaves that status on its errors; rules about what
// a status should be (wording, 5xx internal error) then have nothing to judge.
import type { LoadedCatalog, LoadedError } from '../catalog/model.ts'

export function statusCarriesMeaning(catalog: LoadedCatalog, error: LoadedError): boolean {
  if (error.success) return false
  const fixed = catalog.envelope.status
  return typeof fixed !== 'number' || fixed !== error.status
}
