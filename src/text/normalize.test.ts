import { describe, expect, it } from 'vitest'
import { foldApostrophes } from './chars'
import { toNfc } from './normalize'

describe('toNfc', () => {
  it('keeps NFC text as is, with an identity offset map', () => {
    const n = toNfc('Xi’an summit')
    expect(n.identity).toBe(true)
    expect(n.text).toBe('Xi’an summit')
    expect(n.toOriginal(4)).toBe(4)
  })

  it('composes decomposed text and maps offsets back to the input', () => {
    const input = 'Cafe\u0301 noir'
    const n = toNfc(input)
    expect(n.text).toBe('Café noir')
    expect(n.identity).toBe(false)
    expect(n.toOriginal(4)).toBe(5)
    expect(input.slice(n.toOriginal(5), n.toOriginal(9))).toBe('noir')
  })

  it('leaves lone surrogates alone', () => {
    expect(toNfc('a\uD800b').text).toBe('a\uD800b')
  })
})

describe('foldApostrophes', () => {
  it('folds typographic apostrophes one unit for one', () => {
    expect(foldApostrophes('Xi’an Xiʼan Xi′an')).toBe("Xi'an Xi'an Xi'an")
  })
})
