import assert from 'node:assert/strict'
import { it } from 'node:test'
import { usesIn } from './uses.ts'

const generated = (s: string) => s.endsWith('errors.generated.js')
const symbols = (text: string, file = 'a.ts') => {
  const result = usesIn(text, file, generated)
  assert.ok(result.ok)
  return result.uses.map((u) => u.symbol)
}

it('counts named imports, re-exports and namespace members of the generated module only', () => {
  assert.deepEqual(
    symbols(
      [
        "import { A_ONE, catalog, type T_TWO as Two } from './errors.generated.js'",
        "import { NOT_OURS } from './elsewhere.js'",
        "import * as e from './errors.generated.js'",
        "export { B_THREE } from './errors.generated.js'",
        'throw e.C_FOUR(); e["D_FIVE"]; e.catalog; type X = e.E_SIX',
        'const other = { F_SEVEN: 1 }; other.F_SEVEN',
      ].join('\n'),
    ),
    ['A_ONE', 'T_TWO', 'B_THREE', 'C_FOUR', 'D_FIVE', 'E_SIX'],
  )
})

it('counts allErrors members and isCatalogError symbols', () => {
  assert.deepEqual(
    symbols(
      [
        "import { allErrors as all, isCatalogError as is } from './errors.generated.js'",
        "import * as e from './errors.generated.js'",
        "all.G_ONE; e.allErrors.H_TWO; is(x, 'I_THREE'); e.isCatalogError(x, 'J_FOUR'); is(x, name)",
      ].join('\n'),
    ),
    ['G_ONE', 'H_TWO', 'I_THREE', 'J_FOUR'],
  )
})

it('parses TSX and reports a syntax error with its position', () => {
  assert.deepEqual(
    symbols("import * as e from './errors.generated.js'\nconst v = <p>{e.K_ONE.name}</p>", 'v.tsx'),
    ['K_ONE'],
  )
  const broken = usesIn('const x = (', 'b.ts', generated)
  assert.equal(broken.ok, false)
})
