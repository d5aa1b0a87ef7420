// The message AST that generated modules carry. The build parses each ICU
// template once (src/catalog/message.ts) and writes it out in this compact,
// JSON-compatible shape, so servers never ship or run an ICU parser.
// A literal-only message is just its string.

export type Message = string | readonly MessagePart[]

export type MessagePart =
  /** Literal text. */
  | string
  /** `{name}`: the value as a string. */
  | { readonly type: 'arg'; readonly name: string }
  /** `{name, number, …}`: `options` and `scale` resolved at build time from the style or skeleton. */
  | {
      readonly type: 'number'
      readonly name: string
      readonly options?: Intl.NumberFormatOptions
      readonly scale?: number
    }
  /** `{name, date, …}` / `{name, time, …}`: the value is epoch milliseconds or an ISO string. */
  | {
      readonly type: 'date' | 'time'
      readonly name: string
      readonly options?: Intl.DateTimeFormatOptions
    }
  /** `{name, plural, …}` and `{name, selectordinal, …}`; cases keyed `=N` or by plural category. */
  | {
      readonly type: 'plural'
      readonly name: string
      readonly offset?: number
      readonly ordinal?: boolean
      readonly cases: Readonly<Record<string, Message>>
    }
  /** `{name, select, …}`; `other` is required by the build. */
  | {
      readonly type: 'select'
      readonly name: string
      readonly cases: Readonly<Record<string, Message>>
    }
  /** `#` inside a plural case: the plural value minus the offset, formatted as a number. */
  | { readonly type: 'pound' }
