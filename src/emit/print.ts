// Printing values as source code for generated modules: compact, stable
// (insertion order), identifier keys unquoted.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** A JSON-compatible value as a JavaScript/TypeScript expression; `undefined` members are left out. */
export function printLiteral(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify escapes everything a string literal needs, U+2028/9 included.
    return JSON.stringify(value) ?? 'undefined'
  }
  if (Array.isArray(value)) return `[${value.map(printLiteral).join(', ')}]`
  const members = printMembers(value as Record<string, unknown>)
  return members === '' ? '{}' : `{ ${members} }`
}

/** An object's members, comma-separated, without the braces. */
export function printMembers(value: object): string {
  const members: string[] = []
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined) continue
    members.push(`${printKey(key)}: ${printLiteral(member)}`)
  }
  return members.join(', ')
}

export function printKey(key: string): string {
  // `__proto__: x` in a literal would set the prototype; a computed key defines a member.
  if (key === '__proto__') return '["__proto__"]'
  return IDENTIFIER.test(key) ? key : JSON.stringify(key)
}

/** Text for a `/** … *\/` comment: no comment terminator, one line per array item. */
export function docComment(lines: string[], indent = ''): string {
  const text = lines
    .flatMap((line) => line.split('\n'))
    .map((line) => line.replace(/\*\//g, '*\\/'))
  if (text.length === 1) return `${indent}/** ${text[0]} */\n`
  const body = text.map((line) => `${indent} *${line ? ` ${line}` : ''}`)
  return `${indent}/**\n${body.join('\n')}\n${indent} */\n`
}
