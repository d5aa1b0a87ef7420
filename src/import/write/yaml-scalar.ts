// Scalars written as the `yaml` package writes them in a Document stringified
// with `lineWidth: 0` (no folding), without building the Document. The common
// strings, a line with no quote, backslash or control character, are decided
// here with yaml's own tests: plain, or in double quotes that then hold the
// text as it is. Every other string goes to yaml's stringifyString with the
// context a Document would pass it. yaml-scalar.test.ts compares both ways.
import { Document, type Scalar } from 'yaml'
import { type StringifyContext, stringifyNumber, stringifyString } from 'yaml/util'

/** yaml's comment writer: `#` before every line that is not empty. */
export const commentString = (text: string): string => text.replace(/^(?!$)(?: $)?/gm, '#')

// The options Document#toString fills in (yaml's createStringifyContext), with ours.
const OPTIONS = {
  blockQuote: true,
  commentString,
  defaultKeyType: null,
  defaultStringType: 'PLAIN',
  directives: null,
  doubleQuotedAsJSON: false,
  doubleQuotedMinMultiLineLength: 40,
  falseStr: 'false',
  flowCollectionPadding: true,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 20,
  nullStr: 'null',
  simpleKeys: false,
  singleQuote: null,
  trailingComma: false,
  trueStr: 'true',
  verifyAliasOrder: true,
} as const

const doc = new Document(null)
const STRING_TAG = 'tag:yaml.org,2002:str'
// A plain scalar that one of these matches would read back as a number, a boolean or null.
const otherTypes = [...doc.schema.tags, ...(doc.schema.compat ?? [])]
  .filter((tag) => tag.default && tag.tag !== STRING_TAG && tag.test)
  .map((tag) => tag.test!)

// A control character (JSON escapes those, yaml double-quotes them), a lone
// surrogate, a quote or a backslash: yaml's stringifyString decides.
const NOT_SIMPLE = /[\p{Cc}\p{Cs}"'\\]/u
// yaml's plainString: what a plain scalar cannot start, hold or end with.
const NOT_PLAIN =
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/
const FLOW_INDICATOR = /[[\]{},]/
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/

export interface ScalarPlace {
  /** The indentation of the scalar's context (a pair's or item's `ctx.indent`). */
  indent: string
  /** A mapping key written without `?`. */
  implicitKey: boolean
  /** Inside `{ … }` or `[ … ]`. */
  inFlow: boolean
}

/** A simple string's text, or undefined when yaml's stringifyString must decide. */
function simpleString(value: string, inFlow: boolean): string | undefined {
  if (NOT_SIMPLE.test(value) || DOCUMENT_MARKER.test(value)) return undefined
  if (
    (inFlow && FLOW_INDICATOR.test(value)) ||
    NOT_PLAIN.test(value) ||
    otherTypes.some((test) => test.test(value))
  ) {
    return `"${value}"`
  }
  return value
}

/**
 * A string as yaml writes it. `comment` is the scalar's own comment (yaml
 * puts it in a block scalar's header, and then calls onComment); onChompKeep
 * is called when the text ends in a block scalar that keeps its final line
 * breaks (`|+`), after which yaml writes no blank line.
 */
export function stringText(
  value: string,
  place: ScalarPlace,
  comment?: string,
  onComment?: () => void,
  onChompKeep?: () => void,
): string {
  const simple = simpleString(value, place.inFlow)
  if (simple !== undefined) return simple
  const ctx = {
    anchors: new Set<string>(),
    doc,
    flowCollectionPadding: ' ',
    indent: place.indent,
    indentStep: '  ',
    inFlow: place.inFlow,
    implicitKey: place.implicitKey,
    actualString: true,
    options: OPTIONS,
  } as unknown as StringifyContext
  const item = { value, ...(comment !== undefined ? { comment } : {}) } as Scalar
  return stringifyString(item, ctx, onComment, onChompKeep)
}

/** A number, boolean or null as yaml's core schema writes it. */
export function otherScalarText(value: number | boolean | null): string {
  if (value === null) return OPTIONS.nullStr
  if (typeof value === 'boolean') return value ? OPTIONS.trueStr : OPTIONS.falseStr
  return stringifyNumber({ value } as Scalar)
}
