import type { Position } from '../../catalog/diagnostic.ts'
import type { LoadedCatalog } from '../../catalog/model.ts'
import { nearest } from '../near.ts'
import type { Rule } from '../rule.ts'

/** The `rules.<id>` key of the first file that sets it (the root's setting wins). */
function configuredAt(catalog: LoadedCatalog, id: string): Position {
  for (const file of catalog.files) {
    const entry = catalog.locate(file, ['rules', id], 'key')
    const section = catalog.locate(file, ['rules'], 'key')
    // `locate` answers with the nearest ancestor when the key is absent.
    if (entry.line !== section.line || entry.column !== section.column) return entry
  }
  return catalog.locate(catalog.root, ['rules'], 'key')
}

/** A typo under `rules:` silently configures nothing; say so. */
export function unknownRule(known: () => { configurable: string[]; fixed: string[] }): Rule {
  return {
    id: 'unknown-rule',
    severity: 'warning',
    description: '`rules:` names a rule id that does not exist, so it configures nothing.',
    hint: 'Run `errcat check --rules` for the rule ids.',
    check(catalog, report) {
      const { configurable, fixed } = known()
      const ids = new Set(configurable)
      for (const id of Object.keys(catalog.rules)) {
        if (ids.has(id)) continue
        const near = nearest(id, configurable, 2)
        report({
          message: fixed.includes(id)
            ? `\`${id}\` cannot be configured: a catalog that fails to load cannot be checked`
            : `\`rules\` names \`${id}\`, which is not a rule`,
          at: configuredAt(catalog, id),
          ...(near.length && !fixed.includes(id)
            ? { hint: `Did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?` }
            : {}),
        })
      }
    },
  }
}
