// Plain JavaScript: a re-export and the type guard with a symbol string.
import { isCatalogError } from '../../errors.generated.js'

export { TASK_LIMIT, TASKS_EXCEEDED } from '../../errors.generated.js'

export function isLimit(error) {
  return isCatalogError(error, 'TOKEN_EXPIRED') || isCatalogError(error, 'TASK_LMIT')
}
