// Every page format errcat can import. Detection asks each one how sure it is
// that a text is its format (see detect.ts); to add a format, add its
// importer here.

import type { Importer } from '../find/page.ts'
import { csvImporter } from './csv.ts'
import { htmlImporter } from './html.ts'
import { jsonImporter } from './json.ts'
import { manImporter } from './man.ts'
import { markdownImporter } from './markdown/markdown.ts'
import { readmeBlocksImporter } from './markdown/readme-blocks.ts'
import { mysqlImporter } from './mysql.ts'
import { openapiImporter } from './openapi.ts'
import { postgresImporter } from './postgres.ts'
import { protoImporter } from './proto.ts'
import { rstImporter } from './rst.ts'
import { textColumnsImporter } from './text-columns.ts'
import { tomlImporter } from './toml-defs.ts'
import { yamlImporter } from './yaml-defs.ts'

export const importers: Importer[] = [
  readmeBlocksImporter,
  htmlImporter,
  markdownImporter,
  textColumnsImporter,
  postgresImporter,
  mysqlImporter,
  jsonImporter,
  csvImporter,
  manImporter,
  protoImporter,
  rstImporter,
  yamlImporter,
  tomlImporter,
  openapiImporter,
]
