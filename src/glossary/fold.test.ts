import { describe, expect, it } from 'vitest'
import { canEndBefore, canStartAfter, findBadCharacter, foldText, matchKey } from './fold'

const cp = (c: string): number => c.codePointAt(0) ?? -1

describe('matchKey', () => {
  it.each([
    ["Xi'an", 'Xi’an'],
    ["Xi'an", 'XIʼAN'],
    ["Xi'an", 'xi′an'],
    ['Carnegie Russia Eurasia Center', 'Carnegie  Russia\nEurasia\u00A0Center'],
    ['Кремлём', 'КРЕМЛЕМ'],
    ['ΟΔΟΣ', 'οδος'],
    ['Kremlin', 'Krem\u00ADlin\u200B'],
    ['Café', 'Cafe\u0301'],
  ])('folds %j and %j to the same key', (a, b) => {
    expect(matchKey(a)).toBe(matchKey(b))
  })

  it('keeps case when asked', () => {
    expect(matchKey('US', false)).not.toBe(matchKey('us', false))
    expect(matchKey(' US ', false)).toBe('US')
  })
})

describe('foldText', () => {
  it('maps every folded unit back to the source', () => {
    const source = 'A  \nB\u200BC İx'
    const f = foldText(source, true)
    const units = String.fromCharCode(...f.units.subarray(0, f.length))
    // whitespace runs collapse, the zero-width space disappears, İ lowercases to two units
    expect(units).toBe('a bc i\u0307x')
    expect(source.slice(f.starts[1], f.ends[1])).toBe('  \n')
    expect(source.slice(f.starts[5], f.ends[6])).toBe('İ')
  })
})

describe('word boundaries', () => {
  it('requires a boundary between letters of spaced scripts', () => {
    expect(canEndBefore(cp('n'), cp('y'))).toBe(false)
    expect(canEndBefore(cp('n'), cp("'"))).toBe(true)
    expect(canStartAfter(cp('а'), cp('К'))).toBe(false)
    expect(canStartAfter(-1, cp('X'))).toBe(true)
  })

  it('allows any position next to Chinese, Japanese or Thai', () => {
    expect(canStartAfter(cp('在'), cp('西'))).toBe(true)
    expect(canEndBefore(cp('安'), cp('市'))).toBe(true)
    expect(canEndBefore(cp('ก'), cp('ข'))).toBe(true)
  })

  it('lets Korean endings follow a term', () => {
    expect(canEndBefore(cp('안'), cp('에'))).toBe(true)
    expect(canStartAfter(cp('도'), cp('시'))).toBe(false)
  })
})

describe('findBadCharacter', () => {
  it.each([
    ['tab', 'a\tb', 'control'],
    ['BEL', 'a\u0007b', 'control'],
    ['C1', 'a\u0085b', 'control'],
    ['line separator', 'a\u2028b', 'line_separator'],
    ['paragraph separator', 'a\u2029b', 'line_separator'],
    ['RLO', 'a\u202Eb', 'bidi'],
    ['LRE', 'a\u202Ab', 'bidi'],
    ['isolate', 'a\u2066b', 'bidi'],
    ['PDI', 'a\u2069b', 'bidi'],
    ['RLM', 'a\u200Fb', 'bidi'],
    ['ZWSP', 'a\u200Bb', 'invisible'],
    ['BOM', '\uFEFFab', 'invisible'],
    ['lone surrogate', 'a\uD800b', 'lone_surrogate'],
  ])('finds a %s', (_name, text, kind) => {
    expect(findBadCharacter(text)?.kind).toBe(kind)
  })

  it('accepts ordinary text in any script, emoji and ZWJ/ZWNJ', () => {
    for (const text of ["Xi'an", 'Си Цзиньпин', '习近平', 'می‌خواهم', 'שלום', '👩‍👩‍👧']) {
      expect(findBadCharacter(text)).toBeUndefined()
    }
  })
})
