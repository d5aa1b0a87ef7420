// Trimming a run of one character from the ends of a string, in linear time.
// The regular expressions that say this (`/-+$/`, `/\n+$/`) try every start
// position on a long run not at the end, which is quadratic (test/security).

/** `text` without the runs of `char` at its start and its end. */
export function trimRuns(text: string, char: string): string {
  let start = 0
  let end = text.length
  while (start < end && text[start] === char) start++
  while (end > start && text[end - 1] === char) end--
  return text.slice(start, end)
}

/** `text` without the run of `char` at its end. */
export function trimEndRun(text: string, char: string): string {
  return trimEndWhile(text, (c) => c === char)
}

/** `text` without the characters at its end for which `test` holds. */
export function trimEndWhile(text: string, test: (char: string) => boolean): string {
  let end = text.length
  while (end > 0 && test(text[end - 1]!)) end--
  return text.slice(0, end)
}
