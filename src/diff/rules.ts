// Every rule of `errcat diff`: its id, whether it breaks clients, the version
// bump a compatible change calls for, and what to do about it. Ids are stable:
// CI filters and SARIF consumers key on them.
import type { ChangeKind } from './change.ts'

export interface DiffRule {
  id: string
  kind: ChangeKind
  /** The bump of a compatible change: new things are minor, wording is a patch. */
  bump: 'major' | 'minor' | 'patch'
  description: string
  hint: string
}

const ACCEPT =
  'If it is on purpose, add `breaking: { accepted: <reason> }` to the error, then tell clients in the release notes.'

function breaking(id: string, description: string, hint: string): DiffRule {
  // Rules whose changes have no error entry left to carry the note say where it goes instead.
  const full = hint.includes('`breaking:') ? hint : `${hint} ${ACCEPT}`
  return { id, kind: 'breaking', bump: 'major', description, hint: full }
}

function compatible(
  id: string,
  bump: 'minor' | 'patch',
  description: string,
  hint = 'Nothing to do: clients keep working.',
): DiffRule {
  return { id, kind: 'compatible', bump, description, hint }
}

export const DIFF_RULES: readonly DiffRule[] = [
  // Identity: what clients switch on.
  breaking(
    'error-removed',
    'An error was removed. Clients that handle it will never see it again, and its number is free to be reused.',
    'Mark it `obsolete: true` instead of deleting it: the number stays reserved and the docs keep it. To accept a removal, add `breaking: { <SYMBOL>: <reason> }` at the top of the catalog.',
  ),
  breaking(
    'code-changed',
    'An error was renumbered, or lost its numeric code. Clients switch on the old number.',
    'Keep the old code; add a new error for the new number and deprecate the old one with `replacedBy`.',
  ),
  breaking(
    'key-changed',
    'The string key of an error changed or was removed. Clients switch on the old key.',
    'Keep the old key; add a new error for the new key and deprecate the old one with `replacedBy`.',
  ),
  breaking(
    'symbol-renamed',
    'The symbol of an error changed: server code that imports the generated factory no longer compiles.',
    'Keep the old symbol, or add the new error and deprecate the old one with `replacedBy`.',
  ),
  breaking(
    'code-reused',
    'A code or key now means another error than before. Clients will take one error for the other.',
    'Give the new error a free code; numbers are never reused.',
  ),
  breaking(
    'obsolete-reused',
    'The number or key of an obsolete error is used again. Obsolete numbers stay reserved forever.',
    'Give the error a free code, and keep the obsolete entry as it was.',
  ),
  // Behaviour on the wire.
  breaking(
    'status-changed',
    'The HTTP status of an error changed. Clients and proxies branch on it.',
    'Keep the status; if the old one is wrong, add a new error and deprecate the old one.',
  ),
  breaking(
    'problem-type-changed',
    'The RFC 9457 problem `type` of an error changed. Clients identify problems by it.',
    'Set `problemType` to the old URI, or keep `api.docs` and the anchor as they were.',
  ),
  breaking(
    'retry-changed',
    'The retry policy of an error changed: clients retry what they should not, or give up on what they could retry.',
    'Keep the retry policy.',
  ),
  breaking(
    'expose-changed',
    'An error no longer exposes its message and params on the wire: clients that read them get the title only.',
    'Keep `expose: true`, or remove the params clients should not see in a new error.',
  ),
  // Params and messages.
  breaking(
    'param-removed',
    'A param was removed: clients that read it, and servers that pass it, break.',
    'Keep the param (make it optional if servers cannot always fill it).',
  ),
  breaking(
    'param-renamed',
    'A param was renamed: clients read the old name, servers pass the old name.',
    'Keep the old name.',
  ),
  breaking(
    'param-type-changed',
    'The type of a param was narrowed or changed (e.g. number → integer, fewer enum values, string → integer): values valid before are now rejected, or clients parse the wrong type.',
    'Keep the type, or widen it (integer → number, more enum values, enum → string).',
  ),
  breaking(
    'param-required',
    'A required param was added, or an optional one made required: every server call site must now pass it.',
    'Add the param with `optional: true`.',
  ),
  breaking(
    'placeholder-dropped',
    'A placeholder was dropped from a message or a translation: clients that localize messages themselves, or parse them, lose the value.',
    'Keep the placeholder in the message (and in every translation).',
  ),
  breaking(
    'envelope-shape-changed',
    'The envelope renders error responses of another shape: a body member, its type, the status or a header changed.',
    'Keep the members clients read. To accept it, add `breaking: { envelope: <reason> }` at the top of the catalog.',
  ),
  breaking(
    'range-shrunk',
    "A group's range shrank over codes its errors use: those errors no longer fall in their service's range.",
    'Keep the range covering every code the group has handed out. To accept it, add `breaking: { group:<id>: <reason> }` at the top of the catalog.',
  ),
  // Compatible.
  compatible('error-added', 'minor', 'An error was added.'),
  compatible(
    'deprecated',
    'minor',
    'An error was deprecated: it still works, and docs point to its replacement.',
  ),
  compatible(
    'made-obsolete',
    'minor',
    'An error was made obsolete: servers no longer send it, and its number stays reserved.',
  ),
  compatible('code-added', 'minor', 'An error that had only a key (or only a code) got the other.'),
  compatible('param-added', 'minor', 'An optional param was added.'),
  compatible(
    'param-widened',
    'minor',
    'A param accepts more than before (integer → number, more enum values, enum → string).',
  ),
  compatible('param-optional', 'minor', 'A required param was made optional.'),
  compatible('translation-added', 'minor', 'A translation of a message was added.'),
  compatible(
    'translation-removed',
    'minor',
    'A translation was removed; clients get the fallback locale.',
    'Nothing breaks, but users of that locale get the fallback message.',
  ),
  compatible('expose-added', 'minor', 'An error now exposes its message and params on the wire.'),
  compatible('group-added', 'minor', 'A group was added.'),
  compatible(
    'group-changed',
    'patch',
    'A group was removed, retitled, re-owned, or its range grew.',
  ),
  compatible('error-regrouped', 'patch', 'An error moved to another group.'),
  compatible(
    'envelope-changed',
    'patch',
    'The envelope template changed, but error responses keep their shape.',
  ),
  compatible(
    'message-reworded',
    'patch',
    'A message or a translation was reworded with the same placeholders.',
  ),
  compatible(
    'docs-changed',
    'patch',
    'Documentation changed: title, description, troubleshooting, examples, links or param descriptions.',
  ),
]

const byId = new Map(DIFF_RULES.map((r) => [r.id, r]))

export function diffRule(id: string): DiffRule {
  const rule = byId.get(id)
  if (!rule) throw new Error(`unknown diff rule ${id}`)
  return rule
}
