// JSON text with small collections on one line, `"status": { "const": 400 }`,
// as the YAML writer has them: a 10,000-error JSON Schema had four lines in
// ten holding a lone brace or a one-member object. It re-lines the output of
// JSON.stringify (native, and fast) rather than writing the JSON itself: in
// that text a line that opens a collection ends with `{` or `[` and one that
// closes it starts with `}` or `]`, since a string never ends with a bare
// brace on its line (it ends with its quote) and holds no line break.

/** Longest line a collection written on one line may make, indentation included. */
const ONE_LINE_WIDTH = 80

export function compactJson(value: unknown): string {
  const lines = JSON.stringify(value, null, 2).split('\n')
  const out: string[] = []
  // Each open collection: where its first line is in `out`, and whether all it holds fits on a line.
  const open: { start: number; flat: boolean }[] = []
  for (const line of lines) {
    const last = line.charCodeAt(line.length - 1)
    if (last === 123 || last === 91) {
      open.push({ start: out.length, flat: true })
      out.push(line)
      continue
    }
    const first = line.trimStart()
    if (first[0] !== '}' && first[0] !== ']') {
      out.push(line)
      continue
    }
    const collection = open.pop()!
    const joined = collection.flat ? oneLine(out, collection.start, first) : undefined
    if (joined !== undefined) {
      out.length = collection.start
      out.push(joined)
    } else {
      out.push(line)
      const parent = open.at(-1)
      if (parent) parent.flat = false
    }
  }
  return `${out.join('\n')}\n`
}

function oneLine(out: string[], start: number, close: string): string | undefined {
  const head = out[start]!
  const object = head.endsWith('{')
  let text = object ? `${head} ` : head
  for (let i = start + 1; i < out.length; i++) {
    text += i === start + 1 ? out[i]!.trimStart() : ` ${out[i]!.trimStart()}`
    if (text.length > ONE_LINE_WIDTH) return undefined
  }
  text += object ? ` ${close}` : close
  return text.length <= ONE_LINE_WIDTH ? text : undefined
}
