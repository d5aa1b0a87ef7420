// A module of the same shape that is not the generated one: not counted.
import { NEVER_THROWN } from './other-errors.ts'

export const unrelated = NEVER_THROWN
