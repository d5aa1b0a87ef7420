// JSON text of a document read with the yaml package (`toJS({ mapAsMap: true })`):
// Maps keep their members in document order, where a plain object would move
// integer-like keys (response statuses) to the front. Same layout as
// JSON.stringify with an indent.

export function printJson(value: unknown, indent: string, level = ''): string {
  const inner = level + indent
  if (value instanceof Map) {
    const members = [...value].filter(([, v]) => v !== undefined)
    if (members.length === 0) return '{}'
    const lines = members.map(
      ([k, v]) => `${inner}${JSON.stringify(String(k))}: ${printJson(v, indent, inner)}`,
    )
    return `{\n${lines.join(',\n')}\n${level}}`
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const lines = value.map((v) => `${inner}${printJson(v ?? null, indent, inner)}`)
    return `[\n${lines.join(',\n')}\n${level}]`
  }
  if (typeof value === 'object' && value !== null)
    return printJson(new Map(Object.entries(value)), indent, level)
  return JSON.stringify(value) ?? 'null'
}

/** The indent of a JSON text: its first indented line's, else two spaces. */
export function jsonIndent(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  '
}
