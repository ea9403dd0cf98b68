import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { formatCell, parseCell } from './cell'

describe('parseCell', () => {
  it('splits preferred, variants, forms and forbidden terms', () => {
    expect(parseCell("Xi'an|Xian|~Xi'ans|!Xi'un")).toEqual({
      terms: ["Xi'an", 'Xian'],
      forms: ["Xi'ans"],
      forbidden: ["Xi'un"],
      problems: [],
    })
  })

  it('reads escapes', () => {
    expect(parseCell('AC\\|DC|\\!Kung|\\~tilde|back\\\\slash').terms).toEqual([
      'AC|DC',
      '!Kung',
      '~tilde',
      'back\\slash',
    ])
  })

  it('gives nothing for an empty cell and keeps empty items for validation', () => {
    expect(parseCell('  ').terms).toEqual([])
    expect(parseCell('|Xian').terms).toEqual(['', 'Xian'])
  })

  it('accepts a cell of only forbidden terms', () => {
    expect(parseCell('!Tiempo Financiero').forbidden).toEqual(['Tiempo Financiero'])
    expect(parseCell('!Tiempo Financiero').problems).toEqual([])
  })

  it('reports unknown escapes and a forbidden term in first place', () => {
    expect(parseCell('a\\nb').problems[0]?.code).toBe('bad_escape')
    expect(parseCell('!Bad|Good').problems[0]?.code).toBe('misplaced_term')
  })
})

const term = fc.string({ minLength: 1, maxLength: 12 }).filter((t) => t.trim() === t && t !== '')

test.prop([
  fc.array(term, { minLength: 1, maxLength: 4 }),
  fc.array(term, { maxLength: 3 }),
  fc.array(term, { maxLength: 3 }),
])('formatCell and parseCell round-trip any terms', (terms, forms, forbidden) => {
  const parsed = parseCell(formatCell(terms, forms, forbidden))
  expect(parsed).toEqual({ terms, forms, forbidden, problems: [] })
})
