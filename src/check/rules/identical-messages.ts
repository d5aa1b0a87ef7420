import type { LoadedError } from '../../catalog/model.ts'
import { messageField, where } from '../locate.ts'
import { literalText } from '../messages.ts'
import type { Rule } from '../rule.ts'

function normalized(message: string): string {
  return message.trim().replace(/\s+/g, ' ').toLowerCase()
}

function identifier(error: LoadedError): string {
  return error.code !== undefined
    ? `code ${error.code}`
    : error.key !== undefined
      ? `key ${error.key}`
      : error.symbol
}

export const identicalMessages: Rule = {
  id: 'identical-messages',
  severity: 'warning',
  description:
    'Different errors of one group have the same message (Seven Bridges 9027 and 9028, Qencode 7 and 10): users and support cannot tell them apart. Messages that are only a placeholder (`{detail}`) are not compared; errors of different groups (services) may repeat a sentence.',
  hint: 'Say in each message what is different about it; if the errors mean the same thing, merge them (mark one obsolete).',
  check(catalog, report) {
    const first = new Map<string, LoadedError>()
    for (const error of catalog.errors) {
      if (error.obsolete || error.success) continue
      // Pass-through messages such as "{detail}" carry no wording of their own.
      const wording = /\p{L}/u.test(literalText(error.message))
      if (!wording) continue
      // Compared within a group: services that own their ranges may repeat a
      // sentence ("Requested file does not exist." in Files and in Uploads)
      // without any client confusing the two codes.
      const key = `${error.group ?? ''}\u0000${normalized(error.message)}`
      const previous = first.get(key)
      if (!previous) {
        first.set(key, error)
        continue
      }
      const { field, at } = messageField(catalog, error)
      report({
        message: `${error.symbol} (${identifier(error)}) has the same ${field} as ${previous.symbol} (${identifier(previous)}, ${where(previous.at)})`,
        at,
        error,
      })
    }
  },
}
