import { BAD_TOKEN } from '../errors.generated.ts'
export const x = (BAD_TOKEN
