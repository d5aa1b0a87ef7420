// Named imports, one renamed, one of a type only.
import { BAD_TOKEN, TOKEN_EXPIRED as Expired, catalog } from '../errors.generated.ts'
import type { TASK_LIMIT } from '../errors.generated.ts'
import { TOKEN_REVOKED } from '../errors.generated.ts'

export function authenticate(token: string | undefined, limit?: TASK_LIMIT): void {
  if (!token) throw BAD_TOKEN()
  if (token === 'old') throw Expired()
  if (token === 'revoked') throw TOKEN_REVOKED()
  void catalog
  void limit
}
