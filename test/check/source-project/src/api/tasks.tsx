// A namespace import, used in JSX and by member, computed member and allErrors.
import * as errors from '../../errors.generated.js'

export function Task(props: { id?: string }) {
  if (!props.id) throw errors.TASK_NOT_FOUND({ task: '' })
  const all = errors.allErrors
  void all
  const state = errors['TASK_STATE']
  void state
  throw errors.TASK_GONE()
  return <div title={errors.allErrors.TASK_LIMIT.name}>{props.id}</div>
}
