// `merge`: errcat's components and operation responses written into an
// existing OpenAPI 3.1 document. A YAML document is edited in its text (see
// yaml-splice.ts), so that what errcat does not own keeps its bytes; a JSON
// document is re-printed with its own indent and member order.
import { Document, isMap, type Node } from 'yaml'
import type { LoadedCatalog } from '../../catalog/model.ts'
import { applyToDocument, keyText } from './apply-document.ts'
import type { ErrcatComponents } from './components.ts'
import { readOperations, resolveOperations } from './operations.ts'
import { type Edit, planMerge } from './plan.ts'
import { jsonIndent, printJson } from './print-json.ts'
import { type MergeSource, readMergeSource } from './source.ts'
import { detectStyle, SpliceUnsupported, spliceYaml } from './yaml-splice.ts'

export interface MergeOptions {
  /** Absolute path of the document to merge into. */
  file: string
  operations?: string | Record<string, string[]>
  /** Write JSON (the output ends with `.json`), else YAML. */
  json: boolean
  info: Record<string, unknown>
  warn(message: string): void
}

export async function mergeDocument(
  catalog: LoadedCatalog,
  components: ErrcatComponents,
  options: MergeOptions,
): Promise<string> {
  const source = await readMergeSource(options.file)
  const entries = options.operations ? await readOperations(options.operations, catalog) : []
  const operations = resolveOperations(
    entries,
    catalog,
    components.statusOf,
    source.data,
    source.display,
    options.warn,
  )
  const edits = planMerge({
    data: source.data,
    components,
    info: options.info,
    operations,
    locate: (path) => {
      const parent = source.doc.getIn(path.slice(0, -1), true)
      const pair = isMap(parent)
        ? parent.items.find((p) => keyText(p.key) === path[path.length - 1])
        : undefined
      const key = pair?.key as Node | undefined
      return key?.range ? source.at(key.range[0]) : source.display
    },
    warn: options.warn,
  })
  return write(source, edits, options)
}

function write(source: MergeSource, edits: Edit[], options: MergeOptions): string {
  const sameFormat = (source.format === 'json') === options.json
  if (edits.length === 0 && sameFormat) return source.text
  if (source.format === 'yaml' && !options.json) {
    try {
      return spliceYaml(source.text, source.doc, edits)
    } catch (error) {
      if (!(error instanceof SpliceUnsupported)) throw error
      options.warn(
        `${source.display}: ${error.message}, which errcat does not edit in place: the whole document is written anew by the yaml package, which keeps its content and comments but may change its formatting`,
      )
      const style = detectStyle(source.text, source.doc)
      applyToDocument(source.doc, edits)
      return source.doc.toString({ indent: style.indent, indentSeq: style.indentSeq, lineWidth: 0 })
    }
  }
  applyToDocument(source.doc, edits)
  const value = source.doc.toJS({ mapAsMap: true })
  if (options.json) {
    const indent = source.format === 'json' ? jsonIndent(source.text) : '  '
    return `${printJson(value, indent)}\n`
  }
  // Built as YAML 1.2 (in 1.1, a Map would become an `!!omap`), written with 1.1 quoting.
  const converted = new Document(value, { aliasDuplicateObjects: false })
  converted.setSchema('1.1')
  return converted.toString({ lineWidth: 0 })
}
