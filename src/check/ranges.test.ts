import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { fuzz } from '../../test/fuzz-settings.ts'
import type { LoadedCatalog, LoadedError, LoadedGroup } from '../catalog/model.ts'
import { codePlacement, nextFreeCode, rangeIndex } from './ranges.ts'

const at = { file: 'errors.yaml', line: 1, column: 1 }

function group(id: string, range?: [number, number], file = 'errors.yaml'): LoadedGroup {
  return { id, title: id, file, at, ...(range ? { range } : {}) }
}

function catalogOf(groups: LoadedGroup[], codes: number[] = []): LoadedCatalog {
  const errors = codes.map((code) => ({ symbol: `E${code}`, code }) as LoadedError)
  return { groups, errors } as unknown as LoadedCatalog
}

describe('rangeIndex', () => {
  it('finds the same groups as a scan of every range, overlaps included', () => {
    const range = fc
      .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 100 }))
      .map(([start, length]) => [start, start + length] as [number, number])
    fc.assert(
      fc.property(
        fc.array(range, { maxLength: 12 }),
        fc.integer({ min: -5, max: 650 }),
        (ranges, code) => {
          const groups = ranges.map((r, i) => group(`g${i}`, r))
          const expected = groups
            .filter((g) => g.range![0] <= code && code <= g.range![1])
            .map((g) => g.id)
            .sort()
          const found = rangeIndex(catalogOf(groups))
            .holding(code)
            .map((g) => g.id)
            .sort()
          assert.deepEqual(found, expected)
        },
      ),
      fuzz(100),
    )
  })

  it('ignores reversed ranges (group-range-reversed reports them)', () => {
    const index = rangeIndex(catalogOf([group('users', [2999, 2000])]))
    assert.deepEqual(index.holding(2500), [])
    assert.equal(index.sorted.length, 0)
  })
})

describe('nextFreeCode', () => {
  it('is the code after the highest one in use', () => {
    assert.equal(
      nextFreeCode(catalogOf([group('u', [100, 199])], [100, 101, 105]), group('u', [100, 199])),
      106,
    )
  })

  it('is the first gap once the range is used up to its end', () => {
    const users = group('u', [100, 103])
    assert.equal(nextFreeCode(catalogOf([users], [100, 102, 103]), users), 101)
    assert.equal(nextFreeCode(catalogOf([users], [100, 101, 102, 103]), users), undefined)
  })
})

describe('codePlacement', () => {
  const users = group('users', [2000, 2999], 'users.yaml')
  const billing = group('billing', [3000, 3999], 'billing.yaml')
  const catalog = catalogOf([users, billing])

  it('fits a code inside its own range', () => {
    assert.deepEqual(codePlacement(catalog, 3001, billing, 'billing.yaml'), { kind: 'fits' })
  })

  it('calls a code in another group range foreign, and one in no range outside', () => {
    assert.deepEqual(codePlacement(catalog, 2001, billing, 'billing.yaml'), {
      kind: 'foreign',
      owner: users,
      group: billing,
    })
    assert.deepEqual(codePlacement(catalog, 5000, billing, 'billing.yaml'), {
      kind: 'outside',
      group: billing,
    })
  })

  it("calls foreign a service file's error that falls in another file's group", () => {
    assert.deepEqual(codePlacement(catalog, 2001, users, 'billing.yaml'), {
      kind: 'foreign',
      owner: users,
    })
  })

  it('accepts errors listed in files without groups of their own', () => {
    assert.deepEqual(codePlacement(catalog, 2001, users, 'errors.yaml'), { kind: 'fits' })
  })
})
