// The last step in making this example: `errcat import` keeps MySQL's
// translations inline, under each error's `messages`; a catalog with 23
// languages reads better with one file per locale, the way translators work.
// This moves them to locales/<locale>.yaml and lists the files under
// `locales.files`. Run from the project root, after the import (see the
// comment at the top of errors.yaml):
//   node --conditions=errcat-source --import tsx examples/mysql/split-locales.ts
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Document, isMap, isScalar, parseDocument } from 'yaml'

const folder = dirname(fileURLToPath(import.meta.url))
const catalogPath = join(folder, 'errors.yaml')

const catalog = parseDocument(await readFile(catalogPath, 'utf8'))
const errors = catalog.get('errors', true)
if (!isMap(errors)) throw new Error(`${catalogPath} has no errors`)

const byLocale = new Map<string, Map<string, string>>()
for (const item of errors.items) {
  if (!isScalar(item.key) || !isMap(item.value)) continue
  const symbol = String(item.key.value)
  const messages = item.value.get('messages', true)
  if (!isMap(messages)) continue
  for (const entry of messages.items) {
    if (!isScalar(entry.key) || !isScalar(entry.value)) continue
    const locale = String(entry.key.value)
    if (!byLocale.has(locale)) byLocale.set(locale, new Map())
    byLocale.get(locale)!.set(symbol, String(entry.value.value))
  }
  item.value.delete('messages')
}

const locales = [...byLocale.keys()].sort()
await mkdir(join(folder, 'locales'), { recursive: true })
for (const locale of locales) {
  const doc = new Document(Object.fromEntries(byLocale.get(locale)!))
  doc.commentBefore = [
    ' yaml-language-server: $schema=../../../schema/errcat-locale.schema.json',
    ` The ${locale} messages of MySQL's messages_to_clients.txt, moved here from`,
    ' errors.yaml by split-locales.ts. ICU templates: {p1}, {p2}… are the printf',
    ' arguments in order, typed in errors.yaml.',
  ].join('\n')
  await writeFile(join(folder, 'locales', `${locale}.yaml`), doc.toString({ lineWidth: 0 }))
}

const files = catalog.createNode({
  default: 'en',
  files: Object.fromEntries(locales.map((l) => [l, `locales/${l}.yaml`])),
})
const root = catalog.contents
if (!isMap(root)) throw new Error(`${catalogPath} is not a mapping`)
const at = root.items.findIndex((p) => isScalar(p.key) && p.key.value === 'errcat')
root.items.splice(at + 1, 0, catalog.createPair('locales', files) as (typeof root.items)[number])
await writeFile(catalogPath, catalog.toString({ lineWidth: 0, flowCollectionPadding: true }))
console.log(`moved translations into ${locales.length} locale files: ${locales.join(', ')}`)
