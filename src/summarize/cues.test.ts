import { describe, expect, it } from 'vitest'
import { density, opensWithConnective, quotedShare } from './cues'

const whole = (f: (text: string, start: number, end: number) => number, text: string): number =>
  f(text, 0, text.length)

describe('quotedShare', () => {
  it('measures the letters inside quotation marks', () => {
    expect(whole(quotedShare, '"We won," he said.')).toBeCloseTo(5 / 11)
    expect(whole(quotedShare, '« Nous avons gagné », a dit le maire.')).toBeCloseTo(14 / 25)
    expect(whole(quotedShare, "'I can't stay,' she said.")).toBeCloseTo(9 / 16)
    expect(whole(quotedShare, '‘It’s over’ for Tottenham.')).toBeCloseTo(7 / 19)
  })

  it('does not read apostrophes as quotation marks', () => {
    expect(whole(quotedShare, "The council's plan isn't new.")).toBe(0)
    expect(whole(quotedShare, 'L’État a dit non.')).toBe(0)
  })

  it('is 0 without letters', () => {
    expect(whole(quotedShare, '…')).toBe(0)
  })
})

describe('density', () => {
  it('counts capitalised words after the first, and words with digits', () => {
    const text = 'The Bank of England raised rates to 5.25% on Thursday.'
    const d = density(text, 'en', 0, text.length)
    // 11 words: Bank, England, Thursday capitalised; 5, 25 numbers.
    expect(d.capitalised).toBeCloseTo(3 / 11)
    expect(d.numbers).toBeCloseTo(2 / 11)
  })

  it('finds no capitals in scripts without case', () => {
    const text = '杭州市今天开通了首条无人驾驶地铁线路。'
    expect(density(text, 'zh', 0, text.length).capitalised).toBe(0)
  })
})

describe('opensWithConnective', () => {
  const opens = (text: string, language = 'en'): boolean =>
    opensWithConnective(text, language, 0, text.length)

  it('recognises connectives and bare attributions, after opening quotes', () => {
    expect(opens('But the council disagreed.')).toBe(true)
    expect(opens('However, nobody came.')).toBe(true)
    expect(opens('He said: "We will appeal."')).toBe(true)
    expect(opens('"And then it rained," she said.')).toBe(true)
    expect(opens('Mais le maire a refusé.', 'fr')).toBe(true)
  })

  it('needs a whole word and a known language', () => {
    expect(opens('Andrew Smith won.')).toBe(false)
    expect(opens('Some voters stayed home.')).toBe(false)
    expect(opens('The council disagreed.')).toBe(false)
    expect(opens('But it rained.', 'xx')).toBe(false)
  })
})
