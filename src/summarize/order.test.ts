import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Arena } from './arena'
import { comparatorOrder, rankOrder } from './order'

/** Scores the way ranking produces them, plus the values that test a bit-level sort. */
const score = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY
  ),
  fc.integer({ min: 0, max: 4 }).map((k) => k / 4)
)

function check(selectable: Uint8Array, scores: Float64Array): void {
  const expected = comparatorOrder(
    [...selectable.keys()].filter((i) => selectable[i] === 1),
    scores
  )
  expect([...rankOrder(selectable, scores, new Arena())]).toEqual(expected)
}

describe('rankOrder', () => {
  it('orders like the comparator at every size (insertion, comparator and radix paths)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.array(score, { minLength: 1, maxLength: 40 }),
        fc.integer(),
        (n, palette, seed) => {
          // Few distinct values (drawn from a small palette) make ties the common case.
          let state = seed >>> 0
          const next = () => {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0
            return state
          }
          const scores = Float64Array.from(
            { length: n },
            () => palette[next() % palette.length] as number
          )
          const selectable = Uint8Array.from({ length: n }, () => (next() % 5 === 0 ? 0 : 1))
          check(selectable, scores)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('orders tens of thousands of near-equal scores like the comparator', () => {
    const n = 58_000
    const scores = Float64Array.from(
      { length: n },
      (_, i) => 1 / (1 + Math.exp((i - 3) / 2)) + (i % 7) * 1e-17
    )
    check(new Uint8Array(n).fill(1), scores)
  })

  it('falls back to the comparator when a score is NaN', () => {
    const scores = Float64Array.from({ length: 1000 }, (_, i) => (i === 500 ? Number.NaN : i % 3))
    const selectable = new Uint8Array(1000).fill(1)
    expect([...rankOrder(selectable, scores, new Arena())]).toEqual(
      comparatorOrder([...selectable.keys()], scores)
    )
  })
})
