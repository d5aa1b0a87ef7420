// ICU MessageFormat at build time: parsing, syntax errors with offsets, and
// the placeholders a message uses. The runtime never parses; it evaluates the
// AST that the generator writes out (see src/runtime/format-message.ts).
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser'

export type PlaceholderKind = 'argument' | 'number' | 'date' | 'time' | 'plural' | 'select'

export interface Placeholder {
  name: string
  kind: PlaceholderKind
  /** For selects: the option keys, `other` included. */
  options?: string[]
}

export type ParsedMessage =
  | { ok: true; ast: MessageFormatElement[]; placeholders: Placeholder[] }
  | { ok: false; reason: string; offset: number }

const REASONS: Record<string, string> = {
  EXPECT_ARGUMENT_CLOSING_BRACE: 'a `{` placeholder is not closed with `}`',
  EMPTY_ARGUMENT: 'a placeholder `{}` has no name',
  MALFORMED_ARGUMENT: 'a placeholder name is not valid',
  MISSING_OTHER_CLAUSE: 'a plural or select has no `other` case',
  EXPECT_ARGUMENT_TYPE: 'a placeholder has a `,` but no type after it',
  INVALID_ARGUMENT_TYPE:
    'unknown placeholder type (use number, date, time, plural, selectordinal or select)',
  UNMATCHED_CLOSING_BRACE: 'a `}` has no matching `{`',
  EXPECT_PLURAL_ARGUMENT_SELECTOR:
    'a plural case is missing its selector (e.g. `one`, `other`, `=0`)',
  EXPECT_SELECT_ARGUMENT_SELECTOR: 'a select case is missing its selector',
  EXPECT_PLURAL_ARGUMENT_OPTIONS: 'a plural has no cases',
  EXPECT_SELECT_ARGUMENT_OPTIONS: 'a select has no cases',
  DUPLICATE_PLURAL_ARGUMENT_SELECTOR: 'a plural repeats a case',
  DUPLICATE_SELECT_ARGUMENT_SELECTOR: 'a select repeats a case',
  UNCLOSED_TAG: 'a tag is not closed',
  UNCLOSED_QUOTE_IN_ARGUMENT_STYLE: 'a quote in a placeholder style is not closed',
}

export function parseMessage(message: string): ParsedMessage {
  try {
    const ast = parse(message, {
      captureLocation: true,
      ignoreTag: true,
      requiresOtherClause: true,
      // Resolve `::` skeletons to Intl options now, so the runtime needs no skeleton parser.
      shouldParseSkeletons: true,
    })
    const rejected = rejectedSkeleton(ast)
    if (rejected) return { ok: false, ...rejected }
    return { ok: true, ast, placeholders: collectPlaceholders(ast) }
  } catch (error) {
    const e = error as { message?: string; location?: { start: { offset: number } } }
    const code = e.message ?? 'INVALID'
    return {
      ok: false,
      reason: REASONS[code] ?? code.toLowerCase().replace(/_/g, ' '),
      offset: e.location?.start.offset ?? 0,
    }
  }
}

/**
 * A `::` skeleton whose options Intl refuses (`::currency/ABCDE`, 150 fraction digits): the
 * runtime would format that placeholder with the defaults, which is not what the catalog says.
 */
function rejectedSkeleton(
  ast: MessageFormatElement[],
): { reason: string; offset: number } | undefined {
  for (const el of ast) {
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) {
        const found = rejectedSkeleton(option.value)
        if (found) return found
      }
      continue
    }
    if (el.type !== TYPE.number && el.type !== TYPE.date && el.type !== TYPE.time) continue
    const style = el.style
    if (!style || typeof style === 'string') continue
    try {
      if (el.type === TYPE.number) {
        const { scale: _, ...options } = style.parsedOptions as Intl.NumberFormatOptions & {
          scale?: number
        }
        new Intl.NumberFormat('en', options)
      } else new Intl.DateTimeFormat('en', style.parsedOptions as Intl.DateTimeFormatOptions)
    } catch (error) {
      return {
        reason: `the skeleton of \`{${el.value}}\` asks for what Intl cannot format (${(error as Error).message})`,
        offset: el.location?.start.offset ?? 0,
      }
    }
  }
  return undefined
}

function collectPlaceholders(ast: MessageFormatElement[], out: Placeholder[] = []): Placeholder[] {
  const add = (p: Placeholder) => {
    const existing = out.find((q) => q.name === p.name)
    if (!existing) out.push(p)
    else if (existing.kind === 'argument') existing.kind = p.kind
  }
  for (const el of ast) {
    switch (el.type) {
      case TYPE.argument:
        add({ name: el.value, kind: 'argument' })
        break
      case TYPE.number:
        add({ name: el.value, kind: 'number' })
        break
      case TYPE.date:
        add({ name: el.value, kind: 'date' })
        break
      case TYPE.time:
        add({ name: el.value, kind: 'time' })
        break
      case TYPE.plural:
        add({ name: el.value, kind: 'plural' })
        for (const option of Object.values(el.options)) collectPlaceholders(option.value, out)
        break
      case TYPE.select:
        add({ name: el.value, kind: 'select', options: Object.keys(el.options) })
        for (const option of Object.values(el.options)) collectPlaceholders(option.value, out)
        break
      case TYPE.tag:
        collectPlaceholders(el.children, out)
        break
      default:
        break
    }
  }
  return out
}
